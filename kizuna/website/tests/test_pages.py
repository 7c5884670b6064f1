"""Every public page in both languages, bad URLs as 400s, bounded queries, page caching."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kizuna.registry.tests.factories import (
    ExchangeFactory,
    JPAuthorityFactory,
    LinkFactory,
    UKAuthorityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def links():
    prefecture = JPAuthorityFactory(
        kind="prefecture",
        code="170003",
        name_en="Ishikawa",
        name_ja="石川県",
        region="Chubu",
        latitude=36.6,
        longitude=136.6,
    )
    county = UKAuthorityFactory(
        kind="county", name_en="Kent", region="South East", latitude=51.2, longitude=0.7
    )
    made = []
    for n in range(30):
        uk = UKAuthorityFactory(parent=county, region="South East", latitude=51.3, longitude=0.5)
        jp = JPAuthorityFactory(
            kind="city", parent=prefecture, region="Chubu", latitude=36.4, longitude=136.4
        )
        made.append(
            LinkFactory(
                uk_authority=uk,
                jp_authority=jp,
                formed=dt.date(1990 + n % 30, 1, 1),
                story_en="A story.",
            )
        )
        ExchangeFactory(link=made[-1])
    return made


PAGES = [
    "website:home",
    "website:directory",
    "website:map",
    "website:statistics",
    "website:search",
    "website:history",
]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_pages_render_in_both_languages(client, links, name, language):
    from django.utils import translation

    with translation.override(language):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_link_and_authority_pages(client, links):
    link = links[0]
    page = client.get(reverse("website:link", args=(link.slug,))).content.decode()
    assert link.uk_authority.name_en in page and link.jp_authority.name_ja in page
    assert "Other links in" in page
    page = client.get(reverse("website:authority", args=(link.jp_authority.parent.slug,)))
    assert link.jp_authority.name_en in page.content.decode()


def test_other_links_of_an_area_follow_an_edit(client, links, django_capture_on_commit_callbacks):
    """Each area's oldest links are kept once per data version (shared by all its links'
    pages): the ten oldest, never the page's own link, and a new oldest one shows at once."""
    link = links[5]
    url = reverse("website:link", args=(link.slug,))
    page = client.get(url).content.decode()
    others = [other for other in links if other.pk != link.pk][:10]
    assert all(reverse("website:link", args=(o.slug,)) in page for o in others)
    assert f'href="{url}"' not in page  # not among its own "other links"

    with django_capture_on_commit_callbacks(execute=True):
        oldest = LinkFactory(
            uk_authority=UKAuthorityFactory(parent=link.uk_authority.parent),
            jp_authority=link.jp_authority,
            formed=dt.date(1980, 1, 1),
        )
    page = client.get(url).content.decode()
    assert reverse("website:link", args=(oldest.slug,)) in page


def test_language_switch_keeps_the_page_and_query(client, links):
    page = client.get("/links/?decade=1990").content.decode()
    assert 'href="/ja/links/?decade=1990"' in page


