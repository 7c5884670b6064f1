"""Census population of Japanese authorities: the shipped file, and setting it in the registry.

The shipped file (data/registers/jp-population-2020.csv) is checked against the bundled register
and against the census's own totals; the importer is checked on small files written here.
"""

import csv
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ..importers import jp_bundled, jp_population
from ..importers.errors import ImportDataError
from ..models import Authority, Source
from .factories import JPAuthorityFactory

# The 2020 census total for Japan (令和2年国勢調査, 全国).
NATIONAL_TOTAL = 126_146_099
FUTABA = "075469"  # 双葉町: the table gives "-", no figure


@pytest.fixture(scope="module")
def shipped():
    return {f.code: f for f in jp_population.read()}


@pytest.fixture(scope="module")
def bundled():
    return {r.code: r for r in jp_bundled.load()}


def test_shipped_file_covers_the_bundled_register(shipped, bundled):
    assert shipped.keys() == bundled.keys()
    assert len(shipped) == 1788
    assert {f.year for f in shipped.values()} == {2020}
    assert [c for c, f in shipped.items() if f.population is None] == [FUTABA]


def test_shipped_names_match_the_register(bundled):
    lines = jp_population.DATA_FILE.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    assert {row["code"]: row["name_ja"] for row in rows} == {
        code: record.name_ja for code, record in bundled.items()
    }


def test_totals_add_up(shipped):
    prefectures, municipalities = defaultdict(int), defaultdict(int)
    for code, figure in shipped.items():
        totals = prefectures if code[2:5] == "000" else municipalities
        totals[code[:2]] += figure.population or 0
    assert len(prefectures) == 47
    assert prefectures == municipalities  # each prefecture is the sum of its municipalities
    assert sum(prefectures.values()) == NATIONAL_TOTAL


@pytest.mark.parametrize(
    ("code", "population"),
    [
        ("014087", 18_000),  # 余市町
        ("172031", 106_216),  # 小松市
        ("442020", 115_321),  # 別府市
        ("011002", 1_973_395),  # 札幌市: the city total, not a ward
        ("131016", 66_680),  # 千代田区: a special ward of its own
        ("130001", 14_047_594),  # 東京都
    ],
)
def test_spot_checks(shipped, code, population):
    assert shipped[code].population == population


def write(tmp_path, *rows, header="code,name_ja,population,year"):
    path = tmp_path / "population.csv"
    path.write_text("\n".join(["# a comment", header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_sets_population_year_and_source_idempotently(tmp_path):
    yoichi = JPAuthorityFactory(code="014087")
    futaba = JPAuthorityFactory(code=FUTABA, population=5)
    path = write(tmp_path, "014087,余市町,18000,2020", f"{FUTABA},双葉町,,2020")

    first = jp_population.set_populations(path)
    yoichi.refresh_from_db()
    futaba.refresh_from_db()
    source = Source.objects.get(url=jp_population.SOURCE["url"])
    assert (yoichi.population, yoichi.population_year, yoichi.population_source) == (
        18000,
        2020,
        source,
    )
    assert source.publisher.startswith("総務省統計局")
    assert futaba.population == 5  # no figure in the file: left as it was
    assert (first.updated, first.unchanged) == (1, 1)
    again = jp_population.set_populations(path)
    assert (again.updated, again.unchanged) == (0, 2)


@pytest.mark.parametrize(
    ("row", "message", "field"),
    [
        ("999997,どこか,100,2020", "999997 is not a Japanese authority", "code"),
        ("014087,余市町,many,2020", "'many' is not a whole number", "population"),
        ("014087,余市町,-5,2020", "-5 is negative", "population"),
        ("014087,余市町,1.5,2020", "'1.5' is not a whole number", "population"),
        ("014088,余市町,100,2020", "wrong check digit", "code"),
        ("14087,余市町,100,2020", "not a 6-digit", "code"),
        ("014087,余市町,100,20", "not a census year", "year"),
        ("172031,小松市,1,2020", "appears twice", "code"),
    ],
)
@pytest.mark.django_db
def test_a_bad_row_names_file_line_and_field_and_changes_nothing(tmp_path, row, message, field):
    komatsu = JPAuthorityFactory(code="172031")
    JPAuthorityFactory(code="014087")
    path = write(tmp_path, "172031,小松市,106216,2020", row)

    with pytest.raises(ImportDataError) as caught:
        jp_population.set_populations(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (path, 4, field)
    assert message in str(error) and str(path) in str(error)
    komatsu.refresh_from_db()
    assert komatsu.population is None
    assert not Source.objects.filter(url=jp_population.SOURCE["url"]).exists()


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        ("code,name_ja,year", "014087,余市町,2020", "missing column(s): population"),
        ("code,name_ja,population,year", "014087,余市町,1,2020,x", "5 cells, the header has 4"),
    ],
)
def test_malformed_files(tmp_path, header, row, message):
    with pytest.raises(ImportDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(jp_population.read(write(tmp_path, row, header=header)))


@pytest.mark.django_db
def test_import_registers_sets_every_japanese_population(tmp_path):
    out = StringIO()
    call_command("import_registers", "--no-progress", stdout=out)
    assert "Japan population (2020 census): 1788 read, 0 created, 1787 updated" in out.getvalue()
    japan = Authority.objects.filter(country="JP")
    assert japan.count() == 1788
    assert list(japan.filter(population=None).values_list("code", flat=True)) == [FUTABA]
    assert japan.exclude(code=FUTABA).filter(population_year=2020).count() == 1787
    source = Source.objects.get(url=jp_population.SOURCE["url"])
    assert japan.exclude(code=FUTABA).filter(population_source=source).count() == 1787
    assert japan.get(code="014087").population == 18000


@pytest.mark.django_db
def test_import_registers_stops_on_a_bad_population_file(monkeypatch, tmp_path):
    monkeypatch.setattr(jp_population, "DATA_FILE", write(tmp_path, "014087,余市町,-1,2020"))
    with pytest.raises(CommandError, match="population.csv:3: field 'population': -1 is negative"):
        call_command("import_registers", "--no-progress", stdout=StringIO())
    assert not Authority.objects.exists()  # the registers' writes were rolled back too
