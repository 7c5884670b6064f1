from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Country(models.TextChoices):
    GB = "GB", _("United Kingdom")
    JP = "JP", _("Japan")


class AuthorityKind(models.TextChoices):
    # United Kingdom
    COUNTY = "county", _("county council")
    UNITARY = "unitary", _("unitary authority")
    METROPOLITAN_DISTRICT = "metropolitan_district", _("metropolitan district")
    NON_METROPOLITAN_DISTRICT = "non_metropolitan_district", _("non-metropolitan district")
    LONDON_BOROUGH = "london_borough", _("London borough")
    SCOTTISH_COUNCIL = "scottish_council", _("Scottish council area")
    WELSH_PRINCIPAL_AREA = "welsh_principal_area", _("Welsh principal area")
    NI_DISTRICT = "ni_district", _("Northern Ireland district")
    TOWN_COUNCIL = "town_council", _("town, parish or community council")
    COMBINED_AUTHORITY = "combined_authority", _("combined authority")
    STRATEGIC_AUTHORITY = "strategic_authority", _("strategic authority")
    DEVOLVED_GOVERNMENT = "devolved_government", _("devolved government")
    SCOTTISH_REGION = "scottish_region", _("Scottish regional council (1975–1996)")
    SCOTTISH_DISTRICT = "scottish_district", _("Scottish district council (1975–1996)")
    # Japan
    PREFECTURE = "prefecture", _("prefecture")
    DESIGNATED_CITY = "designated_city", _("designated city")
    CITY = "city", _("city")
    SPECIAL_WARD = "special_ward", _("special ward")
    TOWN = "town", _("town")
    VILLAGE = "village", _("village")


JP_KINDS = [
    AuthorityKind.PREFECTURE,
    AuthorityKind.DESIGNATED_CITY,
    AuthorityKind.CITY,
    AuthorityKind.SPECIAL_WARD,
    AuthorityKind.TOWN,
    AuthorityKind.VILLAGE,
]
KINDS_BY_COUNTRY = {
    Country.GB: [kind for kind in AuthorityKind if kind not in JP_KINDS],
    Country.JP: JP_KINDS,
}


class AuthorityQuerySet(models.QuerySet):
    def in_country(self, country: str) -> "AuthorityQuerySet":
        return self.filter(country=country)

    def current(self) -> "AuthorityQuerySet":
        """Authorities that still exist (no end date)."""
        return self.filter(end_date__isnull=True)

    def as_of(self, date) -> "AuthorityQuerySet":
        """Authorities that existed on `date` (a merged town existed before its end date)."""
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=date)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )

    def by_name(self) -> "AuthorityQuerySet":
        """UK authorities first, then Japanese, each by English name: the order lists of
        authorities (an agreement's signatories, a council's predecessors) are shown in."""
        return self.order_by("country", "name_en")

    def prefectures_named(self, text: str) -> "AuthorityQuerySet":
        """Prefectures by code, English name or Japanese name with or without 都府県."""
        text = text.strip()
        return self.filter(kind=AuthorityKind.PREFECTURE).filter(
            Q(code=text)
            | Q(iso_code__iexact=text)
            | Q(name_en__iexact=text)
            | Q(romaji__iexact=text)
            | Q(name_ja__in=[text, *(text + s for s in "都府県")])
        )


class Authority(models.Model):
    """A local authority on either side: a UK council or a Japanese prefecture or municipality.

    `code` is the official code: the GSS code in the UK (E06000022), the six-digit local
    government code with check digit (JIS X 0402) in Japan (014087). Authorities without one
    (some town councils, pre-GSS councils) are keyed by `slug` alone.
    """

    country = models.CharField(max_length=2, choices=Country.choices)
    kind = models.CharField(max_length=32, choices=AuthorityKind.choices)
    slug = models.SlugField(max_length=120, unique=True)
    code = models.CharField(max_length=12, null=True, blank=True, unique=True)
    iso_code = models.CharField(
        "ISO 3166-2 code", max_length=10, null=True, blank=True, unique=True
    )

    name_en = models.CharField("English name", max_length=200)
    name_ja = models.CharField(
        "Japanese name",
        max_length=200,
        blank=True,
        help_text="Kanji for Japanese authorities; the katakana name "
        "Japanese sources use for UK authorities.",
    )
    name_ja_machine = models.BooleanField(
        "Japanese name is machine-made",
        default=False,
        help_text="The katakana name is a machine transliteration of the English name (e2k), "
        "not a name a Japanese source uses; pages mark it 自動表記.",
    )
    kana = models.CharField(max_length=200, blank=True, help_text="Reading in hiragana.")
    romaji = models.CharField(max_length=200, blank=True, help_text="Hepburn with macrons.")
    romaji_plain = models.CharField(
        max_length=200, blank=True, help_text="Hepburn without macrons."
    )
    other_names = models.JSONField(
        default=list, blank=True, help_text="Other and former names, any script."
    )

    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    nation = models.CharField(max_length=40, blank=True, help_text="UK nation.")
    region = models.CharField(
        max_length=60, blank=True, help_text="English region or Japanese region."
    )

    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(null=True, blank=True)
    population_source = models.ForeignKey(
        "registry.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    website = models.URLField(max_length=300, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)

    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Last day it existed.")
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced"
    )
    sources = models.ManyToManyField("registry.Source", blank=True, related_name="authorities")

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Bumped by every edit through the site (kizuna/editorial): a form carries the revision it
    # was read at, and a save from an older one is refused as a conflict.
    revision = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[sources])

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "authorities"
        indexes = [models.Index(fields=["country", "kind"]), models.Index(fields=["name_en"])]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=~Q(country=country) | Q(kind__in=[k.value for k in kinds]),
                    name=f"authority_kind_fits_{country.value.lower()}",
                )
                for country, kinds in KINDS_BY_COUNTRY.items()
            ),
            models.CheckConstraint(
                condition=Q(country__in=Country.values), name="authority_country_known"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="authority_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="authority_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="authority_longitude_range",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="authority_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_en} {self.name_ja}".strip()

    @property
    def position(self) -> tuple[float, float] | None:
        """(latitude, longitude) to draw it at, the one rule for every map and geo: its own
        centre, else (a former council) its successor's, else (a town council) its parent's.
        Select replaced_by and parent with it to avoid queries."""
        for place in (self, self.replaced_by, self.parent):
            if place is not None and place.latitude is not None:
                return place.latitude, place.longitude
        return None
