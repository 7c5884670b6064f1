from django.db import models
from django.db.models import F


class DataVersion(models.Model):
    """A counter bumped on every change to registry data (signals, imports).

    Cached pages carry it in their key, so one bump invalidates them in every process and host
    that shares the database, with or without a shared cache."""

    number = models.PositiveBigIntegerField(default=0)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})
