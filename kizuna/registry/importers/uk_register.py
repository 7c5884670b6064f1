"""UK councils from Kizuna's own register file, data/registers/uk-authorities.csv.

Usage: `kizuna import-registers` (no arguments) loads it, with no network. The file is derived
from mySociety's UK Local Authority Names and Codes by `kizuna write-uk-register --uk FILE`
(see uk_mysociety.py); it holds every row of the upstream file: 397 current councils and the 73
former ones it lists. Licence: CC BY 4.0, "Contains data from mySociety's UK Local Authority
Names and Codes". The licence and attribution travel in the file itself, as "#" comment lines
before the CSV header, which the reader skips (a CSV file has no other place for them, and a
copy of the file alone must still say whose data it is).

Columns (UTF-8, comma-separated, lists inside a cell separated by ";"):
  register-code       mySociety's stable local-authority-code (ABE, NIR-A, GMCA)
  slug                Kizuna's key; former councils without a GSS code are matched on it
  gss-code            the ONS code (E07000143); empty for the 25 NI councils abolished in 2015
  iso-code            GB- and the three-letter BS 6879 code; current councils only, because
                      ISO reassigns an abolished council's code (GB-BKM is now the unitary
                      Buckinghamshire, not the former county)
  name, official-name, alt-names   mySociety's nice-name, official-name and alternative names
                      (lower-case lookup variants, pieces of names split at their comma and
                      mis-encoded names are left out)
  kind                Kizuna's AuthorityKind value
  nation, region      as upstream (region is empty for some former councils)
  county              register code of the county council over a shire district
  combined-authority  register code of the combined authority it belongs to (not loaded)
  lat, long           centre of the area, WGS84
  population, population-year   mySociety's pop-2020
  listed-from         upstream start-date: when mySociety's register (or the one it grew from)
                      began to list the council, 2005 for many councils formed in 1974 or
                      1996; so it is not loaded as the council's start date
  end-date            the last day a former council existed. Upstream gives either that day
                      (2019-03-31) or the vesting day of its successor (2023-04-01), so an
                      upstream 1 April becomes 31 March
  replaced-by         register codes of the successors; a single one becomes the authority's
                      replaced_by. Several (a county split into two unitaries, such as Cumbria
                      into Cumberland and Westmorland and Furness) are left out of replaced_by,
                      which names one successor, and stay in this file.
"""

import csv
import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

from django.conf import settings

from ..models import Country
from ..models.authority import KINDS_BY_COUNTRY
from .csvfile import parse_date, parse_float, read_rows
from .errors import ImportDataError
from .records import AuthorityRecord

DEFAULT_PATH = Path(settings.BASE_DIR) / "data" / "registers" / "uk-authorities.csv"
SOURCE = {
    "url": "https://github.com/mysociety/uk_local_authority_names_and_codes",
    "title": "UK Local Authority Names and Codes (CC BY 4.0)",
    "publisher": "mySociety",
}
ATTRIBUTION = "Contains data from mySociety's UK Local Authority Names and Codes"
COLUMNS = [
    "register-code",
    "slug",
    "gss-code",
    "iso-code",
    "name",
    "official-name",
    "alt-names",
    "kind",
    "nation",
    "region",
    "county",
    "combined-authority",
    "lat",
    "long",
    "population",
    "population-year",
    "listed-from",
    "end-date",
    "replaced-by",
]
GSS = re.compile(r"^[ENSWK]\d{8}$")
SLUG = re.compile(r"^gb-[a-z0-9-]+$")
ISO = re.compile(r"^GB-[A-Z]{3}$")
KINDS = {kind.value for kind in KINDS_BY_COUNTRY[Country.GB]}


@dataclasses.dataclass
class UkCouncil:
    """One row of the register file, whichever file it was read from."""

    register_code: str
    slug: str
    name: str
    kind: str
    nation: str
    gss_code: str = ""
    iso_code: str = ""
    official_name: str = ""
    alt_names: list[str] = dataclasses.field(default_factory=list)
    region: str = ""
    county: str = ""
    combined_authority: str = ""
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    population_year: int | None = None
    listed_from: dt.date | None = None
    end_date: dt.date | None = None
    replaced_by: list[str] = dataclasses.field(default_factory=list)
    line: int | None = None  # where it came from, for error messages

    @property
    def key(self) -> str:
        """How the registry finds it: the GSS code, else the slug."""
        return self.gss_code or self.slug


def load(path: Path = DEFAULT_PATH) -> list[AuthorityRecord]:
    return to_records(read(path), path)


def read(path: Path = DEFAULT_PATH) -> list[UkCouncil]:
    """Read and check the file; an error names the file, line and column."""
    path = Path(path)
    councils = [
        council(line, row, path) for line, row in read_rows(path, set(COLUMNS), comments=True)
    ]
    check(councils, path)
    return councils


