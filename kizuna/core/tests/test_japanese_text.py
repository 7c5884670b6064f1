import pytest

from kizuna.core.japanese_text import close_japanese_spaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("イースト・ダンバートン シャイア", "イースト・ダンバートンシャイア"),
        ("フィリップ・ ジェリーマン", "フィリップ・ジェリーマン"),
        ("提携した。\n  その後", "提携した。その後"),
        ("1988年に Strathkelvin と提携", "1988年に Strathkelvin と提携"),
        ("Nikka Whisky founder", "Nikka Whisky founder"),
        ("ＪＥＴ プログラム", "ＪＥＴプログラム"),
    ],
)
def test_spaces_between_japanese_characters_close(text, expected):
    assert close_japanese_spaces(text) == expected
