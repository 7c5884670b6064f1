"""Signals the registry sends around bulk imports, so services can pause per-row work (the
search index, the data version) and redo it once."""

from contextvars import ContextVar

from django.dispatch import Signal, receiver

import_started = Signal()
import_finished = Signal()

_importing: ContextVar[bool] = ContextVar("registry_importing", default=False)


def importing() -> bool:
    """True between import_started and import_finished (in this thread or task)."""
    return _importing.get()


@receiver(import_started, dispatch_uid="registry-importing-start")
def _start(sender, **kwargs):
    _importing.set(True)


@receiver(import_finished, dispatch_uid="registry-importing-finish")
def _finish(sender, **kwargs):
    _importing.set(False)
