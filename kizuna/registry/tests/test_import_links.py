"""`kizuna import-links`: the real curated dataset, and bad files that change nothing."""

import textwrap
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ..models import Exchange, Link, Source
from .factories import JPAuthorityFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db

# The JLGC "Official Links" page (UK side, Japanese side), as the registry records them.
JLGC_OFFICIAL = [
    ("East Dunbartonshire", "余市町"),
    ("Flintshire", "村田町"),
    ("Sheffield", "川崎市"),
    ("Gateshead", "小松市"),
    ("Ottery St Mary Town Council", "小谷村"),
    ("Bath and North East Somerset", "別府市"),
    ("City of Edinburgh", "京都府"),
    ("Medway", "横須賀市"),
    ("Medway", "伊東市"),
    ("Derbyshire", "豊田市"),
    ("Portsmouth", "舞鶴市"),
    ("Boston", "白山市"),
]


def import_links(*args) -> str:
    out = StringIO()
    call_command("import_links", *args, stdout=out)
    return out.getvalue()


def test_curated_dataset_loads_on_the_bundled_registers(registry):
    for uk, jp in JLGC_OFFICIAL:
        assert Link.objects.filter(uk_authority__name_en=uk, jp_authority__name_ja=jp).exists(), (
            uk,
            jp,
        )
    assert not Link.objects.filter(sources__isnull=True).exists()
    assert not Exchange.objects.filter(sources__isnull=True).exists()
    assert Exchange.objects.filter(link__jp_authority__name_ja="小松市").exists()


def test_curated_dataset_rerun_changes_nothing(registry):
    links = Link.objects.count()
    output = import_links()
    assert f"links: {links} read, 0 created, 0 updated, {links} unchanged" in output
    assert ", 0 created, 0 updated," in output.splitlines()[0]


def test_a_merged_authority_reads_both_ways(registry):
    medway = Link.objects.get(uk_authority__name_en="Medway", jp_authority__name_ja="横須賀市")
    signed, renewed = medway.agreements.all()
    gillingham = signed.signatories.get(country="GB")
    assert (signed.date_display, renewed.date_display) == ("1982-04-08", "1998-08-26")
    assert gillingham.replaced_by == medway.uk_authority == renewed.signatories.get(country="GB")


# Small datasets written for the error paths -------------------------------------------------

SOURCE = "[{url: 'https://council.test/twinning', title: Twinning, publisher: Test}]"


def dataset(tmp_path, **files):
    (tmp_path / "links").mkdir()
    for name, text in files.items():
        (tmp_path / "links" / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


@pytest.fixture
def pair():
    return (
        UKAuthorityFactory(code="E07000136", name_en="Boston"),
        JPAuthorityFactory(code="172103", name_en="Hakusan", name_ja="白山市"),
    )


def link_yaml(uk="E07000136", jp="'172103'", formed="2002", extra=""):
    return f"""
      - uk: {uk}
        jp: {jp}
        uk_name: Boston
        type: sister
        formed: '{formed}'
        confidence: medium
        sources: {SOURCE}
        {extra}
    """


def test_small_dataset_loads(tmp_path, pair):
    path = dataset(tmp_path, a="links:" + link_yaml())
    assert "links: 1 read, 1 created" in import_links(str(path))
    link = Link.objects.get()
    assert (link.formed_display, link.sources.get().publisher) == ("2002", "Test")


@pytest.mark.parametrize(
    "links, message",
    [
        (
            link_yaml(uk="E07000163"),
            r"a.yaml: links\[0\] \(Boston – 172103\) uk: unknown authority "
            r"'E07000163' \(Boston\); nearest: Boston",
        ),
        (link_yaml(formed="2002-13"), r"a.yaml:6: field 'links.0.formed': .*not a real date"),
        (link_yaml(extra="reasons: [whisky]"), r"unknown reason\(s\) whisky; known: culture"),
        (link_yaml(extra="colour: red"), r"a.yaml:\d+: field 'links.0.colour': Extra inputs"),
        (link_yaml() + link_yaml(uk="E0700013X"), r"unknown authority 'E0700013X'"),
        (link_yaml(extra="ended: '2001'"), r"an end date needs status: ended"),
        # SQLite would store it; PostgreSQL would refuse it half-way: caught before either.
        (link_yaml(extra="formed_basis: " + "x" * 301), r"at most 300 characters"),
    ],
)
def test_bad_link_changes_nothing(tmp_path, pair, links, message):
    path = dataset(tmp_path, a="links:" + links)
    with pytest.raises(CommandError, match=message) as error:
        import_links(str(path))
    assert "Nothing was imported." in str(error.value)
    assert not Link.objects.exists() and not Source.objects.exists()


def test_wrong_name_for_a_code_is_caught(tmp_path, pair):
    path = dataset(
        tmp_path, a="links:" + link_yaml().replace("uk_name: Boston", "uk_name: Gateshead")
    )
    with pytest.raises(CommandError, match=r"E07000136 is Boston, not 'Gateshead'"):
        import_links(str(path))


def test_the_same_link_in_two_files_is_refused(tmp_path, pair):
    path = dataset(tmp_path, a="links:" + link_yaml(), b="links:" + link_yaml())
    with pytest.raises(CommandError, match=r"b.yaml: .*is already in a.yaml"):
        import_links(str(path))


def test_broken_yaml_names_its_line(tmp_path, pair):
    path = dataset(tmp_path, a="links:\n  - uk: [unclosed\n")
    with pytest.raises(CommandError, match=r"a.yaml:3: not valid YAML"):
        import_links(str(path))


def test_new_authority_needs_name_and_kind(tmp_path, pair):
    path = dataset(
        tmp_path,
        a=f"""
        authorities:
          - country: GB
            key: ottery-st-mary-town-council
            sources: {SOURCE}
    """,
    )
    with pytest.raises(CommandError, match="give its name and kind to add it"):
        import_links(str(path))
