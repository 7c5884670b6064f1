from django.db.models import Q
from django.http import Http404
from ninja import Query, Router, Schema

from kizuna.readmodel.models import AuthorityRecord
from kizuna.readmodel.reads import authority_json, json_response, page_body
from kizuna.registry.models import Authority, AuthorityKind, Country

from ..pagination import page_ids
from ..schemas import AuthorityOut, page_of
from .common import ERRORS, PageParams

router = Router(tags=["authorities"])


class AuthorityFilters(Schema):
    country: Country | None = None
    kind: AuthorityKind | None = None
    parent: str | None = Query(None, description="code or slug of the parent authority")
    q: str | None = Query(None, max_length=100, description="name contains (any script)")
    current: bool | None = Query(None, description="only authorities that still exist")


@router.get("", response={200: page_of(AuthorityOut), **ERRORS})
def list_authorities(request, filters: Query[AuthorityFilters], page: Query[PageParams]):
    rows = Authority.objects.all()
    if filters.country:
        rows = rows.filter(country=filters.country)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.parent:
        rows = rows.filter(Q(parent__code=filters.parent) | Q(parent__slug=filters.parent))
    if filters.q:
        rows = rows.filter(
            Q(name_en__icontains=filters.q)
            | Q(name_ja__contains=filters.q)
            | Q(kana__contains=filters.q)
            | Q(romaji_plain__icontains=filters.q)
        )
    if filters.current is not None:
        rows = rows.filter(end_date__isnull=filters.current)
    ids, following = page_ids(request, rows, page.cursor, page.limit)
    return json_response(page_body(AuthorityRecord, ids, following))


@router.get("/{ref}", response={200: AuthorityOut, **ERRORS})
def get_authority(request, ref: str):
    """By official code (E08000037, 172031) or slug."""
    body = authority_json(ref)
    if body is None:
        raise Http404(f"no authority {ref!r}")
    return json_response(body)
