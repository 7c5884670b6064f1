"""Whole-page caching for the public pages, in the shared versioned response cache
(kizuna/core/response_cache.py): the key adds the language and whether htmx asked for a
fragment."""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from kizuna.core import response_cache
from kizuna.registry.models import DataVersion


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
        key = response_cache.key("page", DataVersion.current(), request, get_language(), fragment)
        response = response_cache.cached(key, lambda: view(request, *args, **kwargs))
        patch_vary_headers(response, ["HX-Request", "Accept-Language", "Cookie"])
        patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper
