from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kizuna.core.dates import Precision, format_partial


class ExchangeKind(models.TextChoices):
    SCHOOL_YOUTH = "school_youth", _("school / youth exchange")
    CIVIC = "civic", _("civic delegation")
    CULTURAL = "cultural", _("cultural exchange")
    SPORT = "sport", _("sport")
    ECONOMIC = "economic", _("economic / trade")
    ACADEMIC = "academic", _("academic")
    JET = "jet", _("JET Programme")


class Direction(models.TextChoices):
    UK_TO_JP = "uk_to_jp", _("UK to Japan")
    JP_TO_UK = "jp_to_uk", _("Japan to UK")
    BOTH = "both", _("both ways")


class Exchange(models.Model):
    """A dated activity that keeps a link alive: a school visit, a delegation, a tournament."""

    link = models.ForeignKey("registry.Link", on_delete=models.CASCADE, related_name="exchanges")
    date = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    kind = models.CharField(max_length=20, choices=ExchangeKind.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.BOTH)
    participants = models.PositiveIntegerField(null=True, blank=True)
    description_en = models.TextField()
    description_ja = models.TextField(blank=True)
    sources = models.ManyToManyField("registry.Source", related_name="exchanges")
    # An exchange needs a source or this flag (the council told us; nothing is published). A
    # CHECK constraint cannot see the many-to-many sources, so the editing form checks it
    # (kizuna/editorial/forms/editing.py, ExchangeForm).
    reported_by_council = models.BooleanField(
        _("reported by the council"),
        default=False,
        help_text=_("No published source: the council itself told us about this exchange."),
    )

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Bumped by every edit through the site (kizuna/editorial): a form carries the revision it
    # was read at, and a save from an older one is refused as a conflict.
    revision = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[sources])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link", "date", "kind"], name="exchange_unique_link_date_kind"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ExchangeKind.values), name="exchange_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values), name="exchange_direction_known"
            ),
            models.CheckConstraint(
                condition=~Q(description_en=""), name="exchange_has_description"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_display} {self.get_kind_display()}"

    @property
    def date_display(self) -> str:
        return format_partial(self.date, self.date_precision)
