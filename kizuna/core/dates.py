"""Dates known to a year, a month or a day ("1991", "1991-06", "1991-06-13").

Stored as the first day of the period plus its precision, so they sort and filter as dates and
print at the precision a source gave.
"""

import datetime as dt
import re
from typing import NamedTuple

from django.db import models


class Precision(models.TextChoices):
    YEAR = "year", "year"
    MONTH = "month", "month"
    DAY = "day", "day"


_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(NamedTuple):
    date: dt.date
    precision: str

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (or a date); ValueError says what is wrong."""
        if isinstance(value, dt.date):
            return cls(value, Precision.DAY)
        text = str(value).strip()
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        try:
            date = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
        precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        return cls(date, precision)

    def iso(self) -> str:
        return format_partial(self.date, self.precision)


def format_partial(date: dt.date | None, precision: str) -> str:
    """ISO text at the known precision: '1991', '1991-06' or '1991-06-13'; '' for no date."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
