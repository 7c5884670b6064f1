from django.http import Http404
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from kizuna.readmodel.models import LinkRecord
from kizuna.readmodel.reads import json_response, link_json, page_body
from kizuna.registry.filters import Decade, JPRegion, LinkFilterForm, UKKind, UKNation
from kizuna.registry.models import LinkStatus, LinkType

from ..pagination import page_ids
from ..schemas import LinkOut, page_of
from .common import ERRORS, PageParams

router = Router(tags=["links"])


class LinkFilters(Schema):
    """The links directory's filters (same names and values as the website's URLs and the
    `kizuna links` options)."""

    q: str | None = None
    authority: str | None = Query(
        None, description="code or slug: its links and those of the authorities within it"
    )
    nation: UKNation | None = None
    region: str | None = None
    uk_kind: UKKind | None = None
    prefecture: str | None = Query(
        None, description="code, English or Japanese name, e.g. 170003, Ishikawa, 石川県"
    )
    jp_region: JPRegion | None = None
    type: LinkType | None = None
    status: LinkStatus | None = None
    decade: Decade | None = None
    reason: str | None = None


def filtered(filters: LinkFilters):
    form = LinkFilterForm({k: v for k, v in filters.dict().items() if v is not None})
    if not form.is_valid():
        raise HttpError(400, form.error_message())
    return form.links()


# Both answers are the read model's prepared JSON (kizuna/readmodel), documented as LinkOut.
@router.get("", response={200: page_of(LinkOut), **ERRORS})
def list_links(request, filters: Query[LinkFilters], page: Query[PageParams]):
    ids, following = page_ids(request, filtered(filters), page.cursor, page.limit)
    return json_response(page_body(LinkRecord, ids, following))


@router.get("/{slug}", response={200: LinkOut, **ERRORS})
def get_link(request, slug: str):
    body = link_json(slug)
    if body is None:
        raise Http404(f"no link {slug!r}")
    return json_response(body)
