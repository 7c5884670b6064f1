import tempfile
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse

from kizuna.registry.exports import links_csv, links_geojson, links_json, to_sqlite

from .links import filtered_links

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}


def links_download(request, fmt):
    """The directory's links (with its filters) as CSV, JSON or GeoJSON; `?bom=1` for Excel."""
    if fmt not in CONTENT_TYPES:
        raise Http404(f"no {fmt} download")
    _form, links = filtered_links(request)
    text = {
        "csv": lambda: links_csv(links, bom=request.GET.get("bom") == "1"),
        "json": lambda: links_json(links),
        "geojson": lambda: links_geojson(links),
    }[fmt]()
    response = HttpResponse(text, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="kizuna-links.{fmt}"'
    return response


def registry_sqlite(request):
    """The whole registry as one SQLite file, links with full-text search."""
    folder = Path(tempfile.mkdtemp(prefix="kizuna-export-"))
    path = folder / "kizuna.sqlite3"
    to_sqlite(path)
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename="kizuna.sqlite3",
        content_type="application/vnd.sqlite3",
    )
    path.unlink()  # the open handle keeps the data until the response is sent
    folder.rmdir()
    return response
