"""Population of Japan's prefectures and municipalities, from the 2020 Population Census.

Usage: `kizuna import-registers` (bundled or `--jp` register) sets population, population_year
and population_source on every Japanese prefecture and municipality after loading the register;
`set_populations(path)` does the same from another file of this shape.

File: data/registers/jp-population-2020.csv, written by Kizuna from the census table. Lines
starting with `#` are comments (source, terms, processing) and are skipped. Columns:
`code` (six-digit local government code: JIS X 0402 with check digit, as Authority.code),
`population` (people; empty where the table gives no figure), `year` (the census year);
`name_ja` is there for readers and is not used. A designated city's figure is the city total;
Tokyo's 23 special wards each have their own.

Upstream: 総務省統計局 (Statistics Bureau of Japan), 令和2年国勢調査 人口等基本集計, 主要統計表
「都道府県・市区町村別の主な結果」 (major_results_2020.xlsx),
https://www.e-stat.go.jp/stat-search/file-download?statInfId=000032143614&fileKind=0, read from
the copy in https://github.com/NII-CPS-Center/tablelinker-lib (sample/datafiles/).
Licence: e-Stat terms of use, 政府標準利用規約（第2.0版）, compatible with CC BY 4.0; attribution
「令和2年国勢調査 人口等基本集計」（総務省統計局）を加工して作成.
"""

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.db import transaction

from ..models import Authority, Country, Source
from .errors import ImportDataError
from .japan import validate_code
from .registers import save_changed
from .summary import Summary

DATA_FILE = Path(settings.BASE_DIR) / "data" / "registers" / "jp-population-2020.csv"
COLUMNS = ("code", "population", "year")
SOURCE = {
    "url": "https://www.e-stat.go.jp/stat-search/file-download?statInfId=000032143614&fileKind=0",
    "title": (
        "令和2年国勢調査 人口等基本集計 主要統計表「都道府県・市区町村別の主な結果」"
        " (2020 Population Census: major results by prefecture and municipality)"
    ),
    "publisher": "総務省統計局 (Statistics Bureau of Japan)",
    "accessed": dt.date(2026, 12, 1),
}


class Figure(NamedTuple):
    """One row: (code, population, year), and the line it was read from."""

    code: str
    population: int | None
    year: int
    line: int


def read(path: Path | str | None = None) -> Iterator[Figure]:
    """Yield every row of the file (the shipped one by default), checked; the first bad one
    raises ImportDataError."""
    path = Path(path or DATA_FILE)
    header, rows = split_header(path)
    seen: dict[str, int] = {}
    for number, cells in rows:
        if len(cells) != len(header):
            raise ImportDataError(
                f"{len(cells)} cells, the header has {len(header)}", path=path, line=number
            )
        figure = parse(dict(zip(header, cells, strict=True)), path, number)
        if figure.code in seen:
            raise ImportDataError(
                f"code {figure.code} appears twice (first on line {seen[figure.code]})",
                path=path,
                line=number,
                field="code",
            )
        seen[figure.code] = number
        yield figure


def split_header(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header's columns, then (line number, cells) of each data line; comments and blank
    lines are skipped but still counted, so errors name the line an editor shows."""
    lines = [
        (number, [cell.strip() for cell in next(csv.reader([text]))])
        for number, text in enumerate(read_text(path).splitlines(), start=1)
        if text.strip() and not text.startswith("#")
    ]
    if not lines:
        raise ImportDataError("no header line", path=path)
    (header_line, header), rows = lines[0], lines[1:]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ImportDataError(
            f"missing column(s): {', '.join(missing)}", path=path, line=header_line
        )
    return header, rows


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ImportDataError(f"cannot read the file ({exc.strerror})", path=path) from None
    except UnicodeDecodeError as exc:
        raise ImportDataError(f"not valid UTF-8 text (byte {exc.start})", path=path) from None


def parse(row: dict[str, str], path: Path, line: int) -> Figure:
    where = {"path": path, "line": line}
    code = validate_code(row["code"], field="code", **where)
    population = whole_number(row["population"], field="population", **where)
    year = whole_number(row["year"], field="year", **where)
    if year is None or not 1920 <= year <= dt.date.today().year:
        raise ImportDataError(f"{row['year']!r} is not a census year", field="year", **where)
    return Figure(code, population, year, line)


def whole_number(value: str, **where) -> int | None:
    """An empty cell is None (no figure); anything else must be a whole number of 0 or more."""
    if not value:
        return None
    if not re.fullmatch(r"[+-]?\d+", value):
        raise ImportDataError(f"{value!r} is not a whole number", **where)
    if int(value) < 0:
        raise ImportDataError(f"{value} is negative", **where)
    return int(value)


def set_populations(path: Path | str | None = None) -> Summary:
    """Set every figure of the file on its authority, in one transaction: an unknown code or a
    bad row changes nothing. Rows without a figure leave the authority as it is."""
    path = Path(path or DATA_FILE)
    figures = list(read(path))
    summary = Summary("Japan population (2020 census)")
    with transaction.atomic():
        source, _ = Source.objects.get_or_create(url=SOURCE["url"], defaults=SOURCE)
        authorities = Authority.objects.filter(
            country=Country.JP, code__in=[f.code for f in figures]
        )
        by_code = {a.code: a for a in authorities}
        changed = []
        for figure in figures:
            authority = by_code.get(figure.code)
            if authority is None:
                raise ImportDataError(
                    f"{figure.code} is not a Japanese authority in the registry",
                    path=path,
                    line=figure.line,
                    field="code",
                )
            fields = set_population(authority, figure, source)
            summary.count("updated" if fields else "unchanged")
            if fields:
                changed.append((authority, fields))
        save_changed(changed)
    return summary


def set_population(authority: Authority, figure: Figure, source: Source) -> set[str]:
    """Set the figure on the authority (unsaved); the fields it changed."""
    if figure.population is None:
        return set()
    values = {
        "population": figure.population,
        "population_year": figure.year,
        "population_source_id": source.id,
    }
    changed = {k: v for k, v in values.items() if getattr(authority, k) != v}
    for key, value in changed.items():
        setattr(authority, key, value)
    return set(changed)
