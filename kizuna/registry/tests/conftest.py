"""Register files for the tests: the shipped UK register, and small upstream files written to
tmp_path. The tests read nothing outside the checkout.

The rows below are copied from the upstream files (facts, not prose): mySociety's UK Local
Authority Names and Codes, CC BY 4.0, "Contains data from mySociety's UK Local Authority Names
and Codes" (only the columns Kizuna reads; combined-authority cells emptied, as their rows are
not included); code4fukui's localgovjp-utf8.csv and prefjp-utf8.csv, CC0 (the catchphrase
column emptied).
"""

from pathlib import Path

import pytest

from ..importers import uk_register

UPSTREAM_UK = """\
local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,\
region,local-authority-type,county-la,combined-authority,alt-names,current-authority,BS-6879,\
pop-2020,lat,long
LIN,Lincolnshire County Council,Lincolnshire,E10000019,,,,England,Yorkshire and The Humber,CTY,,,\
"Lincolnshire,lincolnshire,lincolnshire county,lincolnshire county council",True,LIN,766333.0,\
52.9915292205,-0.4219714606
BOT,Boston Borough Council,Boston,E07000136,,,,England,East Midlands,NMD,LIN,,Boston,True,BOT,\
70837.0,52.974157743,-0.0223468411
CMA,Cumbria County Council,Cumbria,E10000006,,2023-04-01,"CBD,WAF",England,North West,CTY,,,\
"Cumbria,cumbria,cumbria county,cumbria county council",False,CMA,499781.0,54.5216267572,\
-3.0196525964
CBD,Cumberland Council,Cumberland,E06000063,2023-04-01,,,England,North West,UA,,,\
"Cumberland,cumberland",True,,274396.0,54.6986228039,-3.1432657523
WAF,Westmorland and Furness Council,Westmorland and Furness,E06000064,2023-04-01,,,England,\
North West,UA,,,"Westmorland and Furness Council,westmorland and furness Council",True,,225385.0,\
54.3440105013,-2.8947277204
ALL,Allerdale Borough Council,Allerdale,E07000026,,2023-04-01,CBD,England,North West,NMD,CMA,,\
Allerdale,False,ALL,97831.0,54.7110895294,-3.2472347297
NIR-A,Derry City Council,Derry,,,2015-03-31,,Northern Ireland,Northern Ireland,NID,,,Derry,\
False,NIR-A,,,
GAT,Gateshead Metropolitan Borough Council,Gateshead,E08000037,1974-04-01,,,England,North East,\
MD,,,"Gateshead,gateshead,gateshead district,gateshead metropolitan borough council",True,GAT,\
201950.0,54.9353685039,-1.6828872244
BST,Bristol City Council,City of Bristol,E06000023,2005-06-18,,,England,South West,UA,,,\
"City of Bristol,Bristol, City of,Bristol UA,bristol,bristol city council,bristol city of,\
bristol, city of,city of bristol",True,BST,465866.0,51.4527445331,-2.7708387056
"""

LOCALGOVJP = """\
\ufeffpid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode
1,北海道,1100,札幌市,さっぽろし,43.06208877,141.3543886,https://www.city.sapporo.jp/,,011002
1,北海道,1101,札幌市 中央区,さっぽろし ちゅうおうく,43.0553865,141.3409671,\
https://www.city.sapporo.jp/chuo/,,011011
1,北海道,1408,余市町,よいちちょう,43.19531756,140.7835239,https://www.town.yoichi.hokkaido.jp/,,\
014087
7,福島県,7546,双葉町,ふたばまち,36.921861,140.800626,https://www.town.fukushima-futaba.lg.jp/,,\
075469
10,群馬県,10344,榛東村,しんとうむら,36.438647,138.967118,https://www.vill.shinto.gunma.jp/,,103446
13,東京都,13101,千代田区,ちよだく,35.69388889,139.7536111,https://www.city.chiyoda.lg.jp/,,131016
13,東京都,13381,三宅村,みやけむら,34.07583333,139.4797222,https://www.vill.miyake.tokyo.jp/,,133817
22,静岡県,22130,浜松市,はままつし,34.71083333,137.7266667,https://www.city.hamamatsu.shizuoka.jp/,,\
221309
22,静岡県,22131,浜松市 中区,はままつし なかく,34.71111111,137.7266667,\
https://www.city.hamamatsu.shizuoka.jp/c-shinko/ward/nakaku/index.html,,221317
"""

PREFJP = """\
pid,pref,prefkana,prefshort,prefshortkana,pref_en,pref3code,url,lgcode,ISO3166-2,capital,lat,lng
1,北海道,ほっかいどう,北海道,ほっかいどう,Hokkaido,HKD,https://www.pref.hokkaido.lg.jp/,10006,\
JP-01,札幌市,43.063968,141.347899
7,福島県,ふくしまけん,福島,ふくしま,Fukushima,FKS,https://www.pref.fukushima.lg.jp/,70009,\
JP-07,福島市,37.750299,140.467521
10,群馬県,ぐんまけん,群馬,ぐんま,Gunma,GNM,https://www.pref.gunma.jp/,100005,JP-10,前橋市,\
36.391208,139.060156
13,東京都,とうきょうと,東京,とうきょう,Tokyo,TKY,https://www.metro.tokyo.lg.jp/,130001,JP-13,\
新宿区,35.689521,139.691704
22,静岡県,しずおかけん,静岡,しずおか,Shizuoka,SZO,https://www.pref.shizuoka.jp/,220001,JP-22,\
静岡市,34.976978,138.383054
"""


@pytest.fixture
def uk_register_file() -> Path:
    """The register the project ships."""
    return uk_register.DEFAULT_PATH


@pytest.fixture
def upstream_uk(tmp_path) -> Path:
    """A small mySociety register: a county and a district, a county split in two, a former
    district, a former NI council without a GSS code, and names with commas."""
    path = tmp_path / "uk_local_authorities_current.csv"
    path.write_text(UPSTREAM_UK, encoding="utf-8")
    return path


@pytest.fixture
def localgovjp_file(tmp_path) -> Path:
    """A small localgovjp file, with its prefectures file beside it."""
    folder = tmp_path / "localgovjp"
    folder.mkdir()
    (folder / "prefjp-utf8.csv").write_text(PREFJP, encoding="utf-8")
    path = folder / "localgovjp-utf8.csv"
    path.write_text(LOCALGOVJP, encoding="utf-8")
    return path
