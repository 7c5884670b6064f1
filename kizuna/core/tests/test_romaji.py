import pytest

from kizuna.core.romaji import hepburn, plain, to_hiragana, wapuro


@pytest.mark.parametrize(
    "kana, macrons, english, typed",
    [
        ("きょうと", "Kyōto", "Kyoto", "kyouto"),
        ("トウキョウ", "Tōkyō", "Tokyo", "toukyou"),
        ("おおさか", "Ōsaka", "Osaka", "oosaka"),
        ("よいち", "Yoichi", "Yoichi", "yoichi"),
        ("べっぷ", "Beppu", "Beppu", "beppu"),
        ("ｺﾏﾂ", "Komatsu", "Komatsu", "komatsu"),
        ("まっちゃ", "Matcha", "Matcha", "matcha"),
        ("きゅうしゅう", "Kyūshū", "Kyushu", "kyuushuu"),
    ],
)
def test_three_spellings(kana, macrons, english, typed):
    assert hepburn(kana) == macrons
    assert plain(hepburn(kana)) == english
    assert wapuro(kana) == typed


def test_to_hiragana():
    assert to_hiragana("ヨイチチョウ") == "よいちちょう"
