import pytest

from .factories import ExchangeFactory, LinkFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_sourced_link_with_an_exchange():
    exchange = ExchangeFactory()
    assert exchange.link.uk_authority.country == "GB"
    assert exchange.link.jp_authority.country == "JP"
    assert exchange.sources.count() == 1
    assert LinkFactory().sources.count() == 1
