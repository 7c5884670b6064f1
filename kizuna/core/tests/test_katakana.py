"""Machine katakana (e2k, offline): council noise dropped, one word at a time, joined with ・."""

import pytest

from kizuna.core.katakana import SEPARATOR, clean_name, machine_katakana, words

KATAKANA = {
    "Middlesbrough": "ミドルスブラフ",
    "Coventry": "カバントリー",
    "Kingston upon Hull": "キングストン・アポン・フル",
    "Newcastle upon Tyne": "ニューキャスル・アポン・タイン",
    "Rhondda Cynon Taf": "ロンダ・シノン・タフ",
    "Na h-Eileanan Siar": "ナ・アイレアナン・シアー",
    "Stoke-on-Trent": "ストーク・オン・トレント",
    "Glasgow City": "グラスゴー",
}


@pytest.mark.parametrize(("name", "katakana"), KATAKANA.items())
def test_machine_katakana(name, katakana):
    # e2k's greedy decoding is deterministic: the same name always gives the same katakana.
    assert machine_katakana(name) == katakana


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("City of Edinburgh", "Edinburgh"),
        ("Bristol, City of", "Bristol"),
        ("Aberdeen City", "Aberdeen"),
        ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
        ("Coventry City Council", "Coventry"),
        ("Middlesbrough Council", "Middlesbrough"),
        ("Ceredigion [Sir Ceredigion]", "Ceredigion"),
        ("The Vale of Glamorgan", "Vale of Glamorgan"),
        ("County Durham", "County Durham"),
        ("Ynys Môn", "Ynys Mon"),
        ("St. Helens", "St Helens"),
        ("King's Lynn and West Norfolk", "Kings Lynn and West Norfolk"),
    ],
)
def test_council_noise_is_dropped(name, clean):
    assert clean_name(name) == clean


def test_words_split_on_hyphens_and_drop_single_letters():
    assert words("Na h-Eileanan Siar") == ["na", "eileanan", "siar"]
    assert words("Mid-Ulster") == ["mid", "ulster"]


def test_function_words_have_their_usual_katakana():
    assert machine_katakana("St. Helens").startswith("セント" + SEPARATOR)
    assert "・アンド・" in machine_katakana("Barking and Dagenham")
    assert "・オブ・" in machine_katakana("Isle of Wight")


def test_nothing_to_read_gives_nothing():
    assert machine_katakana("") == ""
    assert machine_katakana("[ ]") == ""


def test_only_katakana_and_separator():
    name = machine_katakana("Bournemouth, Christchurch and Poole")
    assert name and all("\u30a0" <= c <= "\u30ff" for c in name)