@pytest.mark.parametrize(
    "url, message",
    [
        ("/links/?nation=Narnia", "nation: Select a valid choice"),
        ("/links/?page=x", "page: &#x27;x&#x27; is not a page number"),
        ("/links/?page=99", "there are only 2 pages"),
        ("/links/?decade=1850", "decade: Select a valid choice"),
        ("/map/?type=cousin", "type: Select a valid choice"),
        ("/ja/links/?sort=random", "sort:"),
    ],
)
def test_bad_filter_values_are_400_with_a_message(client, links, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_missing_pages_are_friendly_404s(client):
    response = client.get("/ja/links/no-such-link/")
    assert response.status_code == 404
    assert (
        "ページが見つかりません" in response.content.decode()
        or "Page not found" in response.content.decode()
    )


def test_directory_filters_narrow_and_htmx_gets_a_fragment(client, links):
    everything = client.get("/links/").content.decode()
    assert "30 links" in everything
    nineties = client.get("/links/?decade=1990", HTTP_HX_REQUEST="true").content.decode()
    assert "10 links" in nineties and "<html" not in nineties


def count_queries(client, url) -> int:
    from django.core.cache import cache

    client.get(url)  # once per data version a process loads search's names: not per request
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/links/",
        "/links/?prefecture=170003",
        "/statistics/",
        "/map/points.json?side=uk&bbox=-11.25,45,11.25,67.5&zoom=10",
        "/search/?q=Machi",
        "/ja/",
    ],
)
def test_queries_do_not_grow_with_rows(client, links, url):
    few = count_queries(client, url)
    for _ in range(2):
        more = LinkFactory(
            uk_authority=UKAuthorityFactory(parent=links[0].uk_authority.parent),
            jp_authority=JPAuthorityFactory(parent=links[0].jp_authority.parent),
        )
        ExchangeFactory(link=more)
    assert count_queries(client, url) == few


def test_link_page_queries_do_not_grow_with_exchanges(client, links):
    url = reverse("website:link", args=(links[0].slug,))
    few = count_queries(client, url)
    ExchangeFactory.create_batch(5, link=links[0])
    assert count_queries(client, url) == few


def test_pages_are_cached_until_the_data_changes(client, links, django_capture_on_commit_callbacks):
    url = reverse("website:link", args=(links[0].slug,))
    assert "A story." in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    assert len(context.captured_queries) == 1  # the data version, nothing else
    with django_capture_on_commit_callbacks(execute=True):  # an edit shows once committed
        links[0].story_en = "A new chapter."
        links[0].save()
    assert "A new chapter." in client.get(url).content.decode()


def test_statistics_csv(client, links):
    response = client.get("/statistics/decade.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[:3] == ["decade,links", "1990s,10", "2000s,10"]


def test_offline_tiles(client):
    response = client.get("/tiles/0/0/0.png")
    assert response.status_code == 200
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert client.get("/tiles/9/0/0.png").status_code == 404


def test_downloads_follow_the_directory_filters(client, links):
    response = client.get("/downloads/links.csv?decade=1990&bom=1")
    text = b"".join(response.streaming_content).decode("utf-8")  # filtered: streamed
    assert text.startswith("\ufeffuk_code,") and len(text.strip().splitlines()) == 11
    geojson = b"".join(client.get("/downloads/links.geojson").streaming_content)  # a built file
    assert b'"type": "FeatureCollection"' in geojson
    assert client.get("/downloads/links.xml").status_code == 404
    assert client.get("/downloads/links.csv?decade=1850").status_code == 400
    sqlite = client.get("/downloads/kizuna.sqlite3")
    assert b"".join(sqlite.streaming_content).startswith(b"SQLite format 3")


def test_json_ld_describes_links_and_authorities(client, links):
    import json
    import re

    link = links[0]
    page = client.get(reverse("website:link", args=(link.slug,))).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event" and data["startDate"] == link.formed_display
    assert [place["@type"] for place in data["location"]] == ["AdministrativeArea"] * 2


@pytest.mark.parametrize("path", ["/links/?nation=England", "/map/?nation=England"])
def test_the_header_search_box_never_shows_a_query_string(client, path):
    LinkFactory()  # an English council, so nation=England is a valid filter
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="site-q" name="q" type="search" value=""' in body
    assert "nation=England" in body  # the page's own links keep their filters


def test_japanese_statistics_and_populations_read_as_japanese(client, links):
    body = client.get("/ja/statistics/").content.decode()
    assert '<th scope="row">石川県</th>' in body and "南東イングランド" in body
    assert "Ishikawa</th>" not in body and "South East</th>" not in body
    prefecture = links[0].jp_authority.parent
    prefecture.population = 1132526
    prefecture.save()
    page = client.get(f"/ja/authorities/{prefecture.slug}/").content.decode()
    assert "1,132,526人" in page
