from django.db import connection, models
from django.db.models import F
from django.db.models.functions import Now


class DataVersion(models.Model):
    """A counter bumped on every change to registry data (signals, imports), with its time.

    Cached pages carry the number in their key, so one bump invalidates them in every process
    and host that shares the database; the API sends the time as Last-Modified."""

    number = models.PositiveBigIntegerField(default=0)
    changed = models.DateTimeField(null=True)

    @classmethod
    def current(cls) -> int:
        # Plain SQL: pages ask several times a request, and building the ORM query cost more
        # than running it.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number FROM {cls._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def latest(cls) -> "DataVersion":
        return cls.objects.filter(pk=1).first() or cls(number=0)

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(number=F("number") + 1, changed=Now()):
            cls.objects.get_or_create(pk=1, defaults={"number": 1, "changed": Now()})
