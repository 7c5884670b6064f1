"""UK councils from ISO 3166-2:GB, bundled with pycountry: the fallback when no register file
is given. ISO lists counties, unitary authorities, metropolitan districts, London boroughs,
Scottish council areas, Welsh principal areas and NI districts; not shire districts or town
councils, which the curated data adds where a link needs them.
"""

import re

import pycountry
from django.utils.text import slugify

from ..models import AuthorityKind, Country
from .records import AuthorityRecord

SOURCE = {
    "url": "https://pypi.org/project/pycountry/",
    "title": "ISO 3166-2:GB subdivisions, as shipped by pycountry",
    "publisher": "pycountry",
}

KINDS = {
    "Two-tier county": AuthorityKind.COUNTY,
    "Unitary authority": AuthorityKind.UNITARY,
    "City corporation": AuthorityKind.UNITARY,
    "Metropolitan district": AuthorityKind.METROPOLITAN_DISTRICT,
    "London borough": AuthorityKind.LONDON_BOROUGH,
    "Council area": AuthorityKind.SCOTTISH_COUNCIL,
    "District": AuthorityKind.NI_DISTRICT,
}
NATIONS = {
    "GB-ENG": "England",
    "GB-SCT": "Scotland",
    "GB-WLS": "Wales",
    "GB-NIR": "Northern Ireland",
}
_WELSH = re.compile(
    r"\s*\[(?P<welsh>[^\]]+?)\s+GB-\w+\]$"
)  # "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
_INVERTED = re.compile(r"^(?P<rest>.+), (?P<head>City of|County|The)$")  # "Bristol, City of"


def load() -> list[AuthorityRecord]:
    records = []
    for sub in sorted(pycountry.subdivisions.get(country_code="GB"), key=lambda s: s.code):
        if sub.type not in KINDS:
            continue  # nations and provinces are not councils
        name, other_names = english_name(sub.name)
        nation = NATIONS.get(sub.parent_code, "")
        kind = KINDS[sub.type]
        if nation == "Wales":
            kind = AuthorityKind.WELSH_PRINCIPAL_AREA
        records.append(
            AuthorityRecord(
                country=Country.GB,
                kind=kind,
                iso_code=sub.code,
                slug=f"gb-{slugify(name)}",
                name_en=name,
                nation=nation,
                other_names=other_names,
            )
        )
    return records


def english_name(iso_name: str) -> tuple[str, list[str]]:
    """'Vale of Glamorgan, The [Bro Morgannwg GB-BMG]' → ('The Vale of Glamorgan',
    ['Bro Morgannwg'])."""
    other = []
    welsh = _WELSH.search(iso_name)
    if welsh:
        other.append(welsh["welsh"])
        iso_name = iso_name[: welsh.start()]
    inverted = _INVERTED.match(iso_name)
    if inverted:
        iso_name = f"{inverted['head']} {inverted['rest']}"
    return iso_name, other
