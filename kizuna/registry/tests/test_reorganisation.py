"""The rule for reorganised councils (data/curated/README.md): the curated dataset keeps it, the
loader refuses a record that breaks it, and Japanese text arrives without folded spaces."""

import re

import pytest
from django.core.management import CommandError

from ..models import Agreement, Authority, Exchange, Link
from ..reorganisation import rule_problems
from .factories import JPAuthorityFactory, UKAuthorityFactory
from .test_import_links import SOURCE, dataset, import_links

pytestmark = pytest.mark.django_db

# Authorities that signed a link their successor now holds (five of them once declared and unused).
FORMER_SIGNATORIES = {
    "strathkelvin": "余市町",
    "alyn-and-deeside": "村田町",
    "buckley-town-council": "村田町",
    "bath-city-council": "別府市",
    "gillingham-borough-council": "横須賀市",
    "lothian-regional-council": "京都府",
}
JAPANESE_SPACE = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff、。「」・ー][ \t\n]+[\u3040-\u30ff\u3400-\u9fff、。「」・ー]"
)


def test_every_curated_link_keeps_the_rule(registry):
    links = Link.objects.with_authorities().with_agreements()
    assert {link.slug: rule_problems(link) for link in links if rule_problems(link)} == {}
    for link in links.filter(agreements__isnull=False).distinct():
        first = link.agreements.all()[0]
        assert (first.kind, first.date_display) == ("signed", link.formed_display), link.slug


def test_former_councils_sign_the_links_their_successors_hold(registry):
    for slug, partner in FORMER_SIGNATORIES.items():
        former = Authority.objects.get(slug=slug)
        link = Link.objects.get(agreements__signatories=former, jp_authority__name_ja=partner)
        assert link.status == "active", slug
        assert former not in (link.uk_authority, link.jp_authority), slug


def test_no_space_survives_between_japanese_characters(registry):
    texts = [
        *Link.objects.values_list("story_ja", flat=True),
        *Link.objects.values_list("formed_basis_ja", flat=True),
        *Link.objects.values_list("formed_note_ja", flat=True),
        *Exchange.objects.values_list("description_ja", flat=True),
        *Agreement.objects.values_list("note_ja", flat=True),
        *Authority.objects.filter(country="GB").values_list("name_ja", flat=True),
    ]
    assert [t for t in texts if JAPANESE_SPACE.search(t)] == []


# Small datasets: what the loader refuses -----------------------------------------------------

FORMER = f"""
authorities:
  - country: GB
    key: old-borough
    name: Old Borough Council
    kind: non_metropolitan_district
    end: 1998-03-31
    replaced_by: E06000035
    sources: {SOURCE}
"""


def link_with(uk="E06000035", formed="1982", agreements=""):
    return f"""
links:
  - uk: {uk}
    jp: '142018'
    type: friendship
    formed: '{formed}'
    confidence: high
    sources: {SOURCE}
    agreements: {agreements or "[]"}
"""


SIGNED_1982 = (
    f"{{kind: signed, date: '1982', signatories: [old-borough, '142018'], sources: {SOURCE}}}"
)
RENEWED_1998 = (
    f"{{kind: renewed, date: '1998', signatories: [E06000035, '142018'], sources: {SOURCE}}}"
)


@pytest.fixture
def authorities():
    return (
        UKAuthorityFactory(code="E06000035", name_en="Medway", kind="unitary"),
        JPAuthorityFactory(code="142018", name_en="Yokosuka", name_ja="横須賀市", kind="city"),
    )


def test_a_link_carried_on_by_a_successor_loads(tmp_path, authorities):
    path = dataset(tmp_path, a=FORMER + link_with(agreements=f"[{SIGNED_1982}, {RENEWED_1998}]"))
    import_links(str(path))
    link = Link.objects.get()
    assert [(a.kind, a.date_display) for a in link.agreements.all()] == [
        ("signed", "1982"),
        ("renewed", "1998"),
    ]
    assert link.agreements.first().signatories.filter(slug="old-borough").exists()


@pytest.mark.parametrize(
    "text, message",
    [
        (
            FORMER + link_with(uk="old-borough", agreements=f"[{SIGNED_1982}]"),
            r"Old Borough Council ended on 1998-03-31 \(replaced by Medway\): a current link is "
            r"held by the authority that carries it on",
        ),
        (
            FORMER + link_with(agreements=f"[{SIGNED_1982}]"),
            r"the latest agreement naming a United Kingdom party \(1982, signed\) does not name "
            r"Medway",
        ),
        (
            FORMER + link_with(agreements=f"[{RENEWED_1998}]"),
            r"the first agreement is the signing \(kind: signed\)",
        ),
        (
            FORMER + link_with(formed="1983", agreements=f"[{SIGNED_1982}, {RENEWED_1998}]"),
            r"formed \(1983\) is not the date of the first signing \(1982\)",
        ),
        (
            FORMER + link_with(),
            r"authority old-borough \(Old Borough Council\) is declared but no link or agreement "
            r"names it",
        ),
    ],
)
def test_a_record_breaking_the_rule_changes_nothing(tmp_path, authorities, text, message):
    path = dataset(tmp_path, a=text)
    with pytest.raises(CommandError, match=message) as error:
        import_links(str(path))
    assert "Nothing was imported." in str(error.value)
    assert not Link.objects.exists() and not Authority.objects.filter(slug="old-borough").exists()


def test_folded_japanese_text_loses_its_spaces(tmp_path, authorities):
    story = (
        "story_ja: >-\n      イースト・ダンバートン\n      シャイアと提携。 2019年に Kobe を訪問"
    )
    path = dataset(tmp_path, a=link_with().replace("agreements: []", story))
    import_links(str(path))
    assert (
        Link.objects.get().story_ja == "イースト・ダンバートンシャイアと提携。 2019年に Kobe を訪問"
    )
