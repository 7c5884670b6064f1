from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kizuna.core.dates import Precision, format_partial

from .authority import Authority, AuthorityKind


class LinkType(models.TextChoices):
    SISTER = "sister", _("sister city / twinning")
    FRIENDSHIP = "friendship", _("friendship agreement")
    PARTNERSHIP = "partnership", _("partnership or cooperation agreement")
    INFORMAL = "informal", _("informal link")


class LinkStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    DORMANT = "dormant", _("dormant")
    ENDED = "ended", _("ended")


class Confidence(models.TextChoices):
    HIGH = "high", _("high: an authority's own record or two independent sources")
    MEDIUM = "medium", _("medium: one reliable source")
    LOW = "low", _("low: secondary sources only")


class Reason(models.Model):
    """Why a link was formed: a small bilingual vocabulary (historic ties, investment, …)."""

    slug = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(max_length=80)
    name_ja = models.CharField(max_length=80)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class LinkQuerySet(models.QuerySet):
    def with_authorities(self) -> "LinkQuerySet":
        """Both authorities and their parents in the same query (listings, admin)."""
        return self.select_related(
            "uk_authority__parent", "jp_authority__parent", "jp_authority__replaced_by"
        )

    def with_agreements(self) -> "LinkQuerySet":
        """The history of each link's parties (agreements, their signatories and sources)."""
        from .agreement import Agreement

        return self.prefetch_related(
            models.Prefetch(
                "agreements",
                Agreement.objects.order_by("date", "id").prefetch_related(
                    models.Prefetch("signatories", Authority.objects.by_name()), "sources"
                ),
            )
        )

    def between_local_authorities(self) -> "LinkQuerySet":
        """Links the headline figures count: not those of a devolved government (a national
        government within the UK, not a local authority; data/curated/README.md)."""
        return self.exclude(uk_authority__kind=AuthorityKind.DEVOLVED_GOVERNMENT)

    def of_devolved_governments(self) -> "LinkQuerySet":
        return self.filter(uk_authority__kind=AuthorityKind.DEVOLVED_GOVERNMENT)


class Link(models.Model):
    """A link between one UK and one Japanese authority: twinning, friendship or partnership.

    `formed` is the first day of the period the sources give, to `formed_precision`
    (1991 → 1991-01-01, year). A database trigger (migration 0002) enforces that the UK side is
    a GB authority and the Japanese side a JP one, which a CHECK constraint cannot see.
    """

    slug = models.SlugField(max_length=200, unique=True, help_text="e.g. gateshead-komatsu")
    uk_authority = models.ForeignKey(
        "registry.Authority", on_delete=models.PROTECT, related_name="links_as_uk"
    )
    jp_authority = models.ForeignKey(
        "registry.Authority", on_delete=models.PROTECT, related_name="links_as_jp"
    )
    type = models.CharField(max_length=20, choices=LinkType.choices)
    status = models.CharField(max_length=20, choices=LinkStatus.choices, default=LinkStatus.ACTIVE)
    formed = models.DateField(null=True, blank=True)
    formed_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    formed_basis_en = models.CharField(
        max_length=300, blank=True, help_text="What the date is, e.g. signing in Komatsu."
    )
    formed_basis_ja = models.CharField(max_length=300, blank=True)
    formed_note = models.TextField(
        blank=True, help_text="Where sources disagree, and why we chose this date."
    )
    formed_note_ja = models.TextField(blank=True)
    ended = models.DateField(null=True, blank=True)
    ended_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    clair_criteria = models.BooleanField(
        null=True,
        blank=True,
        verbose_name="meets CLAIR's criteria",
        help_text="Agreement signed by both heads, exchange not limited to one field, "
        "approved by the assembly. Empty when unknown.",
    )
    confidence = models.CharField(
        max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM
    )
    reasons = models.ManyToManyField(Reason, blank=True, related_name="links")
    story_en = models.TextField(blank=True)
    story_ja = models.TextField(blank=True)
    sources = models.ManyToManyField("registry.Source", related_name="links")

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Bumped by every edit through the site (kizuna/editorial): a form carries the revision it
    # was read at, and a save from an older one is refused as a conflict.
    revision = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[reasons, sources])

    objects = LinkQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["formed"]), models.Index(fields=["status", "formed"])]
        constraints = [
            models.UniqueConstraint(
                fields=["uk_authority", "jp_authority", "type"], name="link_unique_pair_type"
            ),
            models.CheckConstraint(
                condition=~Q(uk_authority=models.F("jp_authority")), name="link_two_authorities"
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True)
                | Q(formed__isnull=True)
                | Q(ended__gte=models.F("formed")),
                name="link_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(status=LinkStatus.ENDED),
                name="link_end_date_only_when_ended",
            ),
            models.CheckConstraint(condition=Q(type__in=LinkType.values), name="link_type_known"),
            models.CheckConstraint(
                condition=Q(status__in=LinkStatus.values), name="link_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.uk_authority.name_en} – {self.jp_authority.name_en}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def free_slug(self) -> str:
        """'gateshead-komatsu'; the type is added when the pair has another link."""
        base = slugify(f"{self.uk_authority.name_en} {self.jp_authority.name_en}")
        taken = set(Link.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        for candidate in (base, f"{base}-{self.type}", *(f"{base}-{n}" for n in range(2, 99))):
            if candidate not in taken:
                return candidate
        raise ValueError(f"no free slug for {base}")

    @property
    def formed_display(self) -> str:
        return format_partial(self.formed, self.formed_precision)

    @property
    def ended_display(self) -> str:
        return format_partial(self.ended, self.ended_precision)
