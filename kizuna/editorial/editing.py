"""Every edit through the site (forms, API, accepted suggestions, reverts) goes through here.

- Each edit is one history row (django-simple-history) naming its author and carrying a
  required edit summary, with the many-to-many relations as they stand after the edit.
- Edits are optimistic: a form or API client sends the `revision` it read; if someone saved in
  between, the edit is refused with `Conflict` (holding the current object) and nothing changes.
- The object is validated (fields and database constraints) before anything is written, so bad
  input raises ValidationError and leaves the stored data as it was.
Permissions are not checked here: callers ask kizuna.editorial.roles first.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _


class Conflict(Exception):
    """Someone else saved the object since the editor read it."""

    def __init__(self, current):
        super().__init__(f"{current} was changed by someone else")
        self.current = current


def create(model, values: dict, *, user, summary: str):
    """A new object from field values (many-to-many fields as lists of objects or ids)."""
    obj = model()
    with transaction.atomic():
        _write(obj, values, user=user, summary=summary, created=True)
    return obj


def update(obj, values: dict, *, user, summary: str, revision: int):
    """Change `obj`'s fields to `values`, unless it changed since `revision` (Conflict)."""
    model = type(obj)
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=obj.pk)
        if current.revision != revision:
            raise Conflict(current)
        current.revision += 1
        _write(current, values, user=user, summary=summary, created=False)
    return current


def delete(obj, *, user, summary: str, revision: int) -> None:
    model = type(obj)
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=obj.pk)
        if current.revision != revision:
            raise Conflict(current)
        _mark(current, user, summary)
        current.delete()


def _write(obj, values: dict, *, user, summary: str, created: bool) -> None:
    related = {f.name for f in obj._meta.many_to_many}
    for name, value in values.items():
        if name not in related:
            setattr(obj, name, value)
    obj.full_clean(exclude=related)
    _mark(obj, user, summary)
    # History is written once, after the relations are set, so the edit is one version.
    obj.skip_history_when_saving = True
    try:
        obj.save()
        for name in related & values.keys():
            getattr(obj, name).set(values[name])
    finally:
        del obj.skip_history_when_saving
    if created:
        # The save above skipped history; record the new object, relations included, as created.
        post_save.send(sender=type(obj), instance=obj, created=True)
    else:
        obj.save(update_fields=["revision"])


def _mark(obj, user, summary: str) -> None:
    if not summary or not summary.strip():
        raise ValidationError({"summary": _("Say what you changed and why (an edit summary).")})
    obj._change_reason = summary.strip()
    obj._history_user = user if user is not None and user.is_authenticated else None
