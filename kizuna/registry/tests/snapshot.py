"""The loaded registry, imported once per test process and copied back into each test that asks.

`take()` runs `kizuna import-registers` and `kizuna import-links` on the test database, copies
every table they leave with rows into a `snapshot_<table>` table beside it (plain SQL, so every
value comes back exactly as stored, on SQLite and PostgreSQL alike), then puts the tables back
as they were. `Snapshot.restore()` refills those tables from their copies with one INSERT … SELECT
each, inside the test's transaction (a fraction of a second, where the import takes seconds),
and the test's changes roll back with it. Derived tables (the search index, anything a bulk change
rebuilds) are copied like the rest; SQLite's full-text index follows its triggers.
"""

from dataclasses import dataclass
from graphlib import TopologicalSorter
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from ..models import Reason
from ..vocabulary import seed_reasons

PREFIX = "snapshot_"
BEFORE = "before_import_"


@dataclass(frozen=True)
class Snapshot:
    tables: tuple[str, ...]  # every table the import left with rows, referenced tables first
    sequences: tuple[str, ...]  # SQL moving PostgreSQL's id sequences past the restored ids

    def restore(self) -> None:
        """Make the tables hold exactly the imported rows (other tables are left alone)."""
        with transaction.atomic(), connection.cursor() as cursor:
            refill(cursor, self.tables, PREFIX, self.tables)
            for sql in self.sequences:
                cursor.execute(sql)


def take() -> Snapshot:
    """Import the registry, keep a copy of what it wrote, and undo the import."""
    tables = in_dependency_order(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )
    with connection.cursor() as cursor:
        before = [table for table in tables if has_rows(cursor, table)]
        copy(cursor, before, BEFORE)
        if not Reason.objects.exists():  # a transactional test's flush empties the vocabulary
            seed_reasons(Reason)
        call_command("import_registers", "--no-progress", stdout=StringIO())
        call_command("import_links", stdout=StringIO())
        loaded = tuple(table for table in tables if has_rows(cursor, table))
        copy(cursor, loaded, PREFIX)
        with transaction.atomic():
            refill(cursor, tables, BEFORE, before)
        for table in before:
            cursor.execute(f"DROP TABLE {quote(BEFORE + table)}")
    return Snapshot(loaded, tuple(sequence_sql(loaded)))


def has_rows(cursor, table: str) -> bool:
    cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
    return cursor.fetchone() is not None


def copy(cursor, tables, prefix: str) -> None:
    for table in tables:
        cursor.execute(f"CREATE TABLE {quote(prefix + table)} AS SELECT * FROM {quote(table)}")


def refill(cursor, tables, prefix: str, copied) -> None:
    """Empty `tables`, then fill those in `copied` from their copies, in the given order (foreign
    keys are checked at commit, but a trigger on links reads their authorities at once)."""
    for table in tables:
        cursor.execute(f"DELETE FROM {quote(table)}")
    for table in copied:
        cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(prefix + table)}")


def in_dependency_order(tables) -> list[str]:
    models = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    graph = {
        table: {
            field.related_model._meta.db_table
            for field in models[table]._meta.concrete_fields
            if field.is_relation and field.related_model is not models[table]
        }
        for table in tables
    }
    return [table for table in TopologicalSorter(graph).static_order() if table in graph]


def sequence_sql(tables) -> list[str]:
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in tables]
    return connection.ops.sequence_reset_sql(no_style(), models)


def quote(name: str) -> str:
    return connection.ops.quote_name(name)
