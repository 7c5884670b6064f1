"""`AuthorityRecord`: one authority as a register describes it, before it is saved."""

import datetime as dt
from dataclasses import dataclass, field

# Fields a register owns: a re-import overwrites these and leaves the rest (name_ja of a UK
# council, wikidata ids, editors' work) alone.
REGISTER_FIELDS = (
    "country",
    "kind",
    "code",
    "iso_code",
    "name_en",
    "name_ja",
    "kana",
    "romaji",
    "romaji_plain",
    "nation",
    "region",
    "latitude",
    "longitude",
    "population",
    "population_year",
    "website",
    "start_date",
    "end_date",
)


@dataclass
class AuthorityRecord:
    country: str
    kind: str
    name_en: str
    slug: str
    code: str | None = None
    iso_code: str | None = None
    name_ja: str = ""
    kana: str = ""
    romaji: str = ""
    romaji_plain: str = ""
    nation: str = ""
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    population_year: int | None = None
    website: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    other_names: list[str] = field(default_factory=list)
    parent_code: str | None = None  # code, ISO code or slug of the parent
    replaced_by_code: str | None = None  # code, ISO code or slug of the single successor
    source_line: int | None = None  # where it came from, for error messages

    def register_values(self) -> dict:
        """The register-owned values, leaving out what this register does not know."""
        values = {name: getattr(self, name) for name in REGISTER_FIELDS}
        return {k: v for k, v in values.items() if v not in (None, "")}
