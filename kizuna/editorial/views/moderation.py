"""Suggestion forms and the staff moderation queue.

Anyone may suggest (no account); signed-in users (authority officers) suggest from their account.
Spam control needs no outside service: the form's honeypot and minimum time (forms/moderation.py)
and, for visitors not signed in, KIZUNA_SUGGESTION_RATE suggestions per client address, counted
in the shared cache. Moderation is for staff editors with a second factor
(access.staff_required); decisions are POST only.
"""

import copy
import math

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from ninja.throttling import SimpleRateThrottle

from kizuna.registry.models import Authority, Link

from .. import moderation, roles
from ..access import staff_required
from ..editing import Conflict
from ..forms.moderation import (
    LABELS,
    MODELS,
    PUBLIC_FIELDS,
    AcceptForm,
    RejectForm,
    SuggestionForm,
    changes_form,
)
from ..models import Suggestion, SuggestionKind, SuggestionStatus

PER_PAGE = 50
# The edit-then-accept form has its own summary field on the same page: its own element ids.
EDIT_ACCEPT_ID = "edit-accept_%s"


class SuggestionThrottle(SimpleRateThrottle):
    """Suggestions per client address (found as the API finds it, see KIZUNA_PROXIES)."""

    scope = "suggestions"

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def suggest_link(request, slug):
    return _suggest(request, SuggestionKind.LINK, get_object_or_404(Link, slug=slug))


def suggest_authority(request, slug):
    return _suggest(request, SuggestionKind.AUTHORITY, get_object_or_404(Authority, slug=slug))


def suggest_new_link(request):
    return _suggest(request, SuggestionKind.NEW_LINK, None)


def suggestion_sent(request):
    return render(request, "editorial/suggest_sent.html")


