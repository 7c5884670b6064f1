"""The whole registry as JSON Lines, and back: `kizuna dump FILE` / `kizuna restore FILE`.

Line 1 is a header; then one line per row (sources, reasons, authorities, links, exchanges,
agreements, then their history), in primary-key order, with Django's field values (many-to-many
as id lists).
Dumping a restored database gives the same file byte for byte. Restore checks the whole file
first and needs an empty registry; it writes in one transaction, so a bad file changes nothing.
The search index and the data version are derived, so they are rebuilt rather than dumped.

History (version 2): every history row of the registry objects and of their many-to-many
relations (django-simple-history's tables), as stored. Users are not part of the registry: a
history row names its author by user id, kept on restore where this database has that user and
left empty (an unknown author) where it has not. Version 1 files (no history) still restore;
their objects start with no history.
"""

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection

from .changes import bulk_change
from .importers.errors import ImportDataError
from .models import Agreement, Authority, Exchange, Link, Reason, Source

HEADER = {"format": "kizuna-dump", "version": 2}
READABLE = [{**HEADER, "version": version} for version in (1, 2)]
REGISTRY = [Source, Reason, Authority, Link, Exchange, Agreement]


def history_models() -> list:
    """The history tables of the registry objects, each followed by its relations' ones."""
    models = []
    for model in REGISTRY:
        if hasattr(model, "history"):
            record = model.history.model
            models.append(record)
            models += [getattr(record, f.name).model for f in record._history_m2m_fields]
    return models


MODELS = REGISTRY + history_models()
LABELS = {model._meta.label_lower for model in MODELS}


class Encoder(DjangoJSONEncoder):
    """Full microseconds: DjangoJSONEncoder rounds times to milliseconds, which is lossy."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat()
        return super().default(o)


def dump_lines() -> Iterator[str]:
    yield json.dumps(HEADER, sort_keys=True)
    for model in MODELS:
        rows = model.objects.order_by("pk")
        for row in serializers.serialize("python", rows.iterator(chunk_size=2000)):
            row["fields"] = {
                k: sorted(v) if isinstance(v, list) and k in m2m(model) else v
                for k, v in row["fields"].items()
            }
            yield json.dumps(row, sort_keys=True, ensure_ascii=False, cls=Encoder)


def m2m(model) -> set[str]:
    return {field.name for field in model._meta.many_to_many}


def dump(path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for line in dump_lines():
            out.write(line + "\n")
            count += 1
    return count - 1


def read(path: Path) -> list:
    """Every row, deserialized and checked; ImportDataError names the first bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportDataError(f"cannot read the dump ({exc})", path=path) from None
    if not lines or json_line(lines[0], path, 1) not in READABLE:
        raise ImportDataError(
            f"not a Kizuna dump (first line must be {json.dumps(HEADER)}, or version 1)",
            path=path,
            line=1,
        )
    objects = []
    for number, line in enumerate(lines[1:], start=2):
        row = json_line(line, path, number)
        if not isinstance(row, dict) or row.get("model") not in LABELS:
            raise ImportDataError(
                f"unknown row (model must be one of {sorted(LABELS)})", path=path, line=number
            )
        try:
            objects.extend(serializers.deserialize("python", [row]))
        except DeserializationError as exc:
            raise ImportDataError(
                f"bad {row['model']} row: {exc.__cause__ or exc}", path=path, line=number
            ) from None
    return objects


def json_line(line: str, path, number: int):
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ImportDataError(f"not JSON ({exc.msg})", path=path, line=number) from None


def restore(path: Path) -> int:
    objects = read(path)
    # A new database holds only the reasons vocabulary (seeded by a migration); the dump
    # carries its own copy.
    if any(model.objects.exists() for model in MODELS if model is not Reason):
        raise ImportDataError("restore needs an empty registry; this database has data", path=path)
    forget_unknown_users(objects)
    try:
        with bulk_change():
            Reason.objects.all().delete()
            for obj in objects:
                # The dump holds the history as it was: restoring writes none of its own.
                obj.object.skip_history_when_saving = True
                obj.save()
            reset_sequences()
    except IntegrityError as exc:
        raise ImportDataError(f"the rows do not fit together ({exc})", path=path) from None
    return len(objects)


def forget_unknown_users(objects) -> None:
    """History rows by users this database does not have are restored with no author."""
    authored = [o.object for o in objects if getattr(o.object, "history_user_id", None)]
    ids = {row.history_user_id for row in authored}
    known = set(get_user_model().objects.filter(pk__in=ids).values_list("pk", flat=True))
    for row in authored:
        if row.history_user_id not in known:
            row.history_user_id = None


def reset_sequences() -> None:
    """PostgreSQL: new rows after a restore must not reuse restored ids."""
    statements = connection.ops.sequence_reset_sql(no_style(), MODELS)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
