"""The one way a change to registry data becomes visible: the data version bumps once and the
derived data (search index, read model) refreshes once, per committed change.

- Bulk writes (importers, restore, synthetic scale data, any `bulk_create` or `update()`) run
  inside `bulk_change()`: one transaction; per-row tracking pauses; when the block ends the
  derived data is rebuilt and the version bumped once, so it commits with the data.
- Single-row edits (the admin, the editing to come) are tracked by signals below: each touched
  object is noted on its transaction and, when that commits, receivers of `committed` refresh
  just those objects and the version bumps once. Outside any transaction that is once per save.

Receivers of `committed` get `touched` ({model: {pk, …}}) and `everything` (True after a bulk
change: rebuild all). They live with the data they derive (search/signals.py, …).
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from .models import Agreement, Authority, DataVersion, Exchange, Link, Reason, Source

committed = Signal()

TRACKED = (Authority, Link, Exchange, Agreement, Source, Reason)
THROUGH = (
    Link.sources.through,
    Link.reasons.through,
    Exchange.sources.through,
    Agreement.signatories.through,
    Agreement.sources.through,
)

_bulk: ContextVar[bool] = ContextVar("registry_bulk_change", default=False)
# Objects touched in this thread's open transaction(s), published by the next commit.
_touched: ContextVar[dict | None] = ContextVar("registry_touched", default=None)


@contextmanager
def bulk_change() -> Iterator[None]:
    """Write many rows as one change: rebuild the derived data and bump the version once."""
    token = _bulk.set(True)
    try:
        with transaction.atomic():
            yield
            publish({}, everything=True)
    finally:
        _bulk.reset(token)


def publish(touched: dict, everything: bool = False) -> None:
    committed.send(sender=bulk_change, touched=touched, everything=everything)
    DataVersion.bump()


def note(model, pk) -> None:
    """Remember a touched object; the transaction's commit publishes all of them once."""
    touched = _touched.get()
    if touched is None:
        touched = defaultdict(set)
        _touched.set(touched)
    touched[model].add(pk)
    # Once per note, not once per set: a rolled-back transaction drops its callbacks, and
    # what it touched is then published (harmlessly) with the next commit.
    transaction.on_commit(_flush)


def _flush() -> None:
    touched = _touched.get()
    _touched.set(None)
    if touched:
        publish(dict(touched))


def _saved_or_deleted(sender, instance, raw=False, **kwargs):
    if not raw and not _bulk.get():
        note(sender, instance.pk)


def _relation_changed(sender, instance, action, model, pk_set=None, **kwargs):
    if action.startswith("post_") and not _bulk.get():
        note(type(instance), instance.pk)
        for pk in pk_set or ():  # the other side changed too (e.g. a signatory's links)
            note(model, pk)


for _model in TRACKED:
    post_save.connect(_saved_or_deleted, sender=_model, dispatch_uid=f"changes-save-{_model}")
    post_delete.connect(_saved_or_deleted, sender=_model, dispatch_uid=f"changes-del-{_model}")
for _through in THROUGH:
    m2m_changed.connect(_relation_changed, sender=_through, dispatch_uid=f"changes-m2m-{_through}")