def _suggest(request, kind, target):
    data = request.POST if request.method == "POST" else None
    # The form writes proposed values onto its instance; the page keeps showing the target's.
    instance = copy.copy(target) if target is not None else None
    changes = changes_form(kind)(data, instance=instance, prefix="change")
    details = SuggestionForm(data, signed_in=request.user.is_authenticated)
    status = 200
    if data is not None and changes.is_valid() and details.is_valid():
        if _rate_limited(request):
            details.add_error(None, _rate_message())
            status = 429
        else:
            try:
                moderation.suggest(
                    kind,
                    target,
                    _proposed(kind, changes),
                    **{k: v for k, v in details.cleaned_data.items() if k in DETAIL_FIELDS},
                    user=request.user,
                    language=get_language(),
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                _show_errors(error, changes, details)
            else:
                return redirect("editorial:suggestion_sent")
    context = {"kind": kind, "target": target, "changes": changes, "details": details}
    return render(request, "editorial/suggest.html", context, status=status)


DETAIL_FIELDS = {"message", "source_url", "source_description", "name", "email"}


def _proposed(kind, changes) -> dict:
    """A correction proposes the fields changed; a new link, all of them."""
    names = changes.fields if kind == SuggestionKind.NEW_LINK else changes.changed_data
    return {name: changes.cleaned_data[name] for name in names}


def _rate_limited(request) -> bool:
    if request.user.is_authenticated or not settings.KIZUNA_SUGGESTION_RATE:
        return False
    return not SuggestionThrottle(settings.KIZUNA_SUGGESTION_RATE).allow_request(request)


def _rate_message() -> str:
    throttle = SuggestionThrottle(settings.KIZUNA_SUGGESTION_RATE)
    return _(
        "You have sent %(count)d suggestions from your address in the last %(minutes)d minutes, "
        "the most we accept. Thank you! Please send this one later; your text is still here."
    ) % {"count": throttle.num_requests, "minutes": math.ceil(throttle.duration / 60)}


def _show_errors(error: ValidationError, *forms) -> None:
    """Attach the service's errors to the form holding each field (else to the last form)."""
    errors = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    for field, field_errors in errors.items():
        holder = next((form for form in forms if field in form.fields), forms[-1])
        holder.add_error(field if field in holder.fields else None, field_errors)


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@staff_required
def queue(request):
    suggestions = Suggestion.objects.queue().select_related(
        "link__uk_authority", "link__jp_authority", "authority", "user"
    )
    page = Paginator(suggestions, PER_PAGE).get_page(request.GET.get("page"))
    pending = Suggestion.objects.filter(status=SuggestionStatus.PENDING).count()
    return render(request, "editorial/moderation_queue.html", {"page": page, "pending": pending})


@staff_required
def detail(request, pk):
    return _detail(request, _suggestion(pk))


@require_POST
@staff_required
def accept(request, pk):
    """Accept as proposed, or (with `edited`) the moderator's edit of the proposed values."""
    suggestion = _suggestion(pk)
    edited = "edited" in request.POST
    form = AcceptForm(request.POST, auto_id=EDIT_ACCEPT_ID if edited else "id_%s")
    edit = _edit_form(suggestion, request.POST) if edited else None
    slot = "edit_accept_form" if edited else "accept_form"
    if form.is_valid() and (edit is None or edit.is_valid()):
        try:
            obj = moderation.accept(
                suggestion,
                request.user,
                form.cleaned_data["summary"],
                edited_changes=edit.cleaned_data if edit is not None else None,
                revision=form.cleaned_data["revision"],
                base_url=_base_url(request),
            )
        except Conflict as conflict:
            # Offer to accept again over the current version, which the page now shows.
            retry = AcceptForm(
                initial={**form.cleaned_data, "revision": conflict.current.revision},
                auto_id=form.auto_id,
            )
            forms = {slot: retry, "edit_form": edit}
            return _detail(request, suggestion, conflict=True, status=409, **forms)
        except ValidationError as error:
            _show_errors(error, *[f for f in (edit, form) if f is not None])
        else:
            messages.success(request, _("Accepted and applied: %(object)s.") % {"object": obj})
            return redirect("editorial:moderation_queue")
    return _detail(request, suggestion, status=400, **{slot: form, "edit_form": edit})


@require_POST
@staff_required
def reject(request, pk):
    suggestion = _suggestion(pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            moderation.reject(
                suggestion, request.user, form.cleaned_data["reason"], base_url=_base_url(request)
            )
        except ValidationError as error:
            _show_errors(error, form)
        else:
            messages.success(request, _("Rejected: %(suggestion)s.") % {"suggestion": suggestion})
            return redirect("editorial:moderation_queue")
    return _detail(request, suggestion, reject_form=form, status=400)


def _suggestion(pk) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related(
            "link__uk_authority", "link__jp_authority", "authority", "user", "decided_by"
        ),
        pk=pk,
    )


def _edit_form(suggestion, data=None):
    """The proposed values, for the moderator to edit before accepting (a message-only
    suggestion offers every field of the allow-list)."""
    fields = list(suggestion.changes) or PUBLIC_FIELDS[suggestion.kind]
    target = suggestion.target
    instance = type(target).objects.get(pk=target.pk) if target is not None else None
    initial = moderation.from_json(MODELS[suggestion.kind], suggestion.changes)
    return changes_form(suggestion.kind, fields)(
        data, instance=instance, initial=initial, prefix="edit"
    )


def _detail(request, suggestion, *, status=200, conflict=False, **forms):
    target = suggestion.target
    if suggestion.status == SuggestionStatus.PENDING and target is not None:
        # Re-read: the page shows the values as they are now.
        target = type(target).objects.get(pk=target.pk)
    context = {
        "suggestion": suggestion,
        "target": target,
        "rows": compare(suggestion, target),
        "changed_since": target is not None and target.revision != suggestion.revision,
        "conflict": conflict,
        "officer_proposal": _officer_proposal(suggestion, target),
    }
    if suggestion.status == SuggestionStatus.PENDING:
        revision = {"revision": target.revision if target is not None else None}
        context |= {
            "accept_form": forms.get("accept_form") or AcceptForm(initial=revision),
            "edit_accept_form": forms.get("edit_accept_form")
            or AcceptForm(initial=revision, auto_id=EDIT_ACCEPT_ID),
            "edit_form": forms.get("edit_form") or _edit_form(suggestion),
            "reject_form": forms.get("reject_form") or RejectForm(),
        }
    return render(request, "editorial/moderation_detail.html", context, status=status)


def _officer_proposal(suggestion, target) -> bool:
    """From an officer of the authority concerned (roles.can_propose), worth telling staff."""
    user = suggestion.user
    return bool(
        user is not None
        and target is not None
        and not roles.is_staff_editor(user)
        and roles.can_propose(user, target)
    )


def compare(suggestion, target) -> list[tuple]:
    """(label, current value, proposed value) of each proposed field, as people read them."""
    model = MODELS[suggestion.kind]
    proposed = moderation.from_json(model, suggestion.changes)
    return [
        (
            LABELS[name],
            _display(model, name, getattr(target, name)) if target is not None else "",
            _display(model, name, value),
        )
        for name, value in proposed.items()
    ]


def _display(model, name, value):
    field = model._meta.get_field(name)
    if value is None or value == "":
        return _("(empty)")
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value
