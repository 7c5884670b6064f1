"""Suggestions and their moderation: anyone may suggest, staff accept or reject.

- `suggest` stores a correction to a link or an authority, or a new link, after checking the
  proposed values as the registry would (only fields of the public allow-list, values valid for
  their model fields, a source required), and tells the staff by e-mail.
- `accept` applies it through kizuna/editorial/editing.py, so the registry's history records the
  edit by the moderator with a summary crediting the suggester; the suggestion's source becomes
  a registry Source of the object. A target edited since the suggestion raises
  `editing.Conflict` unless the moderator accepts against the revision they were shown.
- `reject` records the reason. Either decision is e-mailed to the suggester, in the language
  they wrote in, if they left an address or have an account.
Callers check kizuna.editorial.roles (can_moderate) before accept and reject.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kizuna.registry.models import Link, Source

from . import editing
from .forms.moderation import MODELS, PUBLIC_FIELDS, changes_form
from .models import Suggestion, SuggestionKind, SuggestionStatus

NEW_LINK_REQUIRED = ("uk_authority", "jp_authority", "type")


def suggest(
    kind: str,
    target=None,
    changes: dict | None = None,
    *,
    message: str = "",
    source_url: str = "",
    source_description: str = "",
    user=None,
    name: str = "",
    email: str = "",
    language: str = settings.LANGUAGE_CODE,
    base_url: str = "",
) -> Suggestion:
    """Store a pending suggestion (ValidationError naming the problem, nothing stored) and
    e-mail the staff once it is committed. A signed-in `user` is the suggester; name and e-mail
    are for visitors."""
    if (target is None) != (kind == SuggestionKind.NEW_LINK):
        raise ValueError(f"a {kind} suggestion takes {'a' if target is None else 'no'} target")
    changes = clean_changes(kind, target, changes or {})
    if kind != SuggestionKind.NEW_LINK and not (changes or message.strip()):
        raise ValidationError(_("Say what is wrong, or propose a new value."))
    signed_in = user is not None and user.is_authenticated
    suggestion = Suggestion(
        kind=kind,
        link=target if kind == SuggestionKind.LINK else None,
        authority=target if kind == SuggestionKind.AUTHORITY else None,
        revision=target.revision if target is not None else None,
        changes=changes,
        message=message.strip(),
        source_url=source_url.strip(),
        source_description=source_description.strip(),
        user=user if signed_in else None,
        name="" if signed_in else name.strip(),
        email="" if signed_in else email.strip(),
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
    )
    suggestion.full_clean()
    suggestion.save()
    transaction.on_commit(lambda: notify_staff(suggestion, base_url))
    return suggestion


def clean_changes(kind: str, target, changes: dict) -> dict:
    """The proposed values as JSON, checked by a ModelForm over the allow-list of the kind."""
    refused = sorted(set(changes) - set(PUBLIC_FIELDS[kind]))
    if refused:
        raise ValidationError(
            _("These fields cannot be changed by a suggestion: %(fields)s"),
            params={"fields": ", ".join(refused)},
            code="not_allowed",
        )
    if kind == SuggestionKind.NEW_LINK:
        missing = [name for name in NEW_LINK_REQUIRED if changes.get(name) in (None, "")]
        if missing:
            raise ValidationError({name: _("This field is required.") for name in missing})
        instance = Link()
    else:
        # A copy: the form writes the proposed values onto its instance when it validates.
        instance = type(target).objects.get(pk=target.pk)
    form = changes_form(kind, changes)(data=_as_data(changes), instance=instance)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return {name: _as_json(form.cleaned_data[name]) for name in changes}


def accept(suggestion, moderator, summary: str, edited_changes=None, revision=None, base_url=""):
    """Apply a pending suggestion (or the moderator's edit of it) and return the object changed
    or created. `revision` is the target's revision the moderator saw (default: the one the
    suggestion was made at); an edit since then raises editing.Conflict and changes nothing."""
    if not summary or not summary.strip():
        raise ValidationError({"summary": _("Say what you changed and why (an edit summary).")})
    with transaction.atomic():
        suggestion = _pending(suggestion)
        changes = suggestion.changes
        if edited_changes is not None:
            changes = clean_changes(suggestion.kind, suggestion.target, edited_changes)
        credit = f"Suggested by {suggester_name(suggestion)}: {summary.strip()}"
        obj = _apply(
            suggestion, from_json(MODELS[suggestion.kind], changes), moderator, credit, revision
        )
        if suggestion.kind == SuggestionKind.NEW_LINK:
            suggestion.link = obj
        suggestion.changes = changes
        _decide(suggestion, SuggestionStatus.ACCEPTED, moderator, base_url, applied_summary=credit)
    return obj


def reject(suggestion, moderator, reason: str, base_url: str = "") -> Suggestion:
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the reason, for the suggester and the record.")})
    with transaction.atomic():
        suggestion = _pending(suggestion)
        _decide(suggestion, SuggestionStatus.REJECTED, moderator, base_url, reason=reason.strip())
    return suggestion


def suggester_name(suggestion) -> str:
    """How the public history credits the suggester (history summaries are stored in English,
    like the moderator's own summary)."""
    if suggestion.name:
        return suggestion.name
    if suggestion.user is not None:
        officer = suggestion.user.officerships.exists()
        return suggestion.user.get_full_name() or (
            "an authority officer" if officer else "a visitor"
        )
    return "a visitor"


def notify_staff(suggestion, base_url: str = "") -> None:
    recipients = list(
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            url = base_url + reverse("editorial:moderation_detail", args=[suggestion.pk])
            _send("new", {"suggestion": suggestion, "url": url}, recipients)


def notify_suggester(suggestion, base_url: str = "") -> None:
    if not suggestion.reply_address:
        return
    with translation.override(suggestion.language):
        target = suggestion.target
        url = ""
        if target is not None:
            view = "website:link" if isinstance(target, Link) else "website:authority"
            url = base_url + reverse(view, args=[target.slug])
        context = {"suggestion": suggestion, "target": target, "url": url}
        _send(suggestion.status, context, [suggestion.reply_address])


def _send(name: str, context: dict, recipients: list[str]) -> None:
    subject = render_to_string(f"editorial/mail/suggestion_{name}_subject.txt", context)
    body = render_to_string(f"editorial/mail/suggestion_{name}.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)


def _pending(suggestion) -> Suggestion:
    """The suggestion, locked; refused if someone decided it meanwhile."""
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != SuggestionStatus.PENDING:
        raise ValidationError(
            _("This suggestion was already %(status)s."),
            params={"status": locked.get_status_display()},
            code="decided",
        )
    return locked


def _apply(suggestion, values: dict, moderator, credit: str, revision):
    source = _source(suggestion, moderator, credit)
    if suggestion.kind == SuggestionKind.NEW_LINK:
        # Validation runs before the save that would name it, so name it first.
        slug = Link(**{k: v for k, v in values.items() if k in NEW_LINK_REQUIRED}).free_slug()
        values = {**values, "slug": slug, "sources": [source]}
        return editing.create(Link, values, user=moderator, summary=credit)
    target = suggestion.target
    sources = [*target.sources.all(), source]
    return editing.update(
        target,
        {**values, "sources": sources},
        user=moderator,
        summary=credit,
        revision=suggestion.revision if revision is None else revision,
    )


def _source(suggestion, moderator, credit: str) -> Source:
    """The suggestion's source as a registry Source (the existing one for a known address)."""
    if suggestion.source_url:
        existing = Source.objects.filter(url=suggestion.source_url).first()
        if existing is not None:
            return existing
    values = {
        "url": suggestion.source_url,
        "title": (suggestion.source_description or suggestion.source_url)[:300],
        "accessed": timezone.localdate(),
    }
    return editing.create(Source, values, user=moderator, summary=credit)


def _decide(suggestion, status: str, moderator, base_url: str, **fields) -> None:
    suggestion.status = status
    suggestion.decided_by = moderator
    suggestion.decided_at = timezone.now()
    for name, value in fields.items():
        setattr(suggestion, name, value)
    suggestion.full_clean()
    suggestion.save()
    transaction.on_commit(lambda: notify_suggester(suggestion, base_url))


def _as_data(changes: dict) -> dict:
    """Stored JSON values as form data (None is an empty field)."""
    return {name: "" if value is None else value for name, value in changes.items()}


def _as_json(value):
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def from_json(model, changes: dict) -> dict:
    """Stored JSON values as model field values (related objects fetched by key)."""
    values = {}
    for name, value in changes.items():
        field = model._meta.get_field(name)
        if field.is_relation:
            values[name] = field.related_model.objects.filter(pk=value).first()
        else:
            values[name] = field.to_python(value)
    return values
