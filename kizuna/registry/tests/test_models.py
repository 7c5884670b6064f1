"""Database rules hold in the database itself, on SQLite and PostgreSQL alike."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from ..models import Authority, Link
from .factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db


def raises_integrity(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_one_link_per_pair_and_type():
    link = LinkFactory()
    raises_integrity(
        lambda: Link.objects.create(
            uk_authority=link.uk_authority, jp_authority=link.jp_authority, type=link.type
        )
    )
    Link.objects.create(
        uk_authority=link.uk_authority, jp_authority=link.jp_authority, type="friendship"
    )


@pytest.mark.parametrize(
    "uk_side, jp_side",
    [
        (UKAuthorityFactory, UKAuthorityFactory),
        (JPAuthorityFactory, JPAuthorityFactory),
        (JPAuthorityFactory, UKAuthorityFactory),
    ],
)
def test_a_link_joins_one_gb_and_one_jp_authority(uk_side, jp_side):
    raises_integrity(
        lambda: Link.objects.create(uk_authority=uk_side(), jp_authority=jp_side(), type="sister")
    )


def test_an_update_cannot_break_the_country_rule_either():
    link = LinkFactory()
    raises_integrity(
        lambda: Link.objects.filter(pk=link.pk).update(jp_authority=UKAuthorityFactory())
    )


def test_dates_are_consistent():
    link = LinkFactory(formed=dt.date(2000, 1, 1))
    raises_integrity(
        lambda: Link.objects.filter(pk=link.pk).update(status="ended", ended=dt.date(1999, 1, 1))
    )
    raises_integrity(lambda: Link.objects.filter(pk=link.pk).update(ended=dt.date(2001, 1, 1)))
    raises_integrity(
        lambda: UKAuthorityFactory(start_date=dt.date(2000, 1, 1), end_date=dt.date(1990, 1, 1))
    )


def test_kind_fits_country():
    raises_integrity(lambda: UKAuthorityFactory(kind="prefecture"))
    raises_integrity(lambda: JPAuthorityFactory(kind="london_borough"))


def test_as_of_finds_a_merged_town_before_its_merger():
    town = JPAuthorityFactory(end_date=dt.date(2005, 1, 31))
    city = JPAuthorityFactory(kind="city", start_date=dt.date(2005, 2, 1))
    assert set(Authority.objects.as_of(dt.date(2002, 6, 1))) == {town}
    assert set(Authority.objects.as_of(dt.date(2010, 1, 1))) == {city}
    assert list(Authority.objects.current()) == [city]


def test_formed_prints_at_its_precision():
    link = LinkFactory(formed=dt.date(1991, 6, 1), formed_precision="month")
    assert link.formed_display == "1991-06"
    link.formed_precision = "year"
    assert link.formed_display == "1991"
