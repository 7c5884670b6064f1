"""Search hits → what the website and the API show: first the ranked ids, then their rows.

`found()` is the answer in ids, best first; `rows()` fetches the registry rows for them with
whatever related data the caller renders (one query per kind, plus its prefetches). Kept apart
so a reader of prepared rows (a read model) can look the same ids up instead.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from .engine import search

MAX_QUERY = 100  # characters of a query that are searched


@dataclass(frozen=True)
class Found:
    authority_ids: list[int]
    link_ids: list[int]


def found(query: str, limit: int) -> Found:
    """The ids of the authorities and links that best match `query`, best first."""
    hits = search(query[:MAX_QUERY], limit=limit)
    return Found(
        [hit.object_id for hit in hits.get("authority", [])],
        [hit.object_id for hit in hits.get("link", [])],
    )


def rows(answer: Found, authorities: QuerySet, links: QuerySet) -> dict[str, list]:
    """{"authorities": [...], "links": [...]}: the rows of `answer` from these querysets, in
    its order (a row deleted since the search is left out)."""
    return {
        "authorities": in_order(authorities, answer.authority_ids),
        "links": in_order(links, answer.link_ids),
    }


def in_order(queryset: QuerySet, ids: list[int]) -> list:
    by_id = queryset.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
