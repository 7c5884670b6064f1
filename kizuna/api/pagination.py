"""Cursor pagination in id order: stable while rows are added, no OFFSET scans."""

import base64
import binascii

from django.http import QueryDict
from ninja.errors import HttpError

MAX_LIMIT = 500


def decode(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = base64.urlsafe_b64decode(cursor.encode() + b"==").decode()
        return int(value.removeprefix("after:"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise HttpError(400, f"cursor: {cursor!r} is not a cursor this API gave out") from None


def encode(pk: int) -> str:
    return base64.urlsafe_b64encode(f"after:{pk}".encode()).decode().rstrip("=")


def paginate(request, queryset, cursor: str | None, limit: int, serialize) -> dict:
    ids, following = page_ids(request, queryset, cursor, limit)
    rows = queryset.in_bulk(ids)
    return {"items": [serialize(rows[pk]) for pk in ids], "next": following}


def page_ids(request, queryset, cursor: str | None, limit: int) -> tuple[list[int], str | None]:
    """The ids on this page and the URL of the next page (None on the last)."""
    after = decode(cursor)
    ids = list(
        queryset.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[: limit + 1]
    )
    following = None
    if len(ids) > limit:
        ids = ids[:limit]
        query: QueryDict = request.GET.copy()
        query["cursor"] = encode(ids[-1])
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return ids, following
