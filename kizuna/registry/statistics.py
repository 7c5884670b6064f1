"""Counts of links for the statistics page, the home page and the API.

They count links between local authorities: agreements of devolved governments are counted
apart (data/curated/README.md, "Headline figures"). Each table is a list of (label, count) rows
computed by the database (GROUP BY), so the cost does not grow with Python loops over links."""

import datetime as dt

from django.db.models import Count, Min
from django.db.models.functions import ExtractYear

from .models import Link
from .queries import prefecture_of_link

TABLES = ("year", "decade", "nation", "region", "prefecture", "type", "reason", "status")


def counted():
    return Link.objects.between_local_authorities()


def key_figures() -> dict:
    links = counted()
    first = links.aggregate(first=Min("formed"))["first"]
    return {
        "links": links.count(),
        # The two sides are in different countries: their distinct counts simply add up.
        "authorities": links.values("uk_authority").distinct().count()
        + links.values("jp_authority").distinct().count(),
        "first_year": first.year if first else None,
        "years": dt.date.today().year - first.year if first else None,
        "devolved": Link.objects.of_devolved_governments().count(),
    }


def rows(name: str) -> list[tuple[str, int]]:
    """One table by name (see TABLES)."""
    return _TABLES[name]()


def _grouped(queryset, field: str) -> list[tuple[str, int]]:
    return [
        (str(row[field]), row["n"])
        for row in queryset.values(field).annotate(n=Count("id", distinct=True)).order_by(field)
        if row[field] not in (None, "")
    ]


def by_year():
    return _grouped(counted().annotate(year=ExtractYear("formed")), "year")


def by_decade():
    decades: dict[str, int] = {}
    for year, count in by_year():
        key = f"{int(year) // 10 * 10}s"
        decades[key] = decades.get(key, 0) + count
    return list(decades.items())


def by_prefecture():
    return _grouped(counted().annotate(prefecture=prefecture_of_link("name_en")), "prefecture")


_TABLES = {
    "year": by_year,
    "decade": by_decade,
    "nation": lambda: _grouped(counted(), "uk_authority__nation"),
    "region": lambda: _grouped(counted(), "uk_authority__region"),
    "prefecture": by_prefecture,
    "type": lambda: _grouped(counted(), "type"),
    "reason": lambda: _grouped(counted(), "reasons__slug"),
    "status": lambda: _grouped(counted(), "status"),
}
