"""Open-data exports of the registry, shared by `kizuna export` and the website's downloads.

CSV (UTF-8; with a byte-order mark on request, so Excel in Japan and the UK opens it right),
JSON, GeoJSON (authorities as points, links as lines between their two authorities) and the
whole registry as one SQLite file (with full-text search on authorities and links)."""

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Prefetch

from .listings import (
    AUTHORITY_COLUMNS,
    LINK_COLUMNS,
    ROWS_PER_QUERY,
    agreements_summary,
    authority_rows,
    link_rows,
)
from .models import Agreement, Authority, Exchange, Link, Reason, Source

FORMATS = ("csv", "json", "geojson", "sqlite")


# Each format is written a piece at a time (a row, a feature), so a download streams and a
# built file is written without holding the whole export in memory; links_csv() and friends
# join the pieces for `kizuna export`.


def links_csv_stream(links, bom: bool = False) -> Iterator[str]:
    """The CSV a line at a time: the header (after a byte-order mark, if asked), then a row per
    link."""
    line = io.StringIO()
    writer = csv.DictWriter(line, fieldnames=LINK_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield ("\ufeff" if bom else "") + taken(line)
    for row in link_rows(links):
        writer.writerow(row)
        yield taken(line)


def taken(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def links_json_stream(links) -> Iterator[str]:
    """A JSON array a link at a time, laid out as json.dumps(rows, indent=1) lays it out."""
    before = "["
    for row in link_rows(links):
        yield before + "\n " + json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n ")
        before = ","
    yield "[]" if before == "[" else "\n]"


def links_csv(links, bom: bool = False) -> str:
    return "".join(links_csv_stream(links, bom))


def links_json(links) -> str:
    return "".join(links_json_stream(links))


def point(authority: Authority) -> list[float] | None:
    """GeoJSON order: longitude, latitude."""
    if authority.position is None:
        return None
    lat, lon = authority.position
    return [round(lon, 6), round(lat, 6)]


def links_geojson_stream(links) -> Iterator[str]:
    """A FeatureCollection a feature at a time: each authority's point where it first appears,
    each link's line."""
    yield '{"type": "FeatureCollection", "features": ['
    for number, item in enumerate(geojson_features(links)):
        yield (", " if number else "") + json.dumps(item, ensure_ascii=False)
    yield "]}"


def links_geojson(links) -> str:
    return "".join(links_geojson_stream(links))


def geojson_features(links) -> Iterator[dict]:
    seen = set()
    links = links.with_authorities().with_agreements()
    for link in links.iterator(chunk_size=ROWS_PER_QUERY):
        uk, jp = point(link.uk_authority), point(link.jp_authority)
        for authority, where in ((link.uk_authority, uk), (link.jp_authority, jp)):
            if where and authority.pk not in seen:
                seen.add(authority.pk)
                yield feature(
                    "Point",
                    where,
                    {
                        "kind": "authority",
                        "code": authority.code,
                        "slug": authority.slug,
                        "name": authority.name_en,
                        "name_ja": authority.name_ja,
                        "name_ja_machine": authority.name_ja_machine,
                        "country": authority.country,
                        "authority_kind": authority.kind,
                    },
                )
        if uk and jp:
            yield feature(
                "LineString",
                [uk, jp],
                {
                    "kind": "link",
                    "slug": link.slug,
                    "type": link.type,
                    "status": link.status,
                    "formed": link.formed_display,
                    "uk": link.uk_authority.name_en,
                    "jp": link.jp_authority.name_en,
                    "jp_ja": link.jp_authority.name_ja,
                    "agreements": agreements_summary(link),
                },
            )


def feature(kind: str, coordinates, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": kind, "coordinates": coordinates},
        "properties": properties,
    }


TABLES = {
    "authorities": (
        ("id", *AUTHORITY_COLUMNS),
        lambda: (
            {"id": authority.pk, **row}
            for authority, row in zip(
                Authority.objects.order_by("pk"),
                authority_rows(Authority.objects.order_by("pk")),
                strict=True,
            )
        ),
    ),
    "links": (
        ("id", "slug", *LINK_COLUMNS, "story_en", "story_ja"),
        lambda: (
            {
                "id": link.pk,
                "slug": link.slug,
                "story_en": link.story_en,
                "story_ja": link.story_ja,
                **row,
            }
            for link, row in zip(
                Link.objects.order_by("pk"), link_rows(Link.objects.order_by("pk")), strict=True
            )
        ),
    ),
    "exchanges": (
        (
            "id",
            "link",
            "date",
            "kind",
            "direction",
            "participants",
            "description_en",
            "description_ja",
        ),
        lambda: (
            {
                "id": e.pk,
                "link": e.link.slug,
                "date": e.date_display,
                "kind": e.kind,
                "direction": e.direction,
                "participants": e.participants,
                "description_en": e.description_en,
                "description_ja": e.description_ja,
            }
            for e in Exchange.objects.select_related("link").order_by("pk")
        ),
    ),
    "agreements": (
        ("id", "link", "date", "kind", "signatories", "note_en", "note_ja"),
        lambda: (
            {
                "id": a.pk,
                "link": a.link.slug,
                "date": a.date_display,
                "kind": a.kind,
                "signatories": "; ".join(s.code or s.slug for s in a.signatories.all()),
                "note_en": a.note_en,
                "note_ja": a.note_ja,
            }
            for a in Agreement.objects.select_related("link")
            .prefetch_related(Prefetch("signatories", Authority.objects.by_name()))
            .order_by("pk")
        ),
    ),
    "sources": (
        ("id", "url", "title", "publisher", "accessed"),
        lambda: Source.objects.order_by("pk").values("id", "url", "title", "publisher", "accessed"),
    ),
    "reasons": (
        ("slug", "name_en", "name_ja"),
        lambda: Reason.objects.order_by("slug").values("slug", "name_en", "name_ja"),
    ),
}


# Full-text search and indexes where Datasette (and people's queries) look: `content="table"`
# in double quotes is the form Datasette recognises for `_search=`.
SEARCHABLE = {
    "authorities": ("name", "name_ja", "kana", "romaji", "name_ja_machine"),
    "links": ("uk_name", "jp_name", "jp_name_ja", "story_en", "story_ja"),
}
INDEXED = {
    "authorities": ("code", "slug", "kind", "country"),
    "links": ("slug", "uk_code", "jp_code", "uk_nation", "jp_prefecture", "type"),
    "exchanges": ("link",),
    "agreements": ("link",),
}


def to_sqlite(path: Path) -> dict[str, int]:
    """Write every table to a new SQLite file. Each `id` is the registry's own key (the rowid,
    so row URLs stay put between exports); authorities and links get an FTS5 index
    (authorities_fts, links_fts) and their filtered columns an index."""
    path = Path(path)
    path.unlink(missing_ok=True)
    counts = {}
    with sqlite3.connect(path) as db:
        for table, (columns, rows) in TABLES.items():
            declared = ("id INTEGER PRIMARY KEY" if c == "id" else c for c in columns)
            db.execute(f"CREATE TABLE {table} ({', '.join(declared)})")
            marks = ", ".join("?" for _ in columns)
            data = [
                tuple(
                    str(row[c]) if row[c] is not None and c == "accessed" else row[c]
                    for c in columns
                )
                for row in rows()
            ]
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
            counts[table] = len(data)
        for table, columns in SEARCHABLE.items():
            names = ", ".join(columns)
            db.execute(
                f"CREATE VIRTUAL TABLE {table}_fts USING fts5({names}, "
                f'content="{table}", content_rowid="id")'
            )
            db.execute(f"INSERT INTO {table}_fts(rowid, {names}) SELECT id, {names} FROM {table}")
        for table, columns in INDEXED.items():
            for column in columns:
                db.execute(f"CREATE INDEX {table}_{column} ON {table}({column})")
    return counts
