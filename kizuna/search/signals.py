"""The search index follows each committed change: the touched authorities and links after an
edit, everything after a bulk change (kizuna/registry/changes.py)."""

from django.dispatch import receiver

from kizuna.registry.changes import committed
from kizuna.registry.models import Agreement, Authority, Link

from . import index


@receiver(committed, dispatch_uid="search-follows-changes")
def refresh(sender, touched, everything, **kwargs):
    if everything:
        index.rebuild()
        return
    authorities = touched.get(Authority, set())
    links = set(touched.get(Link, set()))
    if Agreement in touched:  # signatories are searchable on their links
        links |= set(
            Agreement.objects.filter(pk__in=touched[Agreement]).values_list("link", flat=True)
        )
    index.refresh(authorities, links)
