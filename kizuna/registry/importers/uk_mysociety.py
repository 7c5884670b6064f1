"""UK councils from mySociety's local authority register, the upstream of Kizuna's own file.

Usage: `kizuna import-registers --uk uk_local_authorities_current.csv` loads a newer upstream
file directly; `kizuna write-uk-register --uk FILE` rewrites data/registers/uk-authorities.csv
from it (uk_register.py describes that file and the choices made in deriving it).
Upstream: https://github.com/mysociety/uk_local_authority_names_and_codes, file
data/uk_local_authorities_current.csv. Licence: CC BY 4.0, "Contains data from mySociety's UK
Local Authority Names and Codes". Every row is read, current and former (current-authority
False), keyed on the GSS code, or on the slug where a former council has none; `county-la` (a
register code) gives a district's county and `replaced-by` (comma-separated register codes) its
successors; `BS-6879` is the ISO 3166-2 suffix of current councils.
"""

import datetime as dt
import re
from pathlib import Path

from django.utils.text import slugify

from ..models import AuthorityKind
from .csvfile import parse_date, parse_float, read_rows
from .errors import ImportDataError
from .records import AuthorityRecord
from .uk_register import SOURCE, UkCouncil, check, to_records

__all__ = ["SOURCE", "load", "read"]

COLUMNS = {
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "start-date",
    "end-date",
    "replaced-by",
    "nation",
    "region",
    "local-authority-type",
    "county-la",
    "combined-authority",
    "alt-names",
    "current-authority",
    "BS-6879",
    "pop-2020",
    "lat",
    "long",
}
KINDS = {
    "CTY": AuthorityKind.COUNTY,
    "UA": AuthorityKind.UNITARY,
    "CC": AuthorityKind.UNITARY,
    "MD": AuthorityKind.METROPOLITAN_DISTRICT,
    "NMD": AuthorityKind.NON_METROPOLITAN_DISTRICT,
    "LBO": AuthorityKind.LONDON_BOROUGH,
    "SCO": AuthorityKind.SCOTTISH_COUNCIL,
    "WPA": AuthorityKind.WELSH_PRINCIPAL_AREA,
    "NID": AuthorityKind.NI_DISTRICT,
    "COMB": AuthorityKind.COMBINED_AUTHORITY,
    "SRA": AuthorityKind.STRATEGIC_AUTHORITY,
}
# The register file's columns (uk_register.COLUMNS) by their upstream names, for errors.
UPSTREAM_COLUMNS = {
    "register-code": "local-authority-code",
    "name": "nice-name",
    "slug": "nice-name",
    "iso-code": "BS-6879",
    "county": "county-la",
}
GSS = re.compile(r"^[ENSWK]\d{8}$")
POPULATION_YEAR = 2020  # the register's pop-2020 column


def load(path: Path) -> list[AuthorityRecord]:
    path = Path(path)
    return to_records(read(path), path)


def read(path: Path) -> list[UkCouncil]:
    """Every row of the upstream file as a register row, checked."""
    path = Path(path)
    rows = list(read_rows(path, COLUMNS))
    shared_names = {row["nice-name"] for _, row in rows}
    shared_names = {
        name for name in shared_names if sum(row["nice-name"] == name for _, row in rows) > 1
    }
    councils = [council(line, row, shared_names, path) for line, row in rows]
    check(councils, path, UPSTREAM_COLUMNS)
    return councils


def council(line: int, row: dict, shared_names: set[str], path: Path) -> UkCouncil:
    where = {"path": path, "line": line}
    current = row["current-authority"]
    if current not in ("True", "False"):
        raise ImportDataError(
            f"{current!r} is not True or False", field="current-authority", **where
        )
    gss = row["gss-code"]
    if (gss or current == "True") and not GSS.match(gss):
        raise ImportDataError(
            f"{gss!r} is not a GSS code (e.g. E06000022)", field="gss-code", **where
        )
    kind = KINDS.get(row["local-authority-type"])
    if kind is None:
        raise ImportDataError(
            f"unknown type {row['local-authority-type']!r}", field="local-authority-type", **where
        )
    if not row["nice-name"]:
        raise ImportDataError("the name is empty", field="nice-name", **where)
    population = parse_float(row["pop-2020"], low=0, high=10_000_000, field="pop-2020", **where)
    # Two rows share a nice-name when a county became a unitary of the same name (North
    # Yorkshire, Somerset): the former one takes its official name's slug.
    slug_name = row["nice-name"]
    if current == "False" and slug_name in shared_names:
        slug_name = row["official-name"]
    return UkCouncil(
        register_code=row["local-authority-code"],
        slug=f"gb-{slugify(slug_name)}",
        gss_code=gss,
        iso_code=iso_code(row["BS-6879"]) if current == "True" else "",
        name=row["nice-name"],
        official_name=row["official-name"],
        alt_names=alt_names(row),
        kind=kind.value,
        nation=row["nation"],
        region=row["region"],
        county=row["county-la"],
        combined_authority=row["combined-authority"],
        latitude=parse_float(row["lat"], low=49, high=61, field="lat", **where),
        longitude=parse_float(row["long"], low=-9, high=2, field="long", **where),
        population=int(population) if population is not None else None,
        population_year=POPULATION_YEAR if population is not None else None,
        listed_from=parse_date(row["start-date"], field="start-date", **where),
        end_date=last_day(parse_date(row["end-date"], field="end-date", **where)),
        replaced_by=[code.strip() for code in row["replaced-by"].split(",") if code.strip()],
        line=line,
    )


def iso_code(bs6879: str) -> str:
    """ISO 3166-2 codes are three letters; the column's four-letter values (combined
    authorities, and three London boroughs in v1.6.1 that carry one by mistake) are not."""
    return f"GB-{bs6879}" if re.fullmatch(r"[A-Z]{3}", bs6879) else ""


def last_day(end: dt.date | None) -> dt.date | None:
    """UK reorganisations take effect on 1 April; upstream records some as the last day
    (2019-03-31) and some as the successor's first (2023-04-01). Kizuna keeps the last day."""
    if end and (end.month, end.day) == (4, 1):
        return end - dt.timedelta(days=1)
    return end


def alt_names(row: dict) -> list[str]:
    """The alt-names worth showing: upstream's list also holds lower-case lookup variants and
    names with a comma split in two ("Bristol", " City of"); pieces that start with a space
    are joined back, and mis-encoded names (U+FFFD read as Latin-1) left out."""
    names: list[str] = []
    for piece in row["alt-names"].split(","):
        if piece.startswith(" ") and names:
            names[-1] = f"{names[-1]},{piece}"
        else:
            names.append(piece)
    known = {row["nice-name"], row["official-name"]}
    kept = []
    for name in (n.strip() for n in names):
        if name and name != name.lower() and name not in known and "ï¿½" not in name:
            kept.append(name)
            known.add(name)
    return kept
