from ninja import Query, Router, Schema

from kizuna.registry.models import Exchange, ExchangeKind

from ..pagination import paginate
from ..schemas import ExchangeOut, exchange_out, page_of
from .common import ERRORS, PageParams, get_or_404

router = Router(tags=["exchanges"])


class ExchangeFilters(Schema):
    link: str | None = Query(None, description="slug of the link")
    kind: ExchangeKind | None = None


def exchanges():
    return Exchange.objects.select_related("link").prefetch_related("sources")


@router.get("", response={200: page_of(ExchangeOut), **ERRORS})
def list_exchanges(request, filters: Query[ExchangeFilters], page: Query[PageParams]):
    rows = exchanges()
    if filters.link:
        rows = rows.filter(link__slug=filters.link)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return paginate(request, rows, page.cursor, page.limit, exchange_out)


@router.get("/{exchange_id}", response={200: ExchangeOut, **ERRORS})
def get_exchange(request, exchange_id: int):
    return exchange_out(get_or_404(exchanges(), "exchange", pk=exchange_id))
