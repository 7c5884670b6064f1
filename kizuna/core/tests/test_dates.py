import datetime as dt

import pytest

from kizuna.core.dates import PartialDate


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("1991", dt.date(1991, 1, 1), "year"),
        ("1991-06", dt.date(1991, 6, 1), "month"),
        ("1991-06-13", dt.date(1991, 6, 13), "day"),
        (1991, dt.date(1991, 1, 1), "year"),
        (dt.date(1991, 6, 13), dt.date(1991, 6, 13), "day"),
    ],
)
def test_parse(text, date, precision):
    parsed = PartialDate.parse(text)
    assert parsed == (date, precision)
    assert PartialDate.parse(parsed.iso()) == parsed


@pytest.mark.parametrize(
    "text, message",
    [
        ("91", "YYYY"),
        ("1991-13", "not a real date"),
        ("1991-02-30", "not a real date"),
        ("June 1991", "YYYY"),
    ],
)
def test_parse_rejects_with_a_message(text, message):
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)
