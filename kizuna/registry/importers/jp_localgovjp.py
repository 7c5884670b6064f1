"""Japanese municipalities from code4fukui's localgovjp CSV, an alternative to the bundled data.

Usage: `kizuna import-registers --jp localgovjp-utf8.csv`. Prefectures come from
`prefjp-utf8.csv` in the same folder when it is there (readings, ISO codes, office
coordinates); otherwise from the bundled data.

Upstream: https://github.com/code4fukui/localgovjp (files localgovjp-utf8.csv, prefjp-utf8.csv).
Licence: CC0. Columns used: pid, pref, city, citykana, lat, lng, url, lgcode; rows whose `city`
has a space are wards of designated cities (札幌市 中央区) and are skipped: Kizuna records
municipalities, not administrative wards.
"""

from pathlib import Path

from ..models import AuthorityKind
from . import jp_bundled
from .csvfile import parse_float, read_rows
from .errors import ImportDataError
from .japan import japanese_record, municipality_kind, prefecture_code, validate_code
from .records import AuthorityRecord

COLUMNS = {"pid", "pref", "city", "citykana", "lat", "lng", "url", "lgcode"}
SOURCE = {
    "url": "https://github.com/code4fukui/localgovjp",
    "title": "localgovjp: Japanese local governments (CC0)",
    "publisher": "Code for FUKUI",
}
PREFECTURE_COLUMNS = {"pid", "pref", "prefkana", "lgcode", "ISO3166-2", "lat", "lng", "url"}


def load(path: Path) -> list[AuthorityRecord]:
    path = Path(path)
    rows = list(read_rows(path, COLUMNS))
    designated = {row["city"].split(" ")[0] + row["pref"] for _, row in rows if " " in row["city"]}
    municipalities = [
        municipality(line, row, designated, path) for line, row in rows if " " not in row["city"]
    ]
    prefecture_file = path.with_name("prefjp-utf8.csv")
    prefectures = (
        load_prefectures(prefecture_file)
        if prefecture_file.exists()
        else [r for r in jp_bundled.load() if r.kind == AuthorityKind.PREFECTURE]
    )
    return prefectures + municipalities


def municipality(line: int, row: dict, designated: set[str], path: Path) -> AuthorityRecord:
    where = {"path": path, "line": line}
    code = validate_code(row["lgcode"].zfill(6), field="lgcode", **where)
    if not row["city"] or row["city"][-1] not in "市区町村":
        raise ImportDataError(f"{row['city']!r} is not a municipality name", field="city", **where)
    if not row["citykana"]:
        raise ImportDataError("the reading is empty", field="citykana", **where)
    return japanese_record(
        code=code,
        name_ja=row["city"],
        kana=row["citykana"],
        kind=municipality_kind(row["city"], row["city"] + row["pref"] in designated),
        latitude=parse_float(row["lat"], low=20, high=46, field="lat", **where),
        longitude=parse_float(row["lng"], low=122, high=154, field="lng", **where),
        website=row["url"],
        parent_code=prefecture_code(code[:2]),
        source_line=line,
    )


def load_prefectures(path: Path) -> list[AuthorityRecord]:
    records = []
    for line, row in read_rows(path, PREFECTURE_COLUMNS):
        where = {"path": path, "line": line}
        code = validate_code(row["lgcode"].zfill(6), field="lgcode", **where)
        records.append(
            japanese_record(
                code=code,
                name_ja=row["pref"],
                kana=row["prefkana"],
                kind=AuthorityKind.PREFECTURE,
                iso_code=row["ISO3166-2"],
                website=row["url"],
                source_line=line,
                latitude=parse_float(row["lat"], low=20, high=46, field="lat", **where),
                longitude=parse_float(row["lng"], low=122, high=154, field="lng", **where),
            )
        )
    return records
