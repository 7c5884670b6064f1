from django.shortcuts import get_object_or_404, render

from kizuna.registry.models import Authority, Link
from kizuna.registry.queries import area_links, own_links

from ..caching import cached_page

SHOWN = 50  # the rest are a click away in the directory


@cached_page
def authority_detail(request, slug):
    authority = get_object_or_404(
        Authority.objects.select_related("parent", "replaced_by", "population_source"), slug=slug
    )
    links = Link.objects.with_authorities().order_by("formed", "pk")
    own = links.filter(own_links(authority))
    area = links.filter(area_links(authority)).exclude(own_links(authority))
    context = {
        "authority": authority,
        "links": own[:SHOWN],
        "link_count": own.count(),
        "area_links": area[:SHOWN],
        "area_link_count": area.count(),
        "replaced": authority.replaced.order_by("name_en"),
        "directory_filter": directory_filter(authority),
    }
    return render(request, "website/authority.html", context)


def directory_filter(authority: Authority) -> str:
    """The directory's query string for this authority and its area."""
    return f"authority={authority.slug}"
