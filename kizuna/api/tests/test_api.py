"""The JSON API: filters, detail routes, cursor pages, HTTP caching, CORS, errors, limits."""

import json

import pytest

from kizuna.registry.models import Link

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, json.loads(response.content) if response.content else None


def test_links_filters_match_the_directory(client, registry):
    _, scotland = get(client, "/api/v1/links?nation=Scotland&limit=500")
    assert {link["uk"]["name_en"] for link in scotland["items"]} >= {"East Dunbartonshire"}
    _, ishikawa = get(client, "/api/v1/links?prefecture=170003")
    assert {link["slug"] for link in ishikawa["items"]} == {"gateshead-komatsu", "boston-hakusan"}
    _, ishikawa_area = get(client, "/api/v1/links?authority=jp-170003")
    assert len(ishikawa_area["items"]) == 2
    _, nineties = get(client, "/api/v1/links?decade=1990&type=sister")
    assert all(item["formed"].startswith("199") for item in nineties["items"])


def test_cursor_pages_walk_every_row_once(client, registry):
    seen, url = [], "/api/v1/links?limit=7"
    while url:
        _, page = get(client, url)
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == Link.objects.count() > 30


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/api/v1/authorities/014087", "余市町"),
        ("/api/v1/authorities/jp-014087", "余市町"),
        ("/api/v1/links/gateshead-komatsu", "小松市"),
    ],
)
def test_detail_routes(client, registry, url, expected):
    response, body = get(client, url)
    assert response.status_code == 200 and expected in json.dumps(body, ensure_ascii=False)


def test_a_link_carries_the_history_of_its_parties(client, registry):
    _, link = get(client, "/api/v1/links/east-dunbartonshire-yoichi")
    history = [
        (a["kind"], a["date"], [s["slug"] for s in a["signatories"] if s["slug"] != "jp-014087"])
        for a in link["agreements"]
    ]
    assert history == [
        ("signed", "1988-10-12", ["strathkelvin"]),
        ("renewed", "1997-11-11", ["gb-east-dunbartonshire"]),
    ]
    assert all(a["sources"] for a in link["agreements"]) and link["formed"] == "1988-10-12"
    _, signed = get(client, "/api/v1/links?authority=strathkelvin")
    assert [item["slug"] for item in signed["items"]] == ["east-dunbartonshire-yoichi"]


def test_search_uses_the_website_engine(client, registry):
    _, body = get(client, "/api/v1/search?q=yoichii")
    assert body["authorities"][0]["name_ja"] == "余市町"


def test_stats_and_reasons(client, registry):
    _, stats = get(client, "/api/v1/stats")
    devolved = Link.objects.filter(uk_authority__kind="devolved_government").count()
    assert devolved and stats["devolved_government_links"] == devolved
    assert stats["links"] == Link.objects.count() - devolved and "decade" in stats["tables"]
    _, reasons = get(client, "/api/v1/reasons")
    assert {
        "slug": "historic-ties",
        "name_en": "Historic ties",
        "name_ja": "歴史的なつながり",
    } in reasons


@pytest.mark.parametrize(
    "url, status, detail",
    [
        ("/api/v1/links?nation=Narnia", 400, "nation: Input should be 'England'"),
        ("/api/v1/links?limit=0", 400, "limit: Input should be greater than or equal to 1"),
        ("/api/v1/authorities?limit=abc", 400, "limit: Input should be a valid integer"),
        ("/api/v1/links?cursor=%%%", 400, "is not a cursor"),
        ("/api/v1/links?authority=atlantis", 400, "no authority with code or slug 'atlantis'"),
        ("/api/v1/authorities?country=FR", 400, "country: Input should be 'GB' or 'JP'"),
        ("/api/v1/links/no-such-link", 404, "no link 'no-such-link'"),
        ("/api/v1/stats/weather", 404, "no table 'weather'"),
        ("/api/v1/search", 400, "q: Field required"),
        ("/api/v1/links?natoin=Scotland", 400, "unknown query parameter(s) 'natoin'"),
        ("/api/v1/links/medway-ito?format=xml", 400, "unknown query parameter(s) 'format'"),
    ],
)
def test_errors_are_problem_json(client, url, status, detail):
    response, body = get(client, url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == status and detail in body["detail"]


def test_etag_last_modified_and_304(client, registry):
    response = client.get("/api/v1/links/gateshead-komatsu")
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Last-Modified"]
    again = client.get("/api/v1/links/gateshead-komatsu", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_head_answers_as_get_without_a_body(client, registry):
    body = client.get("/api/v1/links/gateshead-komatsu").content
    for _ in ("miss", "hit"):
        response = client.head("/api/v1/links/gateshead-komatsu")
        assert response.status_code == 200 and response.content == b""
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Content-Length"] == str(len(body))
    assert client.head("/api/v1/links/nowhere").status_code == 404


def test_cors_and_compression(client, registry):
    response = client.get(
        "/api/v1/links?limit=20",
        HTTP_ORIGIN="https://council.test",
        HTTP_ACCEPT_ENCODING="br, gzip",
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Encoding"] == "br"
    preflight = client.options(
        "/api/v1/links",
        HTTP_ORIGIN="https://council.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("forged", [False, True])
def test_anonymous_rate_limit(client, settings, forged):
    from kizuna.api.api import api

    throttle = api.throttle[0]
    rate = throttle.rate
    throttle.rate = "3/m"
    throttle.num_requests, throttle.duration = throttle.parse_rate("3/m")
    # With no proxy of ours in front, a forged X-Forwarded-For must not make a new client.
    headers = [{"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"} for n in range(5)] if forged else [{}] * 5
    try:
        # The same URL each time: answers from the response cache are counted too.
        statuses = [client.get("/api/v1/reasons", **h).status_code for h in headers[:4]]
        limited = client.get("/api/v1/reasons", **headers[4])
    finally:
        throttle.rate = rate
        throttle.num_requests, throttle.duration = throttle.parse_rate(rate)
    assert statuses == [200, 200, 200, 429]
    assert int(limited["Retry-After"]) > 0
    assert json.loads(limited.content)["status"] == 429


def test_openapi_and_local_docs(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    assert {"/api/v1/links", "/api/v1/links/{slug}", "/api/v1/search"} <= set(schema["paths"])
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_cached_answers_follow_the_data(client, registry, django_capture_on_commit_callbacks):
    from kizuna.registry.models import DataVersion, Link

    first = client.get("/api/v1/links/gateshead-komatsu").json()
    link = Link.objects.get(slug="gateshead-komatsu")
    before = DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        link.story_en = "Rewritten."
        link.save()
        link.reasons.clear()
    assert DataVersion.current() == before + 1  # one committed change, one new version
    assert client.get("/api/v1/links/gateshead-komatsu").json()["story_en"] == "Rewritten."
    assert first["story_en"] != "Rewritten."


def test_japanese_is_sent_as_utf8_text(client, registry):
    response = client.get("/api/v1/authorities/014087")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "余市町".encode() in response.content and b"\\u" not in response.content
