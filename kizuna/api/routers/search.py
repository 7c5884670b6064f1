from ninja import Query, Router

from kizuna.registry.models import Authority, Link
from kizuna.search.results import MAX_QUERY, found, rows

from ..schemas import SearchOut, authority_out, link_out
from .common import ERRORS

router = Router(tags=["search"])


@router.get("", response={200: SearchOut, **ERRORS})
def search(
    request,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY),
    limit: int = Query(20, ge=1, le=100),
):
    """The website's search: names in any script or spelling, small typos, link stories;
    best match first."""
    answer = rows(
        found(q, limit),
        Authority.objects.select_related("parent", "replaced_by"),
        Link.objects.with_authorities().with_agreements().prefetch_related("reasons", "sources"),
    )
    return {
        "query": q,
        "authorities": [authority_out(authority) for authority in answer["authorities"]],
        "links": [link_out(link) for link in answer["links"]],
    }
