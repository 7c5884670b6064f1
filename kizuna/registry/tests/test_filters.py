"""One set of link filters for the CLI, the website and the API: each scenario runs through
all three on the loaded registry and must select the same links; a bad value is refused by
each, naming the value and the choices."""

import io
import json
import re
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command

from kizuna.registry.filters import LinkFilterForm
from kizuna.registry.models import Reason

pytestmark = pytest.mark.django_db

SCENARIOS = [
    {"nation": "Scotland"},
    {"nation": "scotland", "sort": "name"},
    {"prefecture": "170003"},
    {"prefecture": "Ishikawa"},
    {"prefecture": "石川"},
    {"authority": "strathkelvin"},
    {"authority": "jp-170003"},
    {"type": "sister", "decade": "1990"},
    {"uk_kind": "devolved_government"},
    {"jp_region": "Chubu", "status": "active"},
]


def options(filters: dict) -> list[str]:
    return [
        arg for name, value in filters.items() for arg in (f"--{name.replace('_', '-')}", value)
    ]


def from_cli(filters: dict) -> list[tuple[str, str]]:
    out = io.StringIO()
    call_command("links", *options(filters), "--format", "json", stdout=out)
    return [(row["uk_name"], row["jp_name"]) for row in json.loads(out.getvalue())]


def from_api(client, filters: dict) -> list[tuple[str, str]]:
    page = client.get(f"/api/v1/links?{urlencode({**filters, 'limit': 500})}").json()
    return [(item["uk"]["name_en"], item["jp"]["name_en"]) for item in page["items"]]


def from_website(client, filters: dict) -> int:
    page = client.get(f"/links/?{urlencode(filters)}").content.decode()
    return int(re.search(r"(\d+) links?</h2>", page).group(1))


@pytest.mark.parametrize("filters", SCENARIOS, ids=lambda f: urlencode(f))
def test_cli_website_and_api_select_the_same_links(client, registry, filters):
    api_filters = {k: v for k, v in filters.items() if k != "sort"}
    if api_filters.get("nation") == "scotland":  # the API's enum takes the exact value
        api_filters["nation"] = "Scotland"
    pairs = from_cli(filters)
    assert pairs
    assert sorted(pairs) == sorted(from_api(client, api_filters))
    assert from_website(client, filters) == len(pairs)


def test_a_prefecture_by_name_selects_what_its_code_does(client, registry):
    by_code = from_cli({"prefecture": "170003"})
    for name in ("Ishikawa", "ishikawa", "石川", "石川県", "JP-17"):
        assert from_cli({"prefecture": name}) == by_code
        assert sorted(from_api(client, {"prefecture": name})) == sorted(by_code)
    page = client.get("/links/?prefecture=石川").content.decode()
    assert '<option value="170003" selected>' in page  # the select shows what was asked for


BAD = [
    ({"nation": "Narnia"}, ["'Narnia'", "England", "Wales"]),
    ({"type": "cousin"}, ["'cousin'", "sister", "informal"]),
    ({"decade": "1850"}, ["'1850'", "1980", "2020"]),
    ({"uk_kind": "duchy"}, ["'duchy'", "county", "town_council"]),
    ({"jp_region": "Atlantis"}, ["'Atlantis'", "Hokkaido", "Kyushu-Okinawa"]),
    ({"prefecture": "Narnia"}, ["'Narnia'", "Ishikawa"]),
    ({"authority": "atlantis"}, ["'atlantis'"]),
]


@pytest.mark.parametrize("filters, named", BAD, ids=lambda v: str(v))
def test_a_bad_value_is_refused_naming_it_and_the_choices(client, registry, filters, named):
    with pytest.raises(CommandError) as refused:
        from_cli(filters)
    api = client.get(f"/api/v1/links?{urlencode(filters)}")
    website = client.get(f"/links/?{urlencode(filters)}")
    assert api.status_code == website.status_code == 400
    for message in (str(refused.value), api.json()["detail"], website.content.decode()):
        message = message.replace("&#x27;", "'")
        field = next(iter(filters))
        assert f"{field}: " in message and all(text in message for text in named), message


def test_the_api_schema_lists_each_fixed_vocabulary(client):
    schema = client.get("/api/v1/openapi.json").json()
    route = schema["paths"]["/api/v1/links"]["get"]
    enums = {}
    for parameter in route["parameters"]:
        spec = parameter["schema"]
        ref = next((s["$ref"] for s in spec.get("anyOf", [spec]) if "$ref" in s), None)
        if ref:
            enums[parameter["name"]] = schema["components"]["schemas"][ref.split("/")[-1]]["enum"]
    assert enums == {
        "nation": ["England", "Northern Ireland", "Scotland", "Wales"],
        "uk_kind": enums["uk_kind"],
        "jp_region": [
            "Hokkaido",
            "Tohoku",
            "Kanto",
            "Chubu",
            "Kinki",
            "Chugoku",
            "Shikoku",
            "Kyushu-Okinawa",
        ],
        "type": ["sister", "friendship", "partnership", "informal"],
        "status": ["active", "dormant", "ended"],
        "decade": ["1980", "1990", "2000", "2010", "2020"],
    }
    assert "devolved_government" in enums["uk_kind"] and "city" not in enums["uk_kind"]


def test_export_takes_the_same_filters(registry, tmp_path):
    path = tmp_path / "ishikawa.json"
    call_command("export", "--format", "json", "--prefecture", "石川県", str(path))
    exported = [(row["uk_name"], row["jp_name"]) for row in json.loads(path.read_text())]
    assert exported == from_cli({"prefecture": "170003"})


def test_choices_from_the_data_follow_a_committed_change(db, django_capture_on_commit_callbacks):
    assert not LinkFilterForm({"reason": "hot-springs-test"}).is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        Reason.objects.create(slug="hot-springs-test", name_en="Hot springs", name_ja="温泉")
    assert LinkFilterForm({"reason": "hot-springs-test"}).is_valid()
