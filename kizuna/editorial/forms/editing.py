"""The forms staff and officers edit links, authorities, exchanges and sources with.

Each form carries a required edit summary and, hidden, the revision the editor read; `save_edit`
hands the values to kizuna.editorial.editing (one history row, Conflict when the revision is
stale). Dates known to a year or a month are typed as such ("1991", "1991-06"), like the
curated data (kizuna/core/dates.py). Sources are chosen among those already cited around the
object, or added by URL and title in the same edit.
"""

from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kizuna.core.dates import PartialDate, Precision, format_partial
from kizuna.registry.models import Authority, Exchange, Link, LinkStatus, Source

from .. import editing


class PartialDateField(forms.CharField):
    """A date to the precision known: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' → PartialDate."""

    default_error_messages = {
        "invalid": _(
            "“%(value)s” is not a date: give a year (1991), a month (1991-06) or a day "
            "(1991-06-13)."
        ),
    }

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": text}
            ) from None


class Difference(NamedTuple):
    label: str
    mine: str
    stored: str
    changed: bool


class EditForm(forms.ModelForm):
    """What every edit form shares: the edit summary, the revision read, partial dates and
    sources (chosen or added). Subclasses name their partial dates as {field: precision field}."""

    partial_dates: dict[str, str] = {}

    summary = forms.CharField(
        label=_("Edit summary"),
        max_length=300,
        help_text=_("Say what you changed and why; it is shown in the page's history."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("revision", self.instance.revision)
        for name, precision in self.partial_dates.items():
            value = getattr(self.instance, name)
            self.initial[name] = format_partial(value, getattr(self.instance, precision))
        if "sources" in self._meta.fields:
            self.fields["sources"].queryset = self.candidate_sources()

    def clean(self):
        cleaned = super().clean()
        # Set now so that model validation (dates in order, unique exchange) sees them.
        for name, precision in self.partial_dates.items():
            if name in cleaned:
                date = cleaned[name]
                setattr(self.instance, name, date.date if date else None)
                setattr(self.instance, precision, date.precision if date else Precision.YEAR)
        return cleaned

    def candidate_sources(self):
        return Source.objects.none()

    def values(self) -> dict:
        """Model field → value, as kizuna.editorial.editing takes them."""
        values = {name: self.cleaned_data[name] for name in self._meta.fields}
        for name, precision in self.partial_dates.items():
            values[name] = getattr(self.instance, name)
            values[precision] = getattr(self.instance, precision)
        return values

    def save_edit(self, user):
        """Create or update the object (a new source first, if one is given); Conflict or
        ValidationError leave everything as it was."""
        summary = self.cleaned_data["summary"]
        with transaction.atomic():
            values = self.values()
            new_source = self.new_source(user, summary)
            if new_source is not None:
                values["sources"] = [*values["sources"], new_source]
            if self.instance._state.adding:
                return editing.create(type(self.instance), values, user=user, summary=summary)
            return editing.update(
                self.instance,
                values,
                user=user,
                summary=summary,
                revision=self.cleaned_data["revision"],
            )

    def comparison(self, stored) -> list["Difference"]:
        """Each edited field as this (valid) form has it and as `stored` has it now."""
        names = [n for n in self.fields if n in self._meta.fields or n in self.partial_dates]
        rows = []
        for name in names:
            mine = self.shown(name, self.instance, self.cleaned_data)
            theirs = self.shown(name, stored, None)
            rows.append(Difference(self.fields[name].label, mine, theirs, mine != theirs))
        return rows

    def shown(self, name: str, obj, cleaned: dict | None) -> str:
        """A field's value as text; many-to-many values from `cleaned` when given (an unsaved
        edit), else from the database."""
        if name in self.partial_dates:
            return format_partial(getattr(obj, name), getattr(obj, self.partial_dates[name]))
        field = obj._meta.get_field(name)
        if field.many_to_many:
            items = cleaned[name] if cleaned is not None else getattr(obj, name).all()
            return "\n".join(sorted(self.fields[name].label_from_instance(i) for i in items))
        value = getattr(obj, name)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if value is None:
            return str(_("unknown"))
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        return str(value)

    def new_source(self, user, summary: str) -> Source | None:
        url = self.cleaned_data.get("new_source_url")
        if not url:
            return None
        existing = Source.objects.filter(url=url).first()
        if existing is not None:
            return existing
        values = {
            "url": url,
            "title": self.cleaned_data["new_source_title"],
            "publisher": self.cleaned_data.get("new_source_publisher", ""),
        }
        return editing.create(Source, values, user=user, summary=summary)


def bilingual_name(reason) -> str:
    return reason.name_ja if get_language() == "ja" else reason.name_en


class CitingForm(EditForm):
    """An edit form whose object cites sources: tick cited ones or add one by URL."""

    new_source_url = forms.URLField(
        label=_("New source: web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("To cite a page not listed above. A source already known is reused."),
    )
    new_source_title = forms.CharField(label=_("New source: title"), required=False, max_length=300)
    new_source_publisher = forms.CharField(
        label=_("New source: publisher"), required=False, max_length=200
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ticked or added: `clean` checks that there is one (or, for exchanges, the council's
        # word).
        self.fields["sources"].required = False

    def clean(self):
        cleaned = super().clean()
        url, title = cleaned.get("new_source_url"), cleaned.get("new_source_title")
        known = url and Source.objects.filter(url=url).exists()
        if url and not title and not known:
            self.add_error("new_source_title", _("Give the new source's title."))
        if title and not url:
            self.add_error("new_source_url", _("Give the new source's web address."))
        return cleaned

    def has_source(self) -> bool:
        return bool(self.cleaned_data.get("sources") or self.cleaned_data.get("new_source_url"))


class LinkForm(CitingForm):
    partial_dates = {"formed": "formed_precision", "ended": "ended_precision"}

    formed = PartialDateField(
        label=_("Formed"),
        required=False,
        help_text=_("As precise as the sources are: 1991, 1991-06 or 1991-06-13."),
    )
    ended = PartialDateField(
        label=_("Ended"), required=False, help_text=_("Only for a link whose status is ended.")
    )

    class Meta:
        model = Link
        fields = [
            "type",
            "status",
            "formed_basis_en",
            "formed_basis_ja",
            "formed_note",
            "formed_note_ja",
            "clair_criteria",
            "confidence",
            "reasons",
            "story_en",
            "story_ja",
            "sources",
        ]
        labels = {
            "type": _("Type"),
            "status": _("Status"),
            "formed_basis_en": _("Basis of the date (English)"),
            "formed_basis_ja": _("Basis of the date (Japanese)"),
            "formed_note": _("About the date (English)"),
            "formed_note_ja": _("About the date (Japanese)"),
            "clair_criteria": _("Meets CLAIR's criteria for a sister relationship"),
            "confidence": _("Confidence"),
            "reasons": _("Reasons"),
            "story_en": _("The story (English)"),
            "story_ja": _("The story (Japanese)"),
            "sources": _("Sources"),
        }
        help_texts = {
            "status": _(
                "Dormant and ended are staff decisions from evidence: cite the source that shows "
                "it."
            ),
            "formed_basis_en": _("What the date is, e.g. the signing in Komatsu."),
            "formed_note": _("Where sources disagree, and why we chose this date."),
            "clair_criteria": _(
                "Agreement signed by both heads, exchange not limited to one field, approved by "
                "the assembly. Unknown when the sources do not say."
            ),
            "story_en": _("Markdown: *emphasis*, **strong**, [links](https://…), lists."),
            "story_ja": _("Markdown: *emphasis*, **strong**, [links](https://…), lists."),
        }
        widgets = {
            "clair_criteria": forms.NullBooleanSelect,
            "reasons": forms.CheckboxSelectMultiple,
            "sources": forms.CheckboxSelectMultiple,
        }

    field_order = ["type", "status", "formed", "ended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reasons"].label_from_instance = bilingual_name

    def candidate_sources(self):
        link = self.instance
        return Source.objects.filter(
            Q(links=link.pk)
            | Q(exchanges__link=link.pk)
            | Q(agreements__link=link.pk)
            | Q(authorities__in=[link.uk_authority_id, link.jp_authority_id])
        ).distinct()

    def clean(self):
        cleaned = super().clean()
        if not self.has_source():
            self.add_error("sources", _("A link needs at least one source."))
        # The model's constraints, said in words rather than by constraint name.
        formed, ended = cleaned.get("formed"), cleaned.get("ended")
        if ended and cleaned.get("status") != LinkStatus.ENDED:
            self.add_error("ended", _("An end date is only for a link whose status is ended."))
        elif ended and formed and ended.date < formed.date:
            self.add_error("ended", _("The link cannot end before it was formed."))
        return cleaned


class AuthorityForm(EditForm):
    """The descriptive fields; codes, kinds and dates of existence come from the registers."""

    class Meta:
        model = Authority
        fields = [
            "name_en",
            "name_ja",
            "kana",
            "romaji",
            "romaji_plain",
            "website",
            "population",
            "population_year",
            "latitude",
            "longitude",
        ]
        labels = {
            "name_en": _("English name"),
            "name_ja": _("Japanese name"),
            "kana": _("Reading (hiragana)"),
            "romaji": _("Romaji (Hepburn with macrons)"),
            "romaji_plain": _("Romaji without macrons"),
            "website": _("Website"),
            "population": _("Population"),
            "population_year": _("Year of the population figure"),
            "latitude": _("Latitude"),
            "longitude": _("Longitude"),
        }
        help_texts = {
            "name_ja": _(
                "Kanji for Japanese authorities; the katakana name Japanese sources use for UK "
                "authorities."
            ),
            "latitude": _("Decimal degrees, e.g. 54.95 (the authority's centre)."),
            "longitude": _("Decimal degrees, e.g. -1.60 (west is negative)."),
        }

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both coordinates, or neither."))
        return cleaned


class ExchangeForm(CitingForm):
    """An exchange needs a source or the council's word ('reported by the council'): a CHECK
    constraint cannot see the many-to-many sources, so this form is where the rule lives."""

    partial_dates = {"date": "date_precision"}

    date = PartialDateField(
        label=_("Date"), help_text=_("As precise as you know it: 2024, 2024-07 or 2024-07-15.")
    )

    class Meta:
        model = Exchange
        fields = [
            "kind",
            "direction",
            "participants",
            "description_en",
            "description_ja",
            "sources",
            "reported_by_council",
        ]
        labels = {
            "kind": _("Kind"),
            "direction": _("Direction"),
            "participants": _("Participants"),
            "description_en": _("Description (English)"),
            "description_ja": _("Description (Japanese)"),
            "sources": _("Sources"),
            "reported_by_council": _("Reported by the council"),
        }
        help_texts = {
            "participants": _("How many people took part, if known."),
            "description_en": _("Plain text: what happened, who went where."),
            "reported_by_council": _(
                "Tick when there is no published source and the council itself is the source."
            ),
        }
        widgets = {"sources": forms.CheckboxSelectMultiple}

    field_order = ["date", "kind", "direction", "participants"]

    def candidate_sources(self):
        link = self.instance.link_id
        return Source.objects.filter(
            Q(links=link) | Q(exchanges__link=link) | Q(agreements__link=link)
        ).distinct()

    def clean(self):
        cleaned = super().clean()
        if not (self.has_source() or cleaned.get("reported_by_council")):
            self.add_error(
                "sources",
                _("Cite a source, or tick “reported by the council” if the council told you."),
            )
        date, exchange = cleaned.get("date"), self.instance
        twins = Exchange.objects.filter(link=exchange.link_id, kind=cleaned.get("kind"))
        if date and twins.filter(date=date.date).exclude(pk=exchange.pk).exists():
            self.add_error(
                "date", _("This link already has an exchange of this kind on this date.")
            )
        return cleaned

    def values(self) -> dict:
        return {**super().values(), "link": self.instance.link}


class SourceForm(EditForm):
    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "accessed"]
        labels = {
            "url": _("Web address"),
            "title": _("Title"),
            "publisher": _("Publisher"),
            "accessed": _("Accessed"),
        }
        help_texts = {
            "url": _("Empty for a printed document."),
            "accessed": _("When the page was last read, as YYYY-MM-DD."),
        }
        widgets = {"accessed": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
