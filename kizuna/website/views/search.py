from django.shortcuts import render

from kizuna.registry.models import Authority, Link
from kizuna.search.results import found, rows

from ..caching import cached_page


def results(query: str, limit: int) -> dict:
    """Search hits with their registry rows, in ranked order (two queries, any hit count)."""
    if not query:
        return {}
    return rows(
        found(query, limit),
        Authority.objects.select_related("parent"),
        Link.objects.with_authorities(),
    )


@cached_page
def search_page(request):
    query = request.GET.get("q", "").strip()
    return render(request, "website/search.html", {"query": query, **results(query, 30)})


@cached_page
def suggest(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, **results(query, 5)}
    return render(request, "website/includes/_suggestions.html", context)
