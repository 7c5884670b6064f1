from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from kizuna.registry.models import Authority, Link

from ..caching import cached_page


@cached_page
def authority_detail(request, slug):
    authority = get_object_or_404(
        Authority.objects.select_related("parent", "replaced_by", "population_source"), slug=slug
    )
    own = Q(uk_authority=authority) | Q(jp_authority=authority)
    below = Q(uk_authority__parent=authority) | Q(jp_authority__parent=authority)
    links = Link.objects.with_authorities().order_by("formed")
    return render(
        request,
        "website/authority.html",
        {
            "authority": authority,
            "links": links.filter(own),
            "area_links": links.filter(below).exclude(own),
            "replaced": authority.replaced.all(),
        },
    )
