from django.http import Http404
from ninja import Router

from kizuna.registry import statistics

from ..schemas import StatRow, StatsOut
from .common import ERRORS

router = Router(tags=["statistics"])


def table(name: str) -> list[dict]:
    return [{"label": label, "count": count} for label, count in statistics.rows(name)]


@router.get("", response={200: StatsOut, **ERRORS})
def all_statistics(request):
    """Key figures and every table of the statistics page. They count links between local
    authorities; `devolved_government_links` counts those of devolved governments apart."""
    figures = statistics.key_figures()
    return {
        "links": figures["links"],
        "authorities": figures["authorities"],
        "first_year": figures["first_year"],
        "devolved_government_links": figures["devolved"],
        "tables": {name: table(name) for name in statistics.TABLES},
    }


@router.get("/{name}", response={200: list[StatRow], **ERRORS})
def one_table(request, name: str):
    """One table: year, decade, nation, region, prefecture, type, reason or status."""
    if name not in statistics.TABLES:
        raise Http404(f"no table {name!r}; tables: {', '.join(statistics.TABLES)}")
    return table(name)
