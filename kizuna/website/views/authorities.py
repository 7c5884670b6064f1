from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from kizuna.registry.filters import signed_by
from kizuna.registry.models import Authority, Link

from ..caching import cached_page

SHOWN = 50  # the rest are a click away in the directory


@cached_page
def authority_detail(request, slug):
    authority = get_object_or_404(
        Authority.objects.select_related("parent", "replaced_by", "population_source"), slug=slug
    )
    own = Q(uk_authority=authority) | Q(jp_authority=authority) | signed_by(pk=authority.pk)
    below = Q(uk_authority__parent=authority) | Q(jp_authority__parent=authority)
    links = Link.objects.with_authorities().order_by("formed", "pk")
    area_links = links.filter(below).exclude(own)
    context = {
        "authority": authority,
        "links": links.filter(own)[:SHOWN],
        "link_count": links.filter(own).count(),
        "area_links": area_links[:SHOWN],
        "area_link_count": area_links.count(),
        "replaced": authority.replaced.all(),
        "directory_filter": directory_filter(authority),
    }
    return render(request, "website/authority.html", context)


def directory_filter(authority: Authority) -> str:
    """The directory's query string for this authority and its area."""
    return f"authority={authority.slug}"
