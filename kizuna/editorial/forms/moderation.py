"""Forms of suggestions and moderation.

- `changes_form(kind, fields)`: a ModelForm over the public allow-list of a kind, so a proposed
  value is checked exactly as the registry checks it (choices, dates, URLs, constraints).
- `SuggestionForm`: what is wrong, the source and (for visitors) who is asking, with the spam
  checks that need no third-party service: a honeypot field people never see, and a signed
  timestamp refusing forms sent faster than a person can (KIZUNA_SUGGESTION_MIN_SECONDS).
- `AcceptForm`, `RejectForm`: a moderator's edit summary or reason.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

from kizuna.core.dates import Precision
from kizuna.registry.models import Authority, Country, Link

from ..models import Suggestion, SuggestionKind

# Fields the public may propose values for, per kind. Not here: slugs, codes, the authorities
# of an existing link, confidence and sources (staff judgements and records).
PUBLIC_FIELDS = {
    SuggestionKind.LINK: [
        "type",
        "status",
        "formed",
        "formed_precision",
        "formed_basis_en",
        "formed_basis_ja",
        "ended",
        "ended_precision",
        "clair_criteria",
        "story_en",
        "story_ja",
    ],
    SuggestionKind.AUTHORITY: [
        "name_en",
        "name_ja",
        "kana",
        "romaji",
        "website",
        "population",
        "population_year",
        "start_date",
        "end_date",
    ],
    SuggestionKind.NEW_LINK: [
        "uk_authority",
        "jp_authority",
        "type",
        "status",
        "formed",
        "formed_precision",
        "story_en",
        "story_ja",
    ],
}
MODELS = {
    SuggestionKind.LINK: Link,
    SuggestionKind.AUTHORITY: Authority,
    SuggestionKind.NEW_LINK: Link,
}
LABELS = {
    "uk_authority": _("UK authority"),
    "jp_authority": _("Japanese authority"),
    "type": _("Type"),
    "status": _("Status"),
    "formed": _("Formed"),
    "formed_precision": _("How precise the date is"),
    "formed_basis_en": _("What the date is (English)"),
    "formed_basis_ja": _("What the date is (Japanese)"),
    "ended": _("Ended"),
    "ended_precision": _("How precise the end date is"),
    "clair_criteria": _("Meets CLAIR's criteria for a sister relationship"),
    "story_en": _("The story (English)"),
    "story_ja": _("The story (Japanese)"),
    "name_en": _("English name"),
    "name_ja": _("Japanese name"),
    "kana": _("Kana"),
    "romaji": _("Romaji"),
    "website": _("Website"),
    "population": _("Population"),
    "population_year": _("Population year"),
    "start_date": _("Existed from"),
    "end_date": _("Existed until"),
}
# The models' help texts are English only: these replace them (empty where none is needed).
HELP = {
    "formed_basis_en": _("What the date is, e.g. the signing in Komatsu."),
    "clair_criteria": _(
        "Agreement signed by both heads, exchange not limited to one field, approved by the "
        "assembly."
    ),
    "name_ja": _(
        "Kanji for Japanese authorities; for UK ones, the katakana name Japanese sources use."
    ),
    "kana": _("Reading in hiragana."),
    "romaji": _("Hepburn with macrons."),
    "end_date": _("Last day it existed."),
}
PRECISION_CHOICES = [
    (Precision.YEAR, _("year only")),
    (Precision.MONTH, _("year and month")),
    (Precision.DAY, _("full date")),
]
DATE_FIELDS = {"formed", "ended", "start_date", "end_date"}
TEXT_FIELDS = {"story_en", "story_ja"}
AUTHORITY_FIELDS = {"uk_authority", "jp_authority"}
# A date picker takes ISO dates whatever the language.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FORM_SALT = "kizuna.editorial.suggestion-form"


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, authority):
        parent = f" ({authority.parent.name_en})" if authority.parent else ""
        ended = f" – {authority.end_date.year}" if authority.end_date else ""
        return f"{authority.name_en} {authority.name_ja}{parent}{ended}".replace("  ", " ")


class PlainLabels:
    """Labels without Django's ':' suffix (several labels are questions)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ChangesForm(PlainLabels, forms.ModelForm):
    """Proposed values; the UK and Japanese sides choose among their own country's authorities."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in {"formed_precision", "ended_precision"} & self.fields.keys():
            self.fields[name].choices = PRECISION_CHOICES
        for name, country in (("uk_authority", Country.GB), ("jp_authority", Country.JP)):
            if name in self.fields:
                self.fields[name].queryset = (
                    Authority.objects.in_country(country)
                    .select_related("parent")
                    .order_by("name_en", "pk")
                )


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def changes_form(kind: str, fields=None):
    """A ModelForm class over `fields` (default: the kind's whole allow-list)."""
    fields = list(fields or PUBLIC_FIELDS[kind])
    return forms.modelform_factory(
        MODELS[kind],
        form=ChangesForm,
        fields=fields,
        formfield_callback=_formfield,
        labels={name: LABELS[name] for name in fields},
        help_texts={name: HELP.get(name, "") for name in fields},
        widgets={
            **dict.fromkeys(DATE_FIELDS & {*fields}, DATE_INPUT),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in TEXT_FIELDS & {*fields}},
        },
        field_classes=dict.fromkeys(AUTHORITY_FIELDS & {*fields}, AuthorityChoiceField),
    )


def started_token(at: float | None = None) -> str:
    """The signed time a form was shown (a hidden field), to refuse forms sent too fast."""
    return signing.dumps(time.time() if at is None else at, salt=FORM_SALT)


class SuggestionForm(PlainLabels, forms.ModelForm):
    """The suggester's message and source; name and address only for visitors not signed in."""

    # Named like a field bots fill in; hidden from people and screen readers in the template.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    source_url = forms.URLField(
        label=_("Source: web address"),
        help_text=_("Where this can be checked, e.g. the council's page on the link."),
        max_length=500,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Suggestion
        fields = ["message", "source_url", "source_description", "name", "email"]
        labels = {
            "message": _("What is wrong, or what should be added?"),
            "source_description": _("Source: description"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address (optional)"),
        }
        help_texts = {
            "source_description": _(
                "If there is no web page: a document, a newsletter, a plaque, with its date."
            ),
            "name": _(
                "We credit you by this name in the public history. Leave it empty to be "
                "credited as a visitor."
            ),
            "email": _("Only to tell you what we decided. Never shown or shared."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = started_token()
        if signed_in:
            del self.fields["name"], self.fields["email"]

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(
                _("This looks like an automated submission and was not saved."), code="honeypot"
            )
        return ""

    def clean_started(self):
        try:
            started = signing.loads(self.cleaned_data["started"], salt=FORM_SALT, max_age=86400)
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("This form has expired. Please reload the page and send it again."),
                code="expired",
            ) from error
        if time.time() - started < settings.KIZUNA_SUGGESTION_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was faster than a person can check a form. Please read it through, "
                    "then send it again."
                ),
                code="too_fast",
            )
        return started


class AcceptForm(PlainLabels, forms.Form):
    summary = forms.CharField(
        label=_("Edit summary"),
        max_length=300,
        help_text=_("Shown in the public history after the suggester's credit."),
    )
    # The revision of the target the moderator was shown (see moderation.accept).
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RejectForm(PlainLabels, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the suggester if they left an address."),
    )
