from ninja import Query, Router, Schema
from ninja.errors import HttpError

from kizuna.registry.filters import LinkFilterForm
from kizuna.registry.models import Link

from ..pagination import paginate
from ..schemas import LinkOut, link_out, page_of
from .common import ERRORS, PageParams, get_or_404

router = Router(tags=["links"])


class LinkFilters(Schema):
    """The links directory's filters (same names and values as the website's URLs)."""

    q: str | None = None
    authority: str | None = Query(
        None, description="code or slug: its links and those of the authorities within it"
    )
    nation: str | None = None
    region: str | None = None
    uk_kind: str | None = Query(None, description="e.g. devolved_government, combined_authority")
    prefecture: str | None = Query(None, description="prefecture code, e.g. 170003")
    jp_region: str | None = None
    type: str | None = None
    status: str | None = None
    decade: str | None = Query(None, description="e.g. 1990")
    reason: str | None = None


def links():
    return Link.objects.with_authorities().with_agreements().prefetch_related("reasons", "sources")


def filtered(filters: LinkFilters):
    form = LinkFilterForm({k: v for k, v in filters.dict().items() if v is not None})
    if not form.is_valid():
        raise HttpError(400, form.error_message())
    return form.links().with_agreements().prefetch_related("reasons", "sources")


@router.get("", response={200: page_of(LinkOut), **ERRORS})
def list_links(request, filters: Query[LinkFilters], page: Query[PageParams]):
    return paginate(request, filtered(filters), page.cursor, page.limit, link_out)


@router.get("/{slug}", response={200: LinkOut, **ERRORS})
def get_link(request, slug: str):
    return link_out(get_or_404(links(), "link", slug=slug))
