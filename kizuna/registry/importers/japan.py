"""What every Japanese register shares: codes, kinds and names in three scripts."""

import re

from kizuna.core.romaji import hepburn, plain, to_hiragana

from ..models import AuthorityKind, Country
from .errors import ImportDataError
from .records import AuthorityRecord

_WEIGHTS = (6, 5, 4, 3, 2)
# The kind suffix of a name and its possible readings (町 is まち or ちょう: the data decides).
_SUFFIXES = {
    "都": ("と",),
    "道": (),
    "府": ("ふ",),
    "県": ("けん",),
    "市": ("し",),
    "区": ("く",),
    "町": ("まち", "ちょう"),
    "村": ("むら", "そん"),
}
_KINDS = {
    "市": AuthorityKind.CITY,
    "区": AuthorityKind.SPECIAL_WARD,
    "町": AuthorityKind.TOWN,
    "村": AuthorityKind.VILLAGE,
}


def check_digit(code5: str) -> str:
    """The sixth digit of a local government code (JIS X 0402 check digit)."""
    total = sum(int(d) * w for d, w in zip(code5, _WEIGHTS, strict=True))
    return str((11 - total % 11) % 10)


def full_code(code5: str) -> str:
    return code5 + check_digit(code5)


def validate_code(code: str, **where) -> str:
    if not re.fullmatch(r"\d{6}", code):
        raise ImportDataError(f"{code!r} is not a 6-digit local government code", **where)
    if check_digit(code[:5]) != code[5]:
        raise ImportDataError(
            f"{code} has a wrong check digit (expected {check_digit(code[:5])})", **where
        )
    return code


def prefecture_code(number: int | str) -> str:
    return full_code(f"{int(number):02d}000")


def municipality_kind(name_ja: str, designated: bool = False) -> str:
    if designated:
        return AuthorityKind.DESIGNATED_CITY
    return _KINDS[name_ja[-1]]


def reading_stem(name_ja: str, kana: str) -> str:
    """The reading without the kind suffix: 京都府, きょうとふ → きょうと (hiragana)."""
    kana = to_hiragana(kana)
    for reading in _SUFFIXES.get(name_ja[-1:], ()):
        if kana.endswith(reading) and len(kana) > len(reading):
            return kana[: -len(reading)]
    return kana


def english_name(name_ja: str, kana: str) -> tuple[str, str]:
    """(romaji with macrons, plain English name) of a name without its kind suffix: 京都府,
    きょうとふ → ('Kyōto', 'Kyoto'); the kind is stored separately."""
    romaji = hepburn(reading_stem(name_ja, kana))
    return romaji, plain(romaji)


# The eight traditional regions (地方), by prefecture number: the grouping the directory and
# statistics filter on.
REGIONS = [
    (1, 1, "Hokkaido"),
    (2, 7, "Tohoku"),
    (8, 14, "Kanto"),
    (15, 23, "Chubu"),
    (24, 30, "Kinki"),
    (31, 35, "Chugoku"),
    (36, 39, "Shikoku"),
    (40, 47, "Kyushu-Okinawa"),
]


def region_of(code: str) -> str:
    number = int(code[:2])
    return next(name for low, high, name in REGIONS if low <= number <= high)


def japanese_record(*, code: str, name_ja: str, kana: str, kind: str, **extra) -> AuthorityRecord:
    romaji, name_en = english_name(name_ja, kana)
    slug = f"jp-{code}"
    return AuthorityRecord(
        country=Country.JP,
        kind=kind,
        code=code,
        slug=slug,
        name_en=name_en,
        name_ja=name_ja,
        kana=to_hiragana(kana),
        romaji=romaji,
        romaji_plain=name_en,
        region=region_of(code),
        **extra,
    )
