"""The read model follows each committed change (kizuna/registry/changes.py)."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from kizuna.registry.changes import committed
from kizuna.registry.models import Agreement, Authority, Link, Reason

from . import build


@receiver(committed, dispatch_uid="readmodel-follows-changes")
def refresh(sender, touched, everything, **kwargs):
    if everything:
        build.rebuild()
        return
    links = set(touched.get(Link, ()))
    if Agreement in touched:
        links |= set(
            Agreement.objects.filter(pk__in=touched[Agreement]).values_list("link", flat=True)
        )
    build.refresh(touched.get(Authority, ()), links, touched.get(Reason, ()))


@receiver(post_migrate, dispatch_uid="readmodel-after-migrate")
def rebuild_after_migrate(sender, app_config=None, **kwargs):
    """A deploy may change the shapes: the records are rebuilt from the registry, which the
    migrations have just brought up to date."""
    if app_config is not None and app_config.name == "kizuna.readmodel":
        build.rebuild()
