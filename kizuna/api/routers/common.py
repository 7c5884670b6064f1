"""What every router shares: the documented error answers and the list parameters."""

from django.shortcuts import get_object_or_404 as _get
from ninja import Query, Schema

from ..schemas import Problem

ERRORS = {400: Problem, 404: Problem, 429: Problem}


class PageParams(Schema):
    cursor: str | None = None
    limit: int = Query(50, ge=1, le=500)


def get_or_404(queryset, what: str, **lookup):
    from django.http import Http404

    try:
        return _get(queryset, **lookup)
    except Http404:
        value = next(iter(lookup.values()))
        raise Http404(f"no {what} {value!r}") from None
