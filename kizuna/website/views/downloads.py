"""The directory's links as CSV, JSON or GeoJSON (with its filters) and the whole registry as
one SQLite file. Unfiltered downloads are built once per data version and sent from their file
(built_downloads.py); filtered ones stream, a row at a time. Each counts against a
per-address limit in the shared cache (KIZUNA_DOWNLOAD_RATE)."""

import math
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from ninja.throttling import SimpleRateThrottle

from kizuna.registry.exports import (
    links_csv_stream,
    links_geojson_stream,
    links_json_stream,
    to_sqlite,
)

from ..built_downloads import open_download
from .links import filtered_links

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}
# Streamed pieces are sent in chunks of about this many characters (fewer writes, and gzip
# compresses whole chunks rather than single rows).
CHUNK = 64 * 1024


class DownloadThrottle(SimpleRateThrottle):
    """Downloads per client address (found as the API finds it, see KIZUNA_PROXIES)."""

    scope = "downloads"

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def throttled(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        if not settings.KIZUNA_DOWNLOAD_RATE:
            return view(request, *args, **kwargs)
        throttle = DownloadThrottle(settings.KIZUNA_DOWNLOAD_RATE)
        if throttle.allow_request(request):
            return view(request, *args, **kwargs)
        response = HttpResponse(
            "Too many downloads from your address; please wait a little and try again.\n",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(math.ceil(throttle.wait() or throttle.duration))
        return response

    return limited


@throttled
def links_download(request, fmt):
    """The directory's links (with its filters) as CSV, JSON or GeoJSON; `?bom=1` for Excel."""
    if fmt not in CONTENT_TYPES:
        raise Http404(f"no {fmt} download")
    form, links = filtered_links(request)
    bom = fmt == "csv" and request.GET.get("bom") == "1"
    pieces = {
        "csv": lambda: links_csv_stream(links, bom=bom),
        "json": lambda: links_json_stream(links),
        "geojson": lambda: links_geojson_stream(links),
    }[fmt]
    if any(form.cleaned_data.values()):
        response = StreamingHttpResponse(in_chunks(pieces()), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="kizuna-links.{fmt}"'
        return response
    file = open_download(
        f"links{'-bom' if bom else ''}.{fmt}", lambda path: write_text(path, pieces())
    )
    return FileResponse(
        file, as_attachment=True, filename=f"kizuna-links.{fmt}", content_type=CONTENT_TYPES[fmt]
    )


@throttled
def registry_sqlite(request):
    """The whole registry as one SQLite file, links with full-text search."""
    return FileResponse(
        open_download("kizuna.sqlite3", to_sqlite),
        as_attachment=True,
        filename="kizuna.sqlite3",
        content_type="application/vnd.sqlite3",
    )


def in_chunks(pieces, size: int = CHUNK):
    chunk, length = [], 0
    for piece in pieces:
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(chunk)
            chunk, length = [], 0
    yield "".join(chunk)


def write_text(path: Path, pieces) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        file.writelines(in_chunks(pieces))
