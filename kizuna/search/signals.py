"""Staff edits update the search index row by row; imports pause this and rebuild once."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from kizuna.registry.models import Agreement, Authority, Link
from kizuna.registry.signals import import_finished, importing

from . import index
from .models import Kind


@receiver(import_finished)
def rebuild_after_import(sender, **kwargs):
    index.rebuild()


@receiver(post_save, sender=Authority)
def authority_saved(sender, instance, raw=False, **kwargs):
    if not raw and not importing():
        index.update_authority(instance)


@receiver(post_save, sender=Link)
def link_saved(sender, instance, raw=False, **kwargs):
    if not raw and not importing():
        index.update_link(instance)


@receiver(m2m_changed, sender=Agreement.signatories.through)
def signatories_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Agreement) and not importing():
        index.update_link(instance.link)


@receiver(post_delete, sender=Authority)
def authority_deleted(sender, instance, **kwargs):
    index.remove(Kind.AUTHORITY, instance.pk)


@receiver(post_delete, sender=Link)
def link_deleted(sender, instance, **kwargs):
    index.remove(Kind.LINK, instance.pk)
