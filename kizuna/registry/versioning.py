"""Every change to registry data bumps DataVersion (see models/version.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Agreement, Authority, DataVersion, Exchange, Link, Reason, Source
from .signals import import_finished, importing

TRACKED = (Authority, Link, Exchange, Agreement, Source, Reason)


def bump(sender, raw=False, **kwargs):
    if not raw and not importing():  # an import bumps once, when it finishes
        DataVersion.bump()


for model in TRACKED:
    post_save.connect(bump, sender=model, dispatch_uid=f"version-save-{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
for through in (
    Link.sources.through,
    Link.reasons.through,
    Exchange.sources.through,
    Agreement.signatories.through,
    Agreement.sources.through,
):
    m2m_changed.connect(bump, sender=through, dispatch_uid=f"version-m2m-{through.__name__}")


@receiver(import_finished)
def bump_after_import(sender, **kwargs):
    DataVersion.bump()
