"""A council that was abolished is still found on every page: search, its own page, the
directory filter; the link page tells the history of its parties in both languages; a text
with no Japanese version is shown in English and says so."""

import pytest

from kizuna.registry.tests.factories import LinkFactory

pytestmark = pytest.mark.django_db

YOICHI = "/links/east-dunbartonshire-yoichi/"


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_former_council_leads_to_the_link_its_successor_holds(client, registry):
    assert YOICHI in page(client, "/search/?q=Strathkelvin")
    assert YOICHI in page(client, "/authorities/strathkelvin/")
    assert YOICHI in page(client, "/links/?authority=strathkelvin")
    assert YOICHI in page(client, "/links/?q=Strathkelvin")


def test_the_link_page_tells_the_history_of_its_parties(client, registry):
    english = page(client, YOICHI)
    assert "History of the parties" in english
    assert "1988-10-12</time> · <strong>signed</strong>" in english
    assert "1997-11-11</time> · <strong>re-signed</strong>" in english
    assert "Strathkelvin District Council" in english
    japanese = page(client, "/ja" + YOICHI)
    assert "提携当事者の経緯" in japanese
    assert "<strong>調印</strong>" in japanese and "<strong>再調印</strong>" in japanese
    assert "（英語のみ）" not in japanese  # the curated basis and note have Japanese text


def test_english_only_text_is_marked_on_japanese_pages(client, django_capture_on_commit_callbacks):
    link = LinkFactory(formed_basis_en="Signed in the town hall", formed_note="Sources differ.")
    japanese = page(client, f"/ja/links/{link.slug}/")
    assert (
        '<span lang="en">Signed in the town hall</span> <small class="lang-tag">（英語のみ）'
        in (japanese)
    )
    assert '<span lang="en">Sources differ.</span>' in japanese
    with django_capture_on_commit_callbacks(execute=True):
        link.formed_note_ja = "出典により異なる。"
        link.save()
    assert '<span lang="ja">出典により異なる。</span>' in page(client, f"/ja/links/{link.slug}/")
