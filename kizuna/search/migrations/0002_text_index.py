"""A trigram index on search_document.text, one per backend.

SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers. PostgreSQL: the
pg_trgm extension and a GIN index, which serves ILIKE substrings and word similarity (typos).
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_document', "
    "content_rowid='id', tokenize='trigram')",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_document BEGIN
         INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_document BEGIN
         INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_document BEGIN
         INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
         INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER search_fts_update", "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert", "DROP TABLE search_fts",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_document_text_trgm ON search_document USING gin (text gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP INDEX search_document_text_trgm"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AlterModelTable(name="document", table="search_document"),
        migrations.RunPython(run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})),
    ]
