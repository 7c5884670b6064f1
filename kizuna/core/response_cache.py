"""The versioned response cache the website and the API share.

A key holds the registry's data version, so one bump (kizuna/registry/changes.py) invalidates
every cached answer in every process and host at once; a shared Redis cache also shares the
answers. Only a 200's body and content type are kept: rebuilding a small HttpResponse is cheaper
than pickling a whole one. Every answer says `X-Cache: hit` or `miss`, so benchmarks can report
the hit rate a workload really gets.
"""

from collections.abc import Callable
from hashlib import blake2b

from django.core.cache import cache
from django.http import HttpResponse

TIMEOUT = 60 * 60  # a safety net: the version in the key already invalidates on change


def key(namespace: str, version: int, request, *parts: str) -> str:
    path = blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return ":".join((namespace, str(version), *parts, path))


def cached(key: str, compute: Callable[[], HttpResponse], on_hit=None) -> HttpResponse:
    """The stored answer for `key`, or `compute()`'s, stored when it is a 200.

    `on_hit(response)` may replace a hit (the API still counts it against the rate limit)."""
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Cache"] = "hit"
        return on_hit(response) if on_hit else response
    response = compute()
    if response.status_code == 200 and not response.streaming:
        if hasattr(response, "render"):
            response.render()
        cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
    response["X-Cache"] = "miss"
    return response
