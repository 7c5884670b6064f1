"""Search over the real registers and curated links, on SQLite (FTS5) and PostgreSQL
(pg_trgm) alike: every spelling a visitor may type finds the place."""

import pytest

from kizuna.registry.models import Authority, Link
from kizuna.search.engine import search
from kizuna.search.normalize import normalize

pytestmark = pytest.mark.django_db


def top_authority(query: str) -> str:
    hits = search(query)["authority"]
    return Authority.objects.get(pk=hits[0].object_id).name_en


SPELLINGS = {
    "余市": "Yoichi",
    "よいち": "Yoichi",
    "ヨイチ": "Yoichi",
    "yoichii": "Yoichi",
    "Yoichi": "Yoichi",
    "Kyōto": "Kyoto",
    "Kyoto": "Kyoto",
    "Kyouto": "Kyoto",
    "別府": "Beppu",
    "Gatesead": "Gateshead",
    "gateshead": "Gateshead",
    "エディンバラ": "City of Edinburgh",
    "ＹＯＩＣＨＩ": "Yoichi",
    "東京": "Tokyo",
}


def test_every_spelling_finds_the_place(registry):
    # One test for all spellings: loading the registers once keeps the suite fast.
    assert {query: top_authority(query) for query in SPELLINGS} == SPELLINGS


def test_exact_name_ranks_first_and_links_are_grouped(registry):
    hits = search("Komatsu")
    assert hits["authority"][0].score == 100
    link = Link.objects.get(pk=hits["link"][0].object_id)
    assert link.jp_authority.name_en == "Komatsu"


def test_stories_are_searched(registry):
    hits = search("whisky")
    stories = Link.objects.filter(pk__in=[h.object_id for h in hits["link"]])
    assert "east-dunbartonshire-yoichi" in {link.slug for link in stories}


def test_nothing_for_nonsense_or_empty(registry):
    assert search("qqqxxzz") == {}
    assert search("   ") == {}


def test_edits_reach_the_index_when_they_commit(registry, django_capture_on_commit_callbacks):
    yoichi = Authority.objects.get(code="014087")
    with django_capture_on_commit_callbacks(execute=True):
        yoichi.other_names = ["Whisky Town"]
        yoichi.save()
        assert not search("Whisky Town")  # not yet committed
    assert top_authority("Whisky Town") == "Yoichi"
    with django_capture_on_commit_callbacks(execute=True):
        Link.objects.filter(jp_authority=yoichi).delete()
    assert "link" not in search("余市町")


def test_normalize():
    assert normalize("Kyōto") == "kyoto"
    assert normalize("ヨイチ") == "よいち"
    assert normalize("Ottery  St. Mary") == "ottery st mary"


KATAKANA_NAMES = {
    "ミドルズブラ": "Middlesbrough",  # machine name ミドルスブラフ (自動表記), found by similarity
    "ミドルスブラ": "Middlesbrough",
    "コヴェントリー": "Coventry",  # sourced コベントリー市; ヴェ and ベ are one spelling
    "コベントリー": "Coventry",
    "キングストンアポンハル": "Kingston upon Hull",  # typed without the ・
}


def test_katakana_names_of_uk_councils_sourced_or_machine(registry):
    assert {query: top_authority(query) for query in KATAKANA_NAMES} == KATAKANA_NAMES
    middlesbrough = Authority.objects.get(country="GB", name_en="Middlesbrough")
    coventry = Authority.objects.get(country="GB", name_en="Coventry")
    assert (middlesbrough.name_ja_machine, coventry.name_ja_machine) == (True, False)


def test_normalize_folds_vu_into_ba_row():
    assert normalize("コヴェントリー") == normalize("コベントリー") == "こべんとりー"
    assert normalize("ヴァイオリン・ヴィオラ") == "ばいおりん びおら"
