"""HTTP for the API: CORS for reads, Cache-Control and Last-Modified from the registry's data
version, and the shared versioned response cache (kizuna/core/response_cache.py). ETags and
304s come from Django's ConditionalGetMiddleware, compression (brotli, gzip) from
django-compression-middleware, both in settings.MIDDLEWARE."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import http_date

from kizuna.core import response_cache
from kizuna.registry.models import DataVersion

from .parameters import unknown_parameters

PREFIX = "/api/"
MAX_AGE = 60


class APIHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        version = DataVersion.latest()
        unknown = unknown_parameters(request.path, request.GET)
        head = request.method == "HEAD"
        if head:  # the routes answer GET; a HEAD is the same answer without its body
            request.method = "GET"
        if request.method == "OPTIONS":  # a CORS preflight
            response = HttpResponse(status=204)
        elif unknown:
            response = refuse(request, unknown)
        elif request.method == "GET" and settings.KIZUNA_PAGE_CACHE:
            response = self.cached(request, version.number)
        else:
            response = self.get_response(request)
        cors(response)
        if request.method == "GET" and response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
            if version.changed:
                response["Last-Modified"] = http_date(version.changed.timestamp())
        if head:
            request.method = "HEAD"
            response["Content-Length"] = str(len(response.content))  # the GET's length
            response.content = b""
        return response

    def cached(self, request, version: int) -> HttpResponse:
        return response_cache.cached(
            response_cache.key("api", version, request),
            lambda: self.get_response(request),
            # a cached answer still counts against the rate limit
            on_hit=lambda response: throttled(request) or response,
        )


def throttled(request) -> HttpResponse | None:
    from .api import TOO_MANY, api, problem

    for throttle in api.throttle or []:
        if not throttle.allow_request(request):
            response = problem(request, 429, TOO_MANY)
            response["Retry-After"] = str(int(throttle.wait() or 1) + 1)
            return response
    return None


def refuse(request, unknown: list[str]) -> HttpResponse:
    from .api import problem

    names = ", ".join(repr(name) for name in unknown)
    return problem(request, 400, f"unknown query parameter(s) {names}; see /api/v1/docs")


def cors(response) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
