"""Downloads: whole ones built once per data version and kept as files, filtered ones
streamed, all complete and limited per address."""

import csv
import io
import json
import sqlite3

import pytest
from django.http import FileResponse

from kizuna.registry.models import DataVersion, Link, LinkType
from kizuna.registry.tests.factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

from ..built_downloads import open_download

pytestmark = pytest.mark.django_db


@pytest.fixture
def links():
    placed = {"latitude": 51.5, "longitude": -0.1}
    return [
        LinkFactory(
            type=link_type,
            uk_authority=UKAuthorityFactory(**placed),
            jp_authority=JPAuthorityFactory(latitude=36.5, longitude=136.6),
        )
        for link_type in (LinkType.SISTER, LinkType.SISTER, LinkType.SISTER, LinkType.FRIENDSHIP)
    ]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def built(settings, name: str):
    return settings.KIZUNA_DOWNLOADS_DIR / str(DataVersion.current()) / name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/downloads/kizuna.sqlite3", "kizuna.sqlite3"),
        ("/downloads/links.csv", "links.csv"),
        ("/downloads/links.csv?bom=1", "links-bom.csv"),
        ("/downloads/links.json", "links.json"),
        ("/downloads/links.geojson", "links.geojson"),
    ],
)
def test_a_whole_download_is_built_once_per_data_version(client, settings, links, url, name):
    first = client.get(url)
    assert isinstance(first, FileResponse)
    path = built(settings, name)
    stat = path.stat()
    assert body(first) == path.read_bytes()

    second = body(client.get(url))
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    assert second == path.read_bytes()

    DataVersion.bump()  # a data change: the next request builds anew, the old version goes
    body(client.get(url))
    assert built(settings, name).exists() and not path.parent.exists()


def test_the_sqlite_download_holds_every_link(client, links, tmp_path):
    path = tmp_path / "download.sqlite3"
    path.write_bytes(body(client.get("/downloads/kizuna.sqlite3")))
    with sqlite3.connect(path) as db:
        slugs = {slug for (slug,) in db.execute("SELECT slug FROM links")}
    assert slugs == {link.slug for link in links}


def test_whole_csv_json_and_geojson_hold_every_link(client, links):
    pairs = {(link.uk_authority.code, link.jp_authority.code) for link in links}
    text = body(client.get("/downloads/links.csv?bom=1")).decode("utf-8")
    assert text.startswith("\ufeffuk_code,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {(row["uk_code"], row["jp_code"]) for row in rows} == pairs and len(rows) == 4

    rows = json.loads(body(client.get("/downloads/links.json")))
    assert {(row["uk_code"], row["jp_code"]) for row in rows} == pairs and len(rows) == 4

    features = json.loads(body(client.get("/downloads/links.geojson")))["features"]
    lines = [f["properties"]["slug"] for f in features if f["geometry"]["type"] == "LineString"]
    assert sorted(lines) == sorted(link.slug for link in links)


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_filtered_downloads_stream_only_their_links(client, settings, links, fmt):
    response = client.get(f"/downloads/links.{fmt}?type=friendship")
    assert response.streaming and not isinstance(response, FileResponse)
    text = body(response).decode("utf-8")
    friendship = Link.objects.get(type=LinkType.FRIENDSHIP)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["uk_code"] for row in rows] == [friendship.uk_authority.code]
    elif fmt == "json":
        assert [row["type"] for row in json.loads(text)] == ["friendship"]
    else:
        features = [f["properties"] for f in json.loads(text)["features"]]
        assert [(f["kind"], f["slug"]) for f in features] == [
            ("authority", friendship.uk_authority.slug),
            ("authority", friendship.jp_authority.slug),
            ("link", friendship.slug),
        ]
    assert not settings.KIZUNA_DOWNLOADS_DIR.exists()  # nothing is kept for a filter


def test_an_empty_filtered_download_is_still_well_formed(client, links):
    assert json.loads(body(client.get("/downloads/links.json?type=informal"))) == []
    assert json.loads(body(client.get("/downloads/links.geojson?type=informal"))) == {
        "type": "FeatureCollection",
        "features": [],
    }


def test_a_build_during_a_data_change_is_sent_but_not_kept(settings, links):
    def build_while_the_data_changes(path):
        path.write_text("built from two versions")
        DataVersion.bump()

    with open_download("links.csv", build_while_the_data_changes) as file:
        assert file.read() == b"built from two versions"
    folder = settings.KIZUNA_DOWNLOADS_DIR
    assert sorted(p.name for p in folder.iterdir()) == ["partial"]
    assert [p.name for p in (folder / "partial").iterdir()] == ["links.csv.lock"]


def test_a_failed_build_leaves_nothing_behind(settings, links):
    def failing(path):
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        open_download("links.csv", failing)
    assert not built(settings, "links.csv").exists()
    assert [p.name for p in (settings.KIZUNA_DOWNLOADS_DIR / "partial").iterdir()] == [
        "links.csv.lock"
    ]


def test_downloads_are_limited_per_address(client, settings, links):
    settings.KIZUNA_DOWNLOAD_RATE = "2/m"
    for _ in range(2):
        assert client.get("/downloads/kizuna.sqlite3").status_code == 200
    refused = client.get("/downloads/kizuna.sqlite3")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert client.get("/downloads/links.csv").status_code == 429  # one limit for every download
    other = client.get("/downloads/kizuna.sqlite3", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
