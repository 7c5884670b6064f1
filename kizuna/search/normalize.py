"""One spelling for matching: what a person types and what we index meet here.

NFKC (full-width → half-width), lower case, macrons dropped (Kyōto → kyoto), katakana folded
to hiragana (ヨイチ → よいち), ヴ folded into バ行 (コヴェントリー → こべんとりー: both spellings
are used for loanwords), punctuation and spaces squeezed.
"""

import re
import unicodedata

from kizuna.core.romaji import plain, to_hiragana

_PUNCTUATION = re.compile(r"[\s\-‐–—・･'’.,()（）/]+")
_VU = re.compile("ゔ([ぁぃぇぉ]?)")
_VU_SYLLABLES = {"ぁ": "ば", "ぃ": "び", "ぇ": "べ", "ぉ": "ぼ", "": "ぶ"}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = to_hiragana(plain(text.lower()))
    text = _VU.sub(lambda m: _VU_SYLLABLES[m[1]], text)
    return _PUNCTUATION.sub(" ", text).strip()
