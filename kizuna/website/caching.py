"""Whole-page caching for the public pages.

The key holds the registry's DataVersion, the language, the path with its query string and
whether htmx asked for a fragment; any data change bumps the version, so every process and host
sees fresh pages at once (a shared Redis cache also shares the cached pages themselves)."""

from functools import wraps
from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from kizuna.registry.models import DataVersion

TIMEOUT = 60 * 60  # a safety net: the version key already invalidates on change


def cached_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            not settings.KIZUNA_PAGE_CACHE
            or request.method != "GET"
            or (request.user.is_authenticated)
        ):
            return view(request, *args, **kwargs)
        fragment = "fragment" if request.headers.get("HX-Request") else "page"
        path = sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{DataVersion.current()}:{get_language()}:{fragment}:{path}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                if hasattr(response, "render"):
                    response.render()
                cache.set(key, response, TIMEOUT)
        patch_vary_headers(response, ["HX-Request", "Accept-Language", "Cookie"])
        patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper
