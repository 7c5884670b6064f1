import json

from ninja import Query, Router

from kizuna.readmodel.models import AuthorityRecord, LinkRecord
from kizuna.readmodel.reads import json_list, json_response
from kizuna.search.results import MAX_QUERY, found

from ..schemas import SearchOut
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
    answer = found(q, limit)
    return json_response(
        f'{{"query":{json.dumps(q, ensure_ascii=False)},'
        f'"authorities":{json_list(AuthorityRecord, answer.authority_ids)},'
        f'"links":{json_list(LinkRecord, answer.link_ids)}}}'
    )
