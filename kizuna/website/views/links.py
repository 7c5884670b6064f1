from itertools import islice

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from kizuna.registry.filters import LinkFilterForm
from kizuna.registry.models import DataVersion, Exchange, Link
from kizuna.registry.queries import links_of

from ..caching import cached_page
from ..errors import BadRequest

PER_PAGE = 20


def filtered_links(request):
    form = LinkFilterForm(request.GET)
    if not form.is_valid():
        raise BadRequest(form.error_message())
    return form, form.links()


def page_number(request) -> int:
    value = request.GET.get("page", "1")
    if not value.isdigit() or int(value) < 1:
        raise BadRequest(f"page: {value!r} is not a page number")
    return int(value)


@cached_page
def directory(request):
    form, links = filtered_links(request)
    paginator = Paginator(links.prefetch_related("reasons"), PER_PAGE)
    number = page_number(request)
    if number > paginator.num_pages:
        raise BadRequest(f"page: there are only {paginator.num_pages} pages")
    page = paginator.page(number)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "count": paginator.count,
        "query_string": query.urlencode(),
    }
    template = (
        "website/includes/_link_results.html"
        if request.headers.get("HX-Request")
        else "website/directory.html"
    )
    return render(request, template, context)


@cached_page
def link_detail(request, slug):
    link = get_object_or_404(
        Link.objects.with_authorities()
        .with_agreements()
        .prefetch_related(
            "reasons",
            "sources",
            Prefetch("exchanges", Exchange.objects.order_by("date").prefetch_related("sources")),
        ),
        slug=slug,
    )
    return render(
        request,
        "website/link.html",
        {
            "link": link,
            "uk_area": area(link.uk_authority),
            "jp_area": area(link.jp_authority),
            "uk_neighbours": neighbours(link, "uk_authority"),
            "jp_neighbours": neighbours(link, "jp_authority"),
        },
    )


def area(authority):
    """The area a side belongs to, for 'other links in …': its parent, or itself."""
    return authority.parent or authority


def neighbours(link, side: str):
    """Up to ten other links of the side's area, oldest first."""
    others = (other for other in oldest_links_of(area(getattr(link, side))) if other.pk != link.pk)
    return list(islice(others, NEIGHBOURS))


NEIGHBOURS = 10


def oldest_links_of(area) -> list:
    """The area's oldest links (one more than a page shows, for the page of one of them), once
    per data version in the shared cache: every link of an area shows the same list, and finding
    it means ordering all the area's links (thousands, for a prefecture at 100,000 links). Their
    titles need only the two names; a narrow query is much cheaper to build."""

    def build():
        return list(
            Link.objects.select_related("uk_authority", "jp_authority")
            .only(*TITLE_FIELDS)
            .filter(links_of(area))
            .order_by("formed", "pk")[: NEIGHBOURS + 1]
        )

    return cache.get_or_set(f"oldest-links-of:{area.pk}:{DataVersion.current()}", build, 3600)


TITLE_FIELDS = (
    "slug",
    "formed",
    *(
        f"{side}__{field}"
        for side in ("uk_authority", "jp_authority")
        for field in ("name_en", "name_ja", "name_ja_machine")
    ),
)
