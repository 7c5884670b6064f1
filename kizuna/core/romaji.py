"""Kana to Hepburn romaji, in the three spellings people type.

jaconv (MIT) does the kana→romaji step ("きょうと" → "kyouto", the spelling of a Japanese
keyboard); we mend its one departure from Hepburn (っち → tch, not cch) and add the macrons of
modified Hepburn (Kyōto) and the plain English spelling (Kyoto). Long vowels are folded by rule
(ou, oo → ō; uu → ū), right for nearly all place names; an o+u across a word boundary
(こうら → Kōra for Koura) is the rule's known limit. pykakasi, the other well-kept converter,
is GPL-licensed, so it is not used.
"""

import jaconv

_MACRONS = (("ou", "ō"), ("oo", "ō"), ("uu", "ū"))
_PLAIN = str.maketrans("āīūēōĀĪŪĒŌ", "aiueoAIUEO")


def to_hiragana(kana: str) -> str:
    """Full-width hiragana from any kana (katakana, half-width)."""
    return jaconv.kata2hira(jaconv.h2z(kana))


def wapuro(kana: str) -> str:
    """Romaji as typed on a keyboard, long vowels spelt out: 'kyouto'."""
    return jaconv.kana2alphabet(to_hiragana(kana)).replace("cch", "tch")


def hepburn(kana: str) -> str:
    """Modified Hepburn with macrons, capitalised: 'Kyōto'."""
    text = wapuro(kana)
    for spelt_out, macron in _MACRONS:
        text = text.replace(spelt_out, macron)
    return text[:1].upper() + text[1:]


def plain(text: str) -> str:
    """Hepburn without macrons: 'Kyōto' → 'Kyoto'."""
    return text.translate(_PLAIN)
