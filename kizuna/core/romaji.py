"""Kana to Hepburn romaji, in the three spellings people type.

pykakasi does the kana→Hepburn step ("きょうと" → "kyouto", the spelling of a Japanese keyboard);
we add the macrons of modified Hepburn (Kyōto) and the plain English spelling (Kyoto). Long vowels
are folded by rule (ou, oo → ō; uu → ū), which is right for nearly all place names; a rare
o+u across a word boundary (e.g. こうら → Kōra for Koura) is the known limit of the rule.
"""

from functools import cache

import jaconv
import pykakasi

_MACRONS = (("ou", "ō"), ("oo", "ō"), ("uu", "ū"))
_PLAIN = str.maketrans("āīūēōĀĪŪĒŌ", "aiueoAIUEO")


@cache
def _kakasi() -> pykakasi.kakasi:
    return pykakasi.kakasi()


def to_hiragana(kana: str) -> str:
    """Full-width hiragana from any kana (katakana, half-width)."""
    return jaconv.kata2hira(jaconv.h2z(kana))


def wapuro(kana: str) -> str:
    """Romaji as typed on a keyboard, long vowels spelt out: 'kyouto'."""
    return "".join(part["hepburn"] for part in _kakasi().convert(to_hiragana(kana)))


def hepburn(kana: str) -> str:
    """Modified Hepburn with macrons, capitalised: 'Kyōto'."""
    text = wapuro(kana)
    for plain, macron in _MACRONS:
        text = text.replace(plain, macron)
    return text[:1].upper() + text[1:]


def plain(text: str) -> str:
    """Hepburn without macrons: 'Kyōto' → 'Kyoto'."""
    return text.translate(_PLAIN)
