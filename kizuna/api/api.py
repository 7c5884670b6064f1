"""Kizuna's JSON API (/api/v1/): django-ninja, OpenAPI at /api/v1/openapi.json, docs at
/api/v1/docs served from django-ninja's own static files. Every error is a problem+json body;
anonymous clients are rate-limited through the shared cache (429 with Retry-After)."""

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer
from ninja.throttling import AnonRateThrottle

from .routers import authorities, exchanges, links, reasons, search, sources, stats


class KizunaAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Document error bodies as application/problem+json, which is what they are."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if str(status).startswith(("4", "5")) and "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
        return schema


class UTF8JSONRenderer(JSONRenderer):
    """Japanese names as UTF-8 text (charset=utf-8), not \\uXXXX escapes twice their size."""

    json_dumps_params = {"ensure_ascii": False}


api = KizunaAPI(
    title="Kizuna API",
    version="1",
    description="UK–Japan local authority links: authorities, links, exchanges, sources, "
    "reasons, statistics and search. Read-only; CC BY 4.0 data.",
    urls_namespace="api",
    renderer=UTF8JSONRenderer(),
    throttle=[AnonRateThrottle(settings.KIZUNA_API_RATE)] if settings.KIZUNA_API_RATE else [],
)

for module in (authorities, links, exchanges, sources, reasons, stats, search):
    api.add_router(f"/{module.__name__.rsplit('.', 1)[-1]}", module.router)

TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    429: "Too many requests",
    500: "Server error",
}


TOO_MANY = (
    "Too many requests from this address; retry after the number of seconds in the "
    "Retry-After header."
)


def problem(request, status: int, detail: str):
    response = api.create_response(
        request,
        {
            "type": "about:blank",
            "title": TITLES.get(status, "Error"),
            "status": status,
            "detail": detail,
        },
        status=status,
    )
    response["Content-Type"] = "application/problem+json"
    return response


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    return problem(request, 400, "; ".join(error_text(request, error) for error in exc.errors))


def error_text(request, error: dict) -> str:
    """The parameter, what it takes and, for a query parameter, the value given (django-ninja
    drops pydantic's input): nation: Input should be 'England', … or 'Wales' (got 'Narnia')."""
    name = ".".join(str(p) for p in error["loc"][1:])
    text = f"{name or 'request'}: {error['msg']}"
    if error["loc"][0] == "query" and name in request.GET:
        return f"{text} (got {request.GET[name]!r})"
    return text


@api.exception_handler(Throttled)
def throttled(request, exc: Throttled):
    return problem(request, 429, TOO_MANY)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return problem(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem(request, 404, str(exc) or "No such resource.")
