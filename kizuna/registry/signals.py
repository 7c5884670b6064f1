"""Signals the registry sends around bulk imports, so services can pause per-row work (the
search index) and redo it once."""

from django.dispatch import Signal

import_started = Signal()
import_finished = Signal()
