"""Machine katakana for English place names, for UK councils no Japanese source names.

`machine_katakana("Kingston upon Hull")` → "キングストン・アポン・フル". The rules, kept simple:

- Council noise goes: "City of X", "X, City of", "X City", "Royal/London/Metropolitan Borough
  of", "… Council", a leading "The", and a bracketed second name ("Ceredigion [Sir
  Ceredigion]"). "County Durham" keeps its "County": it is the name.
- Words are split on spaces and hyphens (Stoke-on-Trent); a one-letter piece is dropped (the
  Gaelic "h-" of "Na h-Eileanan Siar"); accents and apostrophes go (Môn → mon, King's → kings).
- A few English function words have their usual katakana (upon アポン, and アンド, of オブ…);
  every other word goes through e2k's character model, one word at a time, and the words are
  joined with ・ as Japanese writes foreign names.

e2k (https://pypi.org/project/e2k/, The Unlicense) is a small RNN that ships its weights in
the package and runs offline on numpy; greedy decoding makes it deterministic. Its output is a
guess (Hull → フル, where Japanese sources write ハル), so everything it makes is stored with
`Authority.name_ja_machine` set and shown as 自動表記.
"""

import re
import unicodedata
from functools import cache

SEPARATOR = "・"

# Function words e2k reads letter by letter (upon → ウポン): their usual katakana.
WORDS = {
    "and": "アンド",
    "of": "オブ",
    "on": "オン",
    "upon": "アポン",
    "the": "ザ",
    "with": "ウィズ",
    "st": "セント",
    "saint": "セント",
    "in": "イン",
    "by": "バイ",
}

_NOISE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\[.*?\]|\(.*?\)",  # a bracketed second name
        r",\s*(city|county|borough) of\s*$",  # "Bristol, City of"
        r"^(the\s+)?(city and county|city|royal borough|london borough|metropolitan borough"
        r"|borough|county borough|district) of\s+",
        r"\s+(city|county|borough|district|metropolitan borough)?\s*council$",
        r"\s+city$",  # "Glasgow City"
        r"^the\s+",
    )
]


def clean_name(name: str) -> str:
    """The place name without council noise, accents or punctuation other than spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).strip()
    for pattern in _NOISE:
        text = pattern.sub("", text).strip()
    text = re.sub(r"['’.]", "", text)
    return re.sub(r"[^A-Za-z\s-]+", " ", text).strip()


def words(name: str) -> list[str]:
    pieces = re.split(r"[\s-]+", clean_name(name).lower())
    return [piece for piece in pieces if len(piece) > 1]


@cache
def _model():
    from e2k import C2K  # imported late: loading the weights takes a moment

    return C2K()


@cache
def word_katakana(word: str) -> str:
    return WORDS.get(word) or _model()(word)


def machine_katakana(name: str) -> str:
    """Katakana for an English name, word by word; "" when nothing is left to read."""
    return SEPARATOR.join(word_katakana(word) for word in words(name))
