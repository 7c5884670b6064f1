"""Search among many links: the authority searched for comes first, short kanji names (shorter
than a trigram) and a typo in one word of a long name included, and the links it finds are
those of the authorities it ranks first."""

import datetime as dt

import pytest

from kizuna.registry.changes import bulk_change
from kizuna.registry.models import Authority, Link, LinkType
from kizuna.registry.tests.factories import JPAuthorityFactory, UKAuthorityFactory
from kizuna.search.engine import search
from kizuna.search.results import found, rows

pytestmark = pytest.mark.django_db

JAPAN = [
    # Tokyo's name holds Kyoto's (東京都), Ichikawa's holds 市: namesakes that must not win.
    {"name_en": "Tokyo", "name_ja": "東京都", "kana": "トウキョウト", "kind": "prefecture"},
    {"name_en": "Ichikawa", "name_ja": "市川市", "kana": "イチカワシ", "kind": "city"},
    {"name_en": "Kyoto", "name_ja": "京都府", "kana": "キョウトフ", "kind": "prefecture"},
    {"name_en": "Kyoto", "name_ja": "京都市", "kana": "キョウトシ", "kind": "city"},
    {"name_en": "Yoichi", "name_ja": "余市町", "kana": "ヨイチチョウ", "kind": "town"},
    {"name_en": "Beppu", "name_ja": "別府市", "kana": "ベップシ", "kind": "city"},
]
BRITAIN = [
    "Kingston upon Thames",
    "Kingston upon Hull",
    "North Somerset",
    "Bath and North East Somerset",
    "St Helens",
    "St Ives Town Council (Cornwall)",
]
LINKS = 400


@pytest.fixture
def crowd():
    """The authorities above with 40 more UK councils, and 400 links among them: Tokyo's
    first (made first, they come first in any index), then the others' in turn."""
    with bulk_change():
        japan = [JPAuthorityFactory(**fields) for fields in JAPAN]
        britain = [UKAuthorityFactory(name_en=name) for name in BRITAIN]
        britain += UKAuthorityFactory.create_batch(40)
        tokyo = [(japan[0], uk, kind) for kind in LinkType.values for uk in britain]
        rest = [(jp, uk, kind) for kind in LinkType.values for uk in britain for jp in japan[1:]]
        Link.objects.bulk_create(
            Link(
                slug=f"crowd-{n}",
                uk_authority=uk,
                jp_authority=jp,
                type=kind,
                formed=dt.date(1990, 1, 1),
                story_en="Crowds of pupils.",
            )
            for n, (jp, uk, kind) in enumerate([*tokyo, *rest][:LINKS])
        )


def top(query: str) -> Authority:
    return Authority.objects.get(pk=search(query)["authority"][0].object_id)


@pytest.mark.parametrize(
    "query, name_en",
    [("余市", "Yoichi"), ("別府", "Beppu"), ("京都", "Kyoto"), ("市川", "Ichikawa")],
)
def test_short_kanji_names_find_their_authority_first(crowd, query, name_en):
    assert top(query).name_en == name_en


@pytest.mark.parametrize(
    "query, name_en",
    [
        ("Kingstn upon Hull", "Kingston upon Hull"),
        ("Bath and North East Somerest", "Bath and North East Somerset"),
        ("St Ivess", "St Ives Town Council (Cornwall)"),
        ("North Somerest", "North Somerset"),
        ("upon hull", "Kingston upon Hull"),
    ],
)
def test_a_typo_in_one_word_of_a_long_name(crowd, query, name_en):
    assert top(query).name_en == name_en


def test_links_come_through_the_authorities_ranked_first(crowd):
    answer = found("京都", limit=20)
    names = dict(Authority.objects.values_list("pk", "name_ja"))
    assert [names[pk] for pk in answer.authority_ids] == ["京都府", "京都市", "東京都"]
    sides = Link.objects.filter(pk__in=answer.link_ids).values_list("jp_authority", flat=True)
    assert len(answer.link_ids) == 20 and set(sides) == {answer.authority_ids[0]}
    assert answer.link_ids == sorted(answer.link_ids)  # one authority's links, in id order


def test_stories_fill_what_names_leave(crowd):
    assert len(search("pupils")["link"]) == 20
    assert "link" not in search("whisky")


def test_each_process_sees_a_bulk_change_at_once(crowd):
    assert "authority" not in search("Otaru")
    with bulk_change():
        JPAuthorityFactory(name_en="Otaru", name_ja="小樽市", kana="オタルシ", kind="city")
    assert top("小樽").name_en == "Otaru"


def test_rows_keep_the_ranking_and_skip_rows_deleted_since(crowd):
    answer = found("京都", limit=3)
    Link.objects.filter(pk=answer.link_ids[1]).delete()
    got = rows(answer, Authority.objects.all(), Link.objects.all())
    assert [authority.name_ja for authority in got["authorities"]] == ["京都府", "京都市", "東京都"]
    assert [link.pk for link in got["links"]] == answer.link_ids[::2]
