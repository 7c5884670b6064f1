"""`kizuna links` and `kizuna authorities`: the column names are a public contract."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from kizuna.cli import main

from .factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db

LINK_CONTRACT = [
    "uk_code",
    "uk_name",
    "jp_code",
    "jp_name",
    "jp_name_ja",
    "type",
    "status",
    "formed",
]
AUTHORITY_CONTRACT = [
    "code",
    "name",
    "name_ja",
    "kana",
    "romaji",
    "kind",
    "parent_code",
    "lat",
    "lon",
    "population",
]


@pytest.fixture
def links():
    ishikawa = JPAuthorityFactory(
        kind="prefecture", code="170003", name_en="Ishikawa", name_ja="石川県"
    )
    komatsu = JPAuthorityFactory(
        kind="city",
        code="172031",
        name_en="Komatsu",
        name_ja="小松市",
        kana="こまつし",
        romaji="Komatsu",
        parent=ishikawa,
        latitude=36.4,
        longitude=136.4,
    )
    gateshead = UKAuthorityFactory(code="E08000037", name_en="Gateshead")
    edinburgh = UKAuthorityFactory(code="S12000036", name_en="City of Edinburgh", nation="Scotland")
    LinkFactory(
        uk_authority=gateshead,
        jp_authority=komatsu,
        formed=dt.date(1991, 8, 2),
        formed_precision="day",
    )
    LinkFactory(uk_authority=edinburgh, formed=dt.date(1997, 1, 1))


def command(name, *args) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_links_csv_columns_and_precision(links):
    rows = list(csv.DictReader(io.StringIO(command("links", "--format", "csv"))))
    assert list(rows[0])[: len(LINK_CONTRACT)] == LINK_CONTRACT
    assert [(r["uk_code"], r["jp_code"], r["jp_name_ja"], r["formed"]) for r in rows][0] == (
        "E08000037",
        "172031",
        "小松市",
        "1991-08-02",
    )
    assert rows[1]["formed"] == "1997"


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--nation", "scotland"], ["City of Edinburgh"]),
        (["--prefecture", "石川"], ["Gateshead"]),
        (["--prefecture", "Ishikawa"], ["Gateshead"]),
        (["--prefecture", "170003"], ["Gateshead"]),
    ],
)
def test_links_filters(links, args, expected):
    rows = json.loads(command("links", *args, "--format", "json"))
    assert [row["uk_name"] for row in rows] == expected


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--nation", "Narnia"],
            "nation: Select a valid choice: 'Narnia' is not one of England, Northern Ireland, "
            "Scotland, Wales",
        ),
        (["--prefecture", "Narnia"], "prefecture: unknown prefecture 'Narnia'.*Ishikawa 石川県"),
        (["--type", "cousin"], "type: .*'cousin' is not one of sister, friendship"),
    ],
)
def test_links_bad_filters(links, args, message):
    with pytest.raises(CommandError, match=message):
        command("links", *args)


def test_authorities_json_columns(links):
    rows = json.loads(command("authorities", "--country", "JP", "--format", "json"))
    komatsu = next(row for row in rows if row["code"] == "172031")
    assert list(komatsu)[: len(AUTHORITY_CONTRACT)] == AUTHORITY_CONTRACT
    assert (komatsu["name_ja"], komatsu["parent_code"], komatsu["lat"]) == (
        "小松市",
        "170003",
        36.4,
    )


def test_table_output_and_the_kizuna_command(links, capsys):
    main(["kizuna", "links", "--format", "table"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["uk_code", "uk_name", "jp_code"]
    assert "小松市" in lines[1]
