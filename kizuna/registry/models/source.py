from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Source(models.Model):
    """Where a fact comes from: a web page (url) or a document (title), and when we read it."""

    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    accessed = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    # Bumped by every edit through the site (kizuna/editorial): a form carries the revision it
    # was read at, and a save from an older one is refused as a conflict.
    revision = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_unique_url"),
            models.CheckConstraint(condition=~Q(title=""), name="source_has_title"),
        ]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}" if self.publisher else self.title
