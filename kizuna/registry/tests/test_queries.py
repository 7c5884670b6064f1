"""The shared rules: links of an authority and its area, the prefecture of a link, and queries
that neither join nor fetch more rows than they need."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..filters import uk_regions
from ..models import Agreement, Authority, Exchange, Link
from ..queries import (
    area_links,
    authority_by_ref,
    in_prefecture,
    links_of,
    own_links,
    prefecture_of_link,
)
from .factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kent():
    """A county with a link of its own, two districts with links, a former council that
    signed a link its successor holds, and an unrelated link."""
    county = UKAuthorityFactory(kind="county", name_en="Kent", code="E10000016")
    districts = UKAuthorityFactory.create_batch(2, parent=county)
    former = UKAuthorityFactory(name_en="Strathkelvin", code=None, slug="strathkelvin")
    successor = UKAuthorityFactory(name_en="East Dunbartonshire")
    links = {
        "county": LinkFactory(uk_authority=county),
        "district": LinkFactory(uk_authority=districts[0]),
        "other district": LinkFactory(uk_authority=districts[1]),
        "successor": LinkFactory(uk_authority=successor),
        "unrelated": LinkFactory(),
    }
    agreement = Agreement.objects.create(
        link=links["successor"], kind="signed", date=dt.date(1988, 10, 12)
    )
    agreement.signatories.set([former, links["successor"].jp_authority])
    return county, former, links


def names(q) -> set[str]:
    return {str(link) for link in Link.objects.filter(q)}


def test_links_of_an_authority_own_and_area(kent):
    county, former, links = kent
    held = {str(links[k]) for k in ("county", "district", "other district")}
    assert names(links_of(county)) == held
    assert names(own_links(county)) == {str(links["county"])}
    assert names(area_links(county) & ~own_links(county)) == held - {str(links["county"])}
    assert names(links_of(former)) == names(own_links(former)) == {str(links["successor"])}
    jp = links["district"].jp_authority
    assert names(links_of(jp)) == {str(links["district"])}


def test_an_authority_by_code_or_slug(kent):
    county, former, _ = kent
    assert authority_by_ref("E10000016") == authority_by_ref(county.slug) == county
    assert authority_by_ref("strathkelvin") == former
    assert authority_by_ref("atlantis") is None


def test_links_of_filter_on_ids_without_joining_authorities(kent):
    county, _, _ = kent
    sql = str(Link.objects.filter(links_of(county)).values("pk").query).lower()
    assert "join" not in sql.split("where")[0]
    assert "code" not in sql and "slug" not in sql


def test_the_prefecture_of_a_link_reads_and_filters_alike():
    ishikawa = JPAuthorityFactory(kind="prefecture", name_en="Ishikawa")
    komatsu = JPAuthorityFactory(kind="city", parent=ishikawa)
    LinkFactory(jp_authority=ishikawa)
    LinkFactory(jp_authority=komatsu)
    LinkFactory(jp_authority=JPAuthorityFactory(kind="city"))  # no prefecture recorded
    named = dict(
        Link.objects.annotate(prefecture=prefecture_of_link("name_en")).values_list(
            "pk", "prefecture"
        )
    )
    filtered = set(Link.objects.filter(in_prefecture(ishikawa)).values_list("pk", flat=True))
    assert filtered == {pk for pk, name in named.items() if name == "Ishikawa"}
    assert sorted(named.values(), key=str) == ["Ishikawa", "Ishikawa", None]


def test_no_default_ordering_joins_or_defeats_distinct():
    for model in (Link, Exchange, Authority):
        assert not model._meta.ordering
    assert "join" not in str(Link.objects.all().query).lower()


def test_uk_regions_fetch_one_row_per_region():
    for n in range(6):
        UKAuthorityFactory(region=("North East", "South East")[n % 2])
    with CaptureQueriesContext(connection) as queries:
        regions = uk_regions()
    assert regions == [("North East", "North East"), ("South East", "South East")]
    with connection.cursor() as cursor:
        cursor.execute(queries.captured_queries[0]["sql"])
        assert len(cursor.fetchall()) == 2


def test_the_directory_fetches_each_vocabulary_once(client):
    for n in range(6):
        UKAuthorityFactory(region=("North East", "South East")[n % 2])
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/links/").status_code == 200
    distinct = [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]
    assert distinct
    with connection.cursor() as cursor:
        for sql in distinct:
            cursor.execute(sql)
            rows = cursor.fetchall()
            assert len(rows) == len(set(rows)), sql
