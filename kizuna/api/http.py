"""HTTP for the API: CORS for reads, Cache-Control and Last-Modified from the registry's data
version. ETags and 304s come from Django's ConditionalGetMiddleware, compression (brotli,
gzip) from django-compression-middleware, both in settings.MIDDLEWARE."""

from django.http import HttpResponse
from django.utils.http import http_date

from kizuna.registry.models import DataVersion

PREFIX = "/api/"
MAX_AGE = 60


class APIHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":  # a CORS preflight
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
            changed = DataVersion.latest().changed
            if changed and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(changed.timestamp())
        return response
