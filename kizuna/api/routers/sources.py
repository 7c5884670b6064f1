from ninja import Query, Router, Schema

from kizuna.registry.models import Source

from ..pagination import paginate
from ..schemas import SourceOut, page_of, source_out
from .common import ERRORS, PageParams, get_or_404

router = Router(tags=["sources"])


class SourceFilters(Schema):
    publisher: str | None = Query(None, max_length=100, description="publisher contains")


@router.get("", response={200: page_of(SourceOut), **ERRORS})
def list_sources(request, filters: Query[SourceFilters], page: Query[PageParams]):
    rows = Source.objects.all()
    if filters.publisher:
        rows = rows.filter(publisher__icontains=filters.publisher)
    return paginate(request, rows, page.cursor, page.limit, source_out)


@router.get("/{source_id}", response={200: SourceOut, **ERRORS})
def get_source(request, source_id: int):
    return source_out(get_or_404(Source.objects.all(), "source", pk=source_id))
