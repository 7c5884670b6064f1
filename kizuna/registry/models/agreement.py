from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kizuna.core.dates import Precision, format_partial


class AgreementKind(models.TextChoices):
    SIGNED = "signed", _("signed")
    RENEWED = "renewed", _("re-signed")
    CARRIED_OVER = "carried_over", _("carried over")
    SUPPLEMENTARY = "supplementary", _("further agreement")


class Agreement(models.Model):
    """One step in the history of a link's parties: who signed it, re-signed it or carried it on.

    A link keeps one record across reorganisations (data/curated/README.md, "Reorganised
    councils"): it is held by the current authorities, and its agreements name every authority
    that signed or carried it, with the date and sources of each step. The first agreement's date
    is the link's `formed`.
    """

    link = models.ForeignKey("registry.Link", on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(max_length=20, choices=AgreementKind.choices)
    date = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    signatories = models.ManyToManyField(
        "registry.Authority",
        related_name="agreements",
        help_text="The authorities that signed (or, carried over, took the link on).",
    )
    note_en = models.CharField(max_length=300, blank=True)
    note_ja = models.CharField(max_length=300, blank=True)
    sources = models.ManyToManyField("registry.Source", related_name="agreements")
    history = HistoricalRecords(m2m_fields=[signatories, sources])

    class Meta:
        ordering = ["link", "date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["link", "date", "kind"], name="agreement_unique_link_date_kind"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgreementKind.values), name="agreement_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_display} {self.get_kind_display()}"

    @property
    def date_display(self) -> str:
        return format_partial(self.date, self.date_precision)
