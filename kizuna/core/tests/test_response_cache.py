from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from kizuna.core import response_cache


def test_a_200_is_kept_per_version_and_says_hit_or_miss():
    request = RequestFactory().get("/links/?nation=Wales")
    calls = []

    def compute():
        calls.append(1)
        return HttpResponse("Wales", content_type="text/plain; charset=utf-8")

    first = response_cache.cached(response_cache.key("t", 1, request), compute)
    second = response_cache.cached(response_cache.key("t", 1, request), compute)
    bumped = response_cache.cached(response_cache.key("t", 2, request), compute)
    assert [first["X-Cache"], second["X-Cache"], bumped["X-Cache"]] == ["miss", "hit", "miss"]
    assert second.content == b"Wales" and second["Content-Type"] == "text/plain; charset=utf-8"
    assert len(calls) == 2


def test_errors_are_not_kept():
    request = RequestFactory().get("/links/nowhere/")
    key = response_cache.key("t", 1, request)
    assert response_cache.cached(key, HttpResponseNotFound)["X-Cache"] == "miss"
    assert response_cache.cached(key, HttpResponseNotFound)["X-Cache"] == "miss"
