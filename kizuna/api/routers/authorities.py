from django.db.models import Q
from ninja import Query, Router, Schema

from kizuna.registry.models import Authority, AuthorityKind, Country

from ..pagination import paginate
from ..schemas import AuthorityOut, authority_out, page_of
from .common import ERRORS, PageParams, get_or_404

router = Router(tags=["authorities"])


class AuthorityFilters(Schema):
    country: Country | None = None
    kind: AuthorityKind | None = None
    parent: str | None = Query(None, description="code or slug of the parent authority")
    q: str | None = Query(None, max_length=100, description="name contains (any script)")
    current: bool | None = Query(None, description="only authorities that still exist")


def authorities():
    return Authority.objects.select_related("parent", "replaced_by")


@router.get("", response={200: page_of(AuthorityOut), **ERRORS})
def list_authorities(request, filters: Query[AuthorityFilters], page: Query[PageParams]):
    rows = authorities()
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
    return paginate(request, rows, page.cursor, page.limit, authority_out)


@router.get("/{ref}", response={200: AuthorityOut, **ERRORS})
def get_authority(request, ref: str):
    """By official code (E08000037, 172031) or slug."""
    row = authorities().filter(code=ref).first()
    return authority_out(row or get_or_404(authorities(), "authority", slug=ref))
