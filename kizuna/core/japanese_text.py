"""Japanese prose as it is stored: no space between two Japanese characters.

YAML folds a long scalar's line breaks into spaces, which is right for English and wrong for
Japanese, where a space splits a word (「ダンバートン シャイア」). Spaces between Latin words or
between Japanese and Latin text are kept.
"""

import re

# Kana, CJK ideographs, CJK and full-width punctuation (、。「」・ー and full-width forms).
_JAPANESE = r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]"
_SPACE_BETWEEN = re.compile(rf"(?<={_JAPANESE})[ \t\r\n]+(?={_JAPANESE})")


def close_japanese_spaces(text: str) -> str:
    """'イースト・ダンバートン シャイア' → 'イースト・ダンバートンシャイア'."""
    return _SPACE_BETWEEN.sub("", text)
