"""The link filters, one definition for the website, the API and the CLI: one form validates
the values (a bad one is a clear error naming it and the choices: a 400 on the web, a
CommandError on the command line) and builds the queryset. The fixed vocabularies are
TextChoices, so the API's schema lists them as enums."""

from django import forms
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from .importers.japan import REGIONS
from .models import (
    KINDS_BY_COUNTRY,
    Authority,
    Country,
    DataVersion,
    Link,
    LinkStatus,
    LinkType,
    Reason,
)
from .queries import authority_by_ref, in_prefecture, links_of, signed_by

UKNation = models.TextChoices(
    "UKNation",
    [
        ("ENGLAND", "England"),
        ("NORTHERN_IRELAND", "Northern Ireland"),
        ("SCOTLAND", "Scotland"),
        ("WALES", "Wales"),
    ],
)
UKKind = models.TextChoices(
    "UKKind", [(kind.name, (kind.value, kind.label)) for kind in KINDS_BY_COUNTRY[Country.GB]]
)
JPRegion = models.TextChoices(
    "JPRegion", [(name.upper().replace("-", "_"), name) for *_, name in REGIONS]
)
Decade = models.TextChoices("Decade", [(f"D{d}", (str(d), f"{d}s")) for d in range(1980, 2030, 10)])
SORTS = {
    "formed": ("formed", "uk_authority__name_en", "jp_authority__name_en"),
    "-formed": ("-formed", "uk_authority__name_en", "jp_authority__name_en"),
    "name": ("uk_authority__name_en", "jp_authority__name_en"),
}


def uk_regions() -> list[tuple[str, str]]:
    """The UK regions there are: a dozen distinct values, no join over the links."""
    regions = (
        Authority.objects.filter(country=Country.GB)
        .exclude(region="")
        .values_list("region", flat=True)
        .distinct()
        .order_by("region")
    )
    return [(region, region) for region in regions]


def data_choices() -> dict[str, list[tuple[str, str]]]:
    """The choices the data gives (regions, prefectures, reasons), built once per data version
    in the shared cache: building them took half of an API links request."""
    return cache.get_or_set(f"link-filter-choices:{DataVersion.current()}", build_choices, 3600)


def build_choices() -> dict[str, list[tuple[str, str]]]:
    prefectures = Authority.objects.filter(kind="prefecture").order_by("code")
    names = prefectures.values_list("code", "name_en", "name_ja")
    return {
        "region": uk_regions(),
        "prefecture": [(code, f"{en} {ja}") for code, en, ja in names],
        "reason": list(Reason.objects.order_by("name_en").values_list("slug", "name_en")),
    }


class FilterChoiceField(forms.ChoiceField):
    """One of a filter's values, in any letter case (`--nation scotland`); an unknown value is
    refused with the choices named."""

    def to_python(self, value):
        text = super().to_python(value)
        return next((v for v in self.values() if v.lower() == text.lower()), text)

    def validate(self, value):
        if value and value not in self.values():
            raise forms.ValidationError(
                _("Select a valid choice: %(value)s is not one of %(choices)s."),
                code="invalid_choice",
                params={"value": repr(value), "choices": ", ".join(self.values())},
            )
        super().validate(value)

    def values(self) -> list[str]:
        return [str(value) for value, _label in self.choices if value]


class PrefectureField(FilterChoiceField):
    """A prefecture by code, ISO code, English or Japanese name (170003, JP-17, Ishikawa, 石川,
    石川県), as Authority.objects.prefectures_named reads it; cleans to the Authority."""

    def to_python(self, value):
        text = forms.ChoiceField.to_python(self, value).strip()
        if not text:
            return None
        prefecture = Authority.objects.prefectures_named(text).first()
        if prefecture is None:
            raise forms.ValidationError(
                _(
                    "unknown prefecture %(value)s; give a code, English or Japanese name: "
                    "%(choices)s."
                ),
                code="invalid_choice",
                params={"value": repr(text), "choices": ", ".join(self.labels())},
            )
        return prefecture

    def validate(self, value):
        forms.Field.validate(self, value)

    def bound_data(self, data, initial):
        """A prefecture given by name shows as its code, which the select knows."""
        if not data or data in self.values():
            return data
        prefecture = Authority.objects.prefectures_named(data).first()
        return prefecture.code if prefecture else data

    def labels(self) -> list[str]:
        return [str(label) for value, label in self.choices if value]


class LinkFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label=_("Name contains"))
    authority = forms.SlugField(
        required=False, max_length=120, label=_("Authority (code or slug), with its area")
    )
    nation = FilterChoiceField(
        required=False, label=_("UK nation"), choices=[("", "")] + UKNation.choices
    )
    region = FilterChoiceField(required=False, label=_("UK region"))
    uk_kind = FilterChoiceField(
        required=False, label=_("Kind of UK authority"), choices=[("", "")] + UKKind.choices
    )
    prefecture = PrefectureField(
        required=False,
        label=_("Prefecture"),
        help_text="code, English or Japanese name: 170003, Ishikawa, 石川県",
    )
    jp_region = FilterChoiceField(
        required=False, label=_("Japanese region"), choices=[("", "")] + JPRegion.choices
    )
    type = FilterChoiceField(required=False, label=_("Type"), choices=[("", "")] + LinkType.choices)
    status = FilterChoiceField(
        required=False, label=_("Status"), choices=[("", "")] + LinkStatus.choices
    )
    decade = FilterChoiceField(
        required=False, label=_("Decade formed"), choices=[("", "")] + Decade.choices
    )
    reason = FilterChoiceField(required=False, label=_("Reason"))
    sort = FilterChoiceField(
        required=False,
        label=_("Sort by"),
        choices=[
            ("formed", _("Date formed, oldest first")),
            ("-formed", _("Date formed, newest first")),
            ("name", _("UK name")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, choices in data_choices().items():
            self.fields[field].choices = [("", ""), *choices]

    def links(self):
        """The filtered, sorted links; call after is_valid()."""
        data = self.cleaned_data
        links = Link.objects.with_authorities()
        exact = {
            "nation": "uk_authority__nation",
            "region": "uk_authority__region",
            "uk_kind": "uk_authority__kind",
            "jp_region": "jp_authority__region",
            "type": "type",
            "status": "status",
            "reason": "reasons__slug",
        }
        links = links.filter(**{lookup: data[f] for f, lookup in exact.items() if data.get(f)})
        if data.get("prefecture"):
            links = links.filter(in_prefecture(data["prefecture"]))
        if data.get("decade"):
            start = int(data["decade"])
            links = links.filter(formed__year__gte=start, formed__year__lt=start + 10)
        if data.get("authority"):
            links = links.filter(links_of(data["authority"]))
        if data.get("q"):
            text = data["q"]
            links = links.filter(
                models.Q(uk_authority__name_en__icontains=text)
                | models.Q(jp_authority__name_en__icontains=text)
                | models.Q(jp_authority__name_ja__contains=text)
                | models.Q(uk_authority__name_ja__contains=text)
                | signed_by(name_en__icontains=text)
                | signed_by(name_ja__contains=text)
            )
        # One value per filter: the reasons join cannot repeat a link, so no DISTINCT needed.
        return links.order_by(*SORTS[data.get("sort") or "formed"], "pk")

    def clean_authority(self) -> Authority | None:
        ref = self.cleaned_data["authority"]
        if not ref:
            return None
        authority = authority_by_ref(ref)
        if authority is None:
            raise forms.ValidationError(f"no authority with code or slug {ref!r}")
        return authority

    def error_message(self) -> str:
        return "; ".join(f"{field}: {' '.join(errors)}" for field, errors in self.errors.items())
