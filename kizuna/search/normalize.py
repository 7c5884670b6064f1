"""One spelling for matching: what a person types and what we index meet here.

NFKC (full-width → half-width), lower case, macrons dropped (Kyōto → kyoto), katakana folded
to hiragana (ヨイチ → よいち), punctuation and spaces squeezed.
"""

import re
import unicodedata

from kizuna.core.romaji import plain, to_hiragana

_PUNCTUATION = re.compile(r"[\s\-‐–—・･'’.,()（）/]+")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = to_hiragana(plain(text.lower()))
    return _PUNCTUATION.sub(" ", text).strip()
