"""Dump and restore round trip, exports, and the Wikidata comparison report."""

import csv
import io
import json
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from .. import dump
from ..models import Authority, Exchange, Link, Reason, Source

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def command(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def empty_registry():
    Authority.objects.update(parent=None, replaced_by=None, population_source=None)
    for model in (Exchange, Link, Authority, Source):
        model.objects.all().delete()
    for model in reversed(dump.history_models()):  # the deletions above wrote history too
        model.objects.all().delete()


def edit_with_history():
    """Edits through the site: history rows with an author, a summary and relations."""
    from kizuna.editorial import editing
    from kizuna.editorial.tests.factories import StaffFactory

    link, editor = Link.objects.order_by("pk").first(), StaffFactory()
    editing.update(
        link,
        {"story_en": "Edited <em>story</em>.", "reasons": Reason.objects.all()[:2]},
        user=editor,
        summary="Add the story — 物語",
        revision=link.revision,
    )
    source = editing.create(Source, {"title": "Council minutes"}, user=editor, summary="New")
    editing.delete(source, user=None, summary="Duplicate", revision=source.revision)
    return editor


def test_dump_restore_dump_is_identical(registry, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    editor = edit_with_history()
    versions = {model: model.objects.count() for model in dump.history_models()}
    command("dump", str(first))
    text = first.read_text(encoding="utf-8")
    assert "余市町" in text and '"formed_precision": "day"' in text
    assert '"formed_precision": "year"' in text and '"date_precision": "month"' in text
    assert '"history_change_reason": "Add the story — 物語"' in text
    assert (
        f'"history_user": {editor.pk}' in text
        and '"model": "registry.historicallink_reasons"' in text
    )
    empty_registry()
    assert "rows restored" in command("restore", str(first))
    assert versions == {model: model.objects.count() for model in dump.history_models()}
    command("dump", str(second))
    assert second.read_bytes() == first.read_bytes()
    # The restored registry is searchable and takes new rows (sequences moved on).
    from kizuna.search.engine import search

    assert search("余市")["authority"]
    Source.objects.create(title="After restore")


@pytest.mark.parametrize(
    "line, message",
    [
        (
            '{"model": "registry.link", "pk": 1, "fields": {"formed": "soon"}}',
            ":2: bad registry.link",
        ),
        ('{"model": "auth.user", "pk": 1, "fields": {}}', ":2: unknown row"),
        ("not json", ":2: not JSON"),
    ],
)
def test_restore_checks_the_whole_file_first(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "kizuna-dump", "version": 1}\n' + line + "\n")
    with pytest.raises(CommandError, match=message):
        command("restore", str(path))
    assert not Link.objects.exists()


def test_a_version_1_dump_restores_without_history(registry, tmp_path):
    path = tmp_path / "v1.jsonl"
    command("dump", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    old = ['{"format": "kizuna-dump", "version": 1}'] + [
        line for line in lines[1:] if '"model": "registry.historical' not in line
    ]
    path.write_text("\n".join(old) + "\n", encoding="utf-8")
    empty_registry()
    command("restore", str(path))
    assert Link.objects.exists() and not Link.history.exists()


def test_history_by_users_this_database_lacks_restores_without_author(registry, tmp_path):
    path = tmp_path / "dump.jsonl"
    editor = edit_with_history()
    command("dump", str(path))
    empty_registry()
    editor.delete()
    command("restore", str(path))
    newest = Link.history.order_by("-history_date").first()
    assert (newest.history_user, newest.history_change_reason) == (None, "Add the story — 物語")


def test_restore_refuses_a_database_with_data(registry, tmp_path):
    path = tmp_path / "dump.jsonl"
    command("dump", str(path))
    with pytest.raises(CommandError, match="needs an empty registry"):
        command("restore", str(path))


def test_exports(registry, tmp_path):
    command("export", "--format", "csv", "--bom", str(tmp_path / "links.csv"))
    raw = (tmp_path / "links.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    links = Link.objects.count()
    assert len(rows) == links and {"uk_code", "jp_name_ja", "formed"} <= set(rows[0])
    yoichi = next(row for row in rows if row["jp_name_ja"] == "余市町")
    assert yoichi["agreements"].startswith("1988-10-12 signed: Strathkelvin District Council")
    command("export", "--format", "geojson", str(tmp_path / "links.geojson"))
    features = json.loads((tmp_path / "links.geojson").read_text())["features"]
    lines = [f for f in features if f["geometry"]["type"] == "LineString"]
    assert len(lines) == links and all(len(f["geometry"]["coordinates"]) == 2 for f in lines)
    assert f"{links} links" in command("export", "--format", "sqlite", str(tmp_path / "k.db"))
    with sqlite3.connect(tmp_path / "k.db") as db:
        signed = db.execute(
            "SELECT signatories FROM agreements WHERE link = ? AND kind = ?",
            ("east-dunbartonshire-yoichi", "signed"),
        )
        assert signed.fetchall() == [("strathkelvin; 014087",)]
        hit = db.execute("SELECT uk_name FROM links_fts WHERE links_fts MATCH 'whisky'")
        assert ("East Dunbartonshire",) in hit.fetchall()


def test_wikidata_report_never_writes(registry):
    before = list(Link.objects.values_list("slug", "formed"))
    report = command("import_wikidata", str(FIXTURES / "wikidata-p190.json"))
    assert "Agree: 1\n  Gateshead – Komatsu: gateshead-komatsu" in report
    assert (
        "Conflicts (dates differ): 1\n  Sheffield – Kawasaki: Wikidata start 1988-01-01" in report
    )
    assert "New (in Wikidata, not in the registry): 1\n  Gateshead – Yoichi" in report
    assert "Unmatched (authority not found): 1\n  Atlantis – Yoichi" in report
    assert list(Link.objects.values_list("slug", "formed")) == before


def test_wikidata_bad_file(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"head": {"vars": ["item"]}, "results": {"bindings": []}}')
    with pytest.raises(CommandError, match="missing variable"):
        command("import_wikidata", str(path))
