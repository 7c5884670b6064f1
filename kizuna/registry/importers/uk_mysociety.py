"""UK councils from mySociety's local authority register.

Usage: `kizuna import-registers --uk uk_local_authorities_current.csv`.
Upstream: https://github.com/mysociety/uk_local_authority_names_and_codes, file
data/uk_local_authorities_current.csv. Licence: CC BY 4.0, "Contains data from mySociety's UK
Local Authority Names and Codes". Rows with current-authority = True are loaded, keyed on the GSS
code; `county-la` (a register code) gives a district's county; `BS-6879` is the ISO 3166-2
suffix, which joins these rows to councils first loaded from the bundled ISO list.
`start-date` is not read: it is when the register began to list a council (2005 for many
councils formed in 1996), not when the council began.
"""

import re
from pathlib import Path

from django.utils.text import slugify

from ..models import AuthorityKind, Country
from .csvfile import parse_float, read_rows
from .errors import ImportDataError
from .records import AuthorityRecord

COLUMNS = {
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "start-date",
    "nation",
    "region",
    "local-authority-type",
    "county-la",
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
GSS = re.compile(r"^[ENSWK]\d{8}$")
POPULATION_YEAR = 2020  # the register's pop-2020 column
SOURCE = {
    "url": "https://github.com/mysociety/uk_local_authority_names_and_codes",
    "title": "UK Local Authority Names and Codes (CC BY 4.0)",
    "publisher": "mySociety",
}


def load(path: Path) -> list[AuthorityRecord]:
    path = Path(path)
    rows = [
        (line, row) for line, row in read_rows(path, COLUMNS) if row["current-authority"] == "True"
    ]
    gss_by_register_code = {row["local-authority-code"]: row["gss-code"] for _, row in rows}
    return [record(line, row, gss_by_register_code, path) for line, row in rows]


def record(line: int, row: dict, gss_by_register_code: dict, path: Path) -> AuthorityRecord:
    where = {"path": path, "line": line}
    gss = row["gss-code"]
    if not GSS.match(gss):
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
    county = row["county-la"]
    if county and county not in gss_by_register_code:
        raise ImportDataError(
            f"county {county!r} is not a current authority in the file", field="county-la", **where
        )
    population = parse_float(row["pop-2020"], low=0, high=10_000_000, field="pop-2020", **where)
    return AuthorityRecord(
        country=Country.GB,
        kind=kind,
        code=gss,
        slug=f"gb-{slugify(row['nice-name'])}",
        iso_code=iso_code(row["BS-6879"]),
        name_en=row["nice-name"],
        nation=row["nation"],
        region=row["region"],
        latitude=parse_float(row["lat"], low=49, high=61, field="lat", **where),
        longitude=parse_float(row["long"], low=-9, high=2, field="long", **where),
        population=int(population) if population is not None else None,
        population_year=POPULATION_YEAR if population is not None else None,
        other_names=[row["official-name"]] if row["official-name"] != row["nice-name"] else [],
        parent_code=gss_by_register_code[county] if county else None,
        source_line=line,
    )


def iso_code(bs6879: str) -> str | None:
    """ISO 3166-2 codes are three letters; the column's four-letter values (combined
    authorities, and three London boroughs in v1.6.1 that carry one by mistake) are not."""
    return f"GB-{bs6879}" if re.fullmatch(r"[A-Z]{3}", bs6879) else None
