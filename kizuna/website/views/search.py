from django.shortcuts import render

from kizuna.registry.models import Authority, Link
from kizuna.search.engine import search

from ..caching import cached_page

MAX_QUERY = 100


def results(query: str, limit: int) -> dict:
    """Search hits with their registry rows, in ranked order (two queries, any hit count)."""
    hits = search(query[:MAX_QUERY], limit=limit)
    authorities = Authority.objects.select_related("parent").in_bulk(
        [h.object_id for h in hits.get("authority", [])]
    )
    links = Link.objects.with_authorities().in_bulk([h.object_id for h in hits.get("link", [])])
    return {
        "authorities": [
            authorities[h.object_id]
            for h in hits.get("authority", [])
            if h.object_id in authorities
        ],
        "links": [links[h.object_id] for h in hits.get("link", []) if h.object_id in links],
    }


@cached_page
def search_page(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, **(results(query, 30) if query else {})}
    return render(request, "website/search.html", context)


@cached_page
def suggest(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, **(results(query, 5) if query else {})}
    return render(request, "website/includes/_suggestions.html", context)
