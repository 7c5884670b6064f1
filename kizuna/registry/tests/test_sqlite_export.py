"""The SQLite export is a database Datasette can serve well: registry ids as row ids, full-text
search it recognises on authorities and links, indexes on the columns people filter."""

import sqlite3

import pytest

from ..exports import to_sqlite
from .factories import JPAuthorityFactory, LinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    LinkFactory.create_batch(2)[0].delete()  # a gap in the ids
    link = LinkFactory(jp_authority=JPAuthorityFactory(name_en="Yoichi", name_ja="余市町"))
    path = tmp_path / "kizuna.db"
    to_sqlite(path)
    with sqlite3.connect(path) as db:
        yield db, link


def test_rows_keep_the_registry_ids(export):
    db, link = export
    assert db.execute("SELECT rowid, slug FROM links WHERE id = ?", (link.pk,)).fetchall() == [
        (link.pk, link.slug)
    ]
    authority = link.jp_authority
    assert db.execute(
        "SELECT rowid, code FROM authorities WHERE id = ?", (authority.pk,)
    ).fetchall() == [(authority.pk, authority.code)]


@pytest.mark.parametrize(
    ("table", "query", "column", "expected"),
    [("authorities", "余市町", "name", "Yoichi"), ("links", "Yoichi", "jp_name_ja", "余市町")],
)
def test_full_text_search_datasette_recognises(export, table, query, column, expected):
    db, _ = export
    # Datasette finds a table's FTS index by this pattern (datasette.utils.detect_fts_sql).
    pattern = f'%VIRTUAL TABLE%USING FTS%content="{table}"%'
    assert db.execute("SELECT name FROM sqlite_master WHERE sql LIKE ?", (pattern,)).fetchall() == [
        (f"{table}_fts",)
    ]
    hits = db.execute(
        f"SELECT {column} FROM {table} WHERE rowid IN "
        f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)",
        (query,),
    )
    assert hits.fetchall() == [(expected,)]


def test_filtered_columns_are_indexed(export):
    db, link = export
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM links WHERE jp_code = ?", (link.jp_authority.code,)
    ).fetchall()
    assert "USING INDEX links_jp_code" in plan[0][-1]
    indexed = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"links_uk_code", "links_jp_prefecture", "authorities_code"} <= indexed
