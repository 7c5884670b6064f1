"""The search index: one document per authority and per link, rebuilt from the registry.

An authority's `names` are the normalized names a person may type (English, kanji, kana, romaji
with and without long vowels, katakana names of UK places); each process matches them in memory
(names.py). A link's `text` is its story, which each backend indexes its own way (migration
0002): FTS5 with trigrams on SQLite, pg_trgm on PostgreSQL. Links are found by name through
their authorities (engine.py), so their documents carry no names.
"""

from django.db import models


class Kind(models.TextChoices):
    AUTHORITY = "authority", "authority"
    LINK = "link", "link"


class Document(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    names = models.JSONField(default=list)
    text = models.TextField()
    # Authorities with links rank above namesakes without (there are many 大野町, few linked).
    boost = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "search_document"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="document_unique_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
