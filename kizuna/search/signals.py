"""The search index follows each committed change: the touched authorities and links after an
edit, everything after a bulk change (kizuna/registry/changes.py)."""

from django.dispatch import receiver

from kizuna.registry.changes import committed
from kizuna.registry.models import Authority, Link

from . import index


@receiver(committed, dispatch_uid="search-follows-changes")
def refresh(sender, touched, everything, **kwargs):
    if everything:
        index.rebuild()
    else:
        index.refresh(touched.get(Authority, ()), touched.get(Link, ()))
