"""The links directory's filters, shared by the website and the API: one form validates the
query string (a bad value is a clear 400, never a server error) and builds the queryset."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .importers.japan import REGIONS
from .models import (
    KINDS_BY_COUNTRY,
    Agreement,
    Authority,
    Country,
    Link,
    LinkStatus,
    LinkType,
    Reason,
)

SORTS = {
    "formed": ("formed", "uk_authority__name_en"),
    "-formed": ("-formed", "uk_authority__name_en"),
    "name": ("uk_authority__name_en", "jp_authority__name_en"),
}
DECADES = [(str(d), f"{d}s") for d in range(1980, 2030, 10)]


def uk_choices(field: str) -> list[tuple[str, str]]:
    """The UK nations or regions there are (a handful; no join over the links)."""
    values = (
        Authority.objects.filter(country="GB")
        .exclude(**{field: ""})
        .values_list(field, flat=True)
        .distinct()
    )
    return [(v, v) for v in sorted(set(values))]


def signed_by(**signatory) -> Q:
    """Links whose agreements name a matching authority (a former council that signed a link
    its successor now holds); a subquery, so a link never repeats."""
    signatories = {f"signatories__{lookup}": value for lookup, value in signatory.items()}
    return Q(pk__in=Agreement.objects.filter(**signatories).values("link"))


def of_authority(ref: str) -> Q:
    """Links of an authority (by code or slug), of the authorities within it, or that it signed."""
    match = signed_by(code=ref) | signed_by(slug=ref)
    for side in ("uk_authority", "jp_authority"):
        for path in (side, f"{side}__parent"):
            match |= Q(**{f"{path}__code": ref}) | Q(**{f"{path}__slug": ref})
    return match


class LinkFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label=_("Name contains"))
    authority = forms.SlugField(
        required=False, max_length=120, label=_("Authority (code or slug), with its area")
    )
    nation = forms.ChoiceField(required=False, label=_("UK nation"))
    region = forms.ChoiceField(required=False, label=_("UK region"))
    uk_kind = forms.ChoiceField(
        required=False,
        label=_("Kind of UK authority"),
        choices=[("", "")] + [(k.value, k.label) for k in KINDS_BY_COUNTRY[Country.GB]],
    )
    prefecture = forms.ChoiceField(required=False, label=_("Prefecture"))
    jp_region = forms.ChoiceField(
        required=False,
        label=_("Japanese region"),
        choices=[("", "")] + [(n, n) for *_, n in REGIONS],
    )
    type = forms.ChoiceField(required=False, label=_("Type"), choices=[("", "")] + LinkType.choices)
    status = forms.ChoiceField(
        required=False, label=_("Status"), choices=[("", "")] + LinkStatus.choices
    )
    decade = forms.ChoiceField(
        required=False, label=_("Decade formed"), choices=[("", "")] + DECADES
    )
    reason = forms.ChoiceField(required=False, label=_("Reason"))
    sort = forms.ChoiceField(
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
        self.fields["nation"].choices = [("", "")] + uk_choices("nation")
        self.fields["region"].choices = [("", "")] + uk_choices("region")
        prefectures = Authority.objects.filter(kind="prefecture").order_by("code")
        self.fields["prefecture"].choices = [("", "")] + [
            (p.code, f"{p.name_en} {p.name_ja}") for p in prefectures
        ]
        self.fields["reason"].choices = [("", "")] + [
            (r.slug, r.name_en) for r in Reason.objects.all()
        ]

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
            code = data["prefecture"]
            links = links.filter(Q(jp_authority__code=code) | Q(jp_authority__parent__code=code))
        if data.get("decade"):
            start = int(data["decade"])
            links = links.filter(formed__year__gte=start, formed__year__lt=start + 10)
        if data.get("authority"):
            links = links.filter(of_authority(data["authority"]))
        if data.get("q"):
            text = data["q"]
            links = links.filter(
                Q(uk_authority__name_en__icontains=text)
                | Q(jp_authority__name_en__icontains=text)
                | Q(jp_authority__name_ja__contains=text)
                | Q(uk_authority__name_ja__contains=text)
                | signed_by(name_en__icontains=text)
                | signed_by(name_ja__contains=text)
            )
        # One value per filter: the reasons join cannot repeat a link, so no DISTINCT needed.
        return links.order_by(*SORTS[data.get("sort") or "formed"], "pk")

    def clean_authority(self) -> str:
        ref = self.cleaned_data["authority"]
        if ref and not Authority.objects.filter(Q(code=ref) | Q(slug=ref)).exists():
            raise forms.ValidationError(f"no authority with code or slug {ref!r}")
        return ref

    def error_message(self) -> str:
        return "; ".join(f"{field}: {' '.join(errors)}" for field, errors in self.errors.items())
