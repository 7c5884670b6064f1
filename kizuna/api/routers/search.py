from ninja import Query, Router

from kizuna.registry.models import Authority, Link
from kizuna.search.engine import search as run_search

from ..schemas import SearchOut, authority_out, link_out
from .common import ERRORS

router = Router(tags=["search"])


@router.get("", response={200: SearchOut, **ERRORS})
def search(
    request, q: str = Query(..., min_length=1, max_length=100), limit: int = Query(20, ge=1, le=100)
):
    """The website's search: names in any script or spelling, small typos, link stories;
    best match first."""
    hits = run_search(q, limit=limit)
    authority_ids = [h.object_id for h in hits.get("authority", [])]
    link_ids = [h.object_id for h in hits.get("link", [])]
    authorities = Authority.objects.select_related("parent", "replaced_by").in_bulk(authority_ids)
    links = (
        Link.objects.with_authorities()
        .with_agreements()
        .prefetch_related("reasons", "sources")
        .in_bulk(link_ids)
    )
    return {
        "query": q,
        "authorities": [authority_out(authorities[i]) for i in authority_ids if i in authorities],
        "links": [link_out(links[i]) for i in link_ids if i in links],
    }