def council(line: int, row: dict, path: Path) -> UkCouncil:
    where = {"path": path, "line": line}
    for column, pattern, example in (
        ("slug", SLUG, "gb-boston"),
        ("gss-code", GSS, "E07000136"),
        ("iso-code", ISO, "GB-BOS"),
    ):
        if (row[column] or column == "slug") and not pattern.match(row[column]):
            raise ImportDataError(f"{row[column]!r} is not like {example}", field=column, **where)
    if row["kind"] not in KINDS:
        raise ImportDataError(f"unknown kind {row['kind']!r}", field="kind", **where)
    population = parse_float(row["population"], low=0, high=10_000_000, field="population", **where)
    year = parse_float(
        row["population-year"], low=1800, high=2100, field="population-year", **where
    )
    return UkCouncil(
        register_code=row["register-code"],
        slug=row["slug"],
        gss_code=row["gss-code"],
        iso_code=row["iso-code"],
        name=row["name"],
        official_name=row["official-name"],
        alt_names=split(row["alt-names"]),
        kind=row["kind"],
        nation=row["nation"],
        region=row["region"],
        county=row["county"],
        combined_authority=row["combined-authority"],
        latitude=parse_float(row["lat"], low=49, high=61, field="lat", **where),
        longitude=parse_float(row["long"], low=-9, high=2, field="long", **where),
        population=int(population) if population is not None else None,
        population_year=int(year) if year is not None else None,
        listed_from=parse_date(row["listed-from"], field="listed-from", **where),
        end_date=parse_date(row["end-date"], field="end-date", **where),
        replaced_by=split(row["replaced-by"]),
        line=line,
    )


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def check(councils: list[UkCouncil], path: Path, columns: dict[str, str] | None = None) -> None:
    """What a row cannot check alone: unique keys, and references to rows in the file.
    `columns` renames this file's columns to the checked file's, for the error messages."""
    columns = columns or {}
    codes = {c.register_code for c in councils}
    seen: dict[tuple[str, str], int | None] = {}
    for c in councils:
        for column, value, problem in problems(c, codes, seen):
            raise ImportDataError(
                f"{value!r} {problem}" if value else problem,
                path=path,
                line=c.line,
                field=columns.get(column, column),
            )


def problems(c: UkCouncil, codes: set[str], seen: dict):
    """(column, value, problem) for each thing wrong with the row, in column order."""
    for column, value in (("register-code", c.register_code), ("name", c.name)):
        if not value:
            yield column, "", "is empty"
    for column, value in (
        ("register-code", c.register_code),
        ("slug", c.slug),
        ("gss-code", c.gss_code),
        ("iso-code", c.iso_code),
    ):
        if value and (column, value) in seen:
            yield column, value, f"appears twice (first on line {seen[column, value]})"
        seen[column, value] = c.line
    for column, refs in (
        ("county", [c.county]),
        ("combined-authority", [c.combined_authority]),
        ("replaced-by", c.replaced_by),
    ):
        for ref in refs:
            if ref and ref not in codes:
                yield column, ref, "is not a register code in the file"


def to_records(councils: list[UkCouncil], path: Path | None = None) -> list[AuthorityRecord]:
    codes = {c.register_code: c for c in councils}
    return [
        AuthorityRecord(
            country=Country.GB,
            kind=c.kind,
            code=c.gss_code or None,
            slug=c.slug,
            iso_code=c.iso_code or None,
            name_en=c.name,
            nation=c.nation,
            region=c.region,
            latitude=c.latitude,
            longitude=c.longitude,
            population=c.population,
            population_year=c.population_year,
            end_date=c.end_date,
            other_names=[n for n in [c.official_name, *c.alt_names] if n and n != c.name],
            parent_code=codes[c.county].key if c.county else None,
            replaced_by_code=codes[c.replaced_by[0]].key if len(c.replaced_by) == 1 else None,
            source_line=c.line,
        )
        for c in councils
    ]


def write(councils: list[UkCouncil], path: Path, upstream: str) -> None:
    """Write the register file: the licence and attribution, then one row per council."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in councils:
        writer.writerow(row(c))
    header = HEADER.format(attribution=ATTRIBUTION, upstream=upstream, url=SOURCE["url"])
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(header + out.getvalue(), encoding="utf-8")


def row(c: UkCouncil) -> list[str]:
    def text(value) -> str:
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    return [
        text(v)
        for v in (
            c.register_code,
            c.slug,
            c.gss_code,
            c.iso_code,
            c.name,
            c.official_name,
            ";".join(c.alt_names),
            c.kind,
            c.nation,
            c.region,
            c.county,
            c.combined_authority,
            c.latitude,
            c.longitude,
            c.population,
            c.population_year,
            c.listed_from,
            c.end_date,
            ";".join(c.replaced_by),
        )
    ]


HEADER = """\
# UK local authorities, current and former: Kizuna's UK register.
# {attribution}.
# Licence: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/
# Upstream: {url}
# Derived from {upstream} by `kizuna write-uk-register`:
# columns selected and renamed, kinds mapped to Kizuna's, end dates made the last day
# (kizuna/registry/importers/uk_register.py explains each column). Do not edit by hand.
"""
