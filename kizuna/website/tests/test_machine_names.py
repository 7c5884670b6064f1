"""A machine-made katakana name (Authority.name_ja_machine) is marked 自動表記 / "automatic
transliteration" wherever a page shows it, flagged in the API and listings; a sourced one is not."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from kizuna.registry.listings import AUTHORITY_COLUMNS, authority_rows
from kizuna.registry.models import Authority
from kizuna.registry.tests.factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db

MARK = {"en": "automatic transliteration", "ja": "自動表記"}


@pytest.fixture
def link(django_capture_on_commit_callbacks):
    # committed, so the search index and the read model publish them as a real edit would
    with django_capture_on_commit_callbacks(execute=True):
        return links()


def links():
    machine = UKAuthorityFactory(
        name_en="Middlesbrough",
        slug="middlesbrough",
        name_ja="ミドルスブラフ",
        name_ja_machine=True,
    )
    sourced = UKAuthorityFactory(name_en="Gateshead", slug="gateshead", name_ja="ゲーツヘッド")
    LinkFactory(uk_authority=sourced, jp_authority=JPAuthorityFactory(name_ja="小松市"))
    return LinkFactory(uk_authority=machine, jp_authority=JPAuthorityFactory(name_ja="余市町"))


def page(client, name, *args, language="en", query="") -> str:
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url + query)
    assert response.status_code == 200
    return response.content.decode()


def mark_after(html: str, name: str, language: str) -> bool:
    """The mark follows the Japanese name (in its lang="ja" span), as <small> text."""
    return (
        f'<span lang="ja">{name}</span> <small class="machine-name" title="' in html
        and f">{MARK[language]}</small>" in html
    )


@pytest.mark.parametrize("language", ["en", "ja"])
def test_authority_page_marks_a_machine_name(client, link, language):
    html = page(client, "website:authority", "middlesbrough", language=language)
    # the heading, the Japanese-name fact and the list of its links
    assert html.count(f">{MARK[language]}</small>") >= 2
    assert mark_after(html, "ミドルスブラフ", language)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_sourced_names_carry_no_mark(client, link, language):
    html = page(client, "website:authority", "gateshead", language=language)
    assert "ゲーツヘッド" in html and "machine-name" not in html


@pytest.mark.parametrize("language", ["en", "ja"])
def test_link_page_and_directory_rows(client, link, language):
    assert mark_after(
        page(client, "website:link", link.slug, language=language), "ミドルスブラフ", language
    )
    directory = page(client, "website:directory", language=language)
    assert mark_after(directory, "ミドルスブラフ", language)
    assert directory.count('class="machine-name"') == 1  # Gateshead's sourced name: no mark


@pytest.mark.parametrize("language", ["en", "ja"])
def test_search_results_and_suggestions(client, link, language):
    results = page(client, "website:search", language=language, query="?q=Middlesbrough")
    assert '</span> <small class="machine-name"' in results and MARK[language] in results
    suggestions = page(client, "website:suggest", language=language, query="?q=Middlesbrough")
    assert MARK[language] in suggestions


def test_api_flags_machine_names_on_authorities_and_links(client, link):
    body = json.loads(client.get("/api/v1/authorities/middlesbrough").content)
    assert (body["name_ja"], body["name_ja_machine"]) == ("ミドルスブラフ", True)
    body = json.loads(client.get(f"/api/v1/links/{link.slug}").content)
    assert body["uk"]["name_ja_machine"] is True and body["jp"]["name_ja_machine"] is False
    body = json.loads(client.get("/api/v1/authorities/gateshead").content)
    assert body["name_ja_machine"] is False


def test_listing_appends_the_column(link):
    assert AUTHORITY_COLUMNS[-1] == "name_ja_machine"
    rows = {r["name"]: r for r in authority_rows(Authority.objects.filter(country="GB"))}
    assert rows["Middlesbrough"]["name_ja_machine"] is True
    assert rows["Gateshead"]["name_ja_machine"] is False
