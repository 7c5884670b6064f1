from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from kizuna.registry.filters import LinkFilterForm
from kizuna.registry.models import Exchange, Link
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
    """Up to ten other links of the side's area, oldest first (their titles need only the two
    names; a narrow query is much cheaper to build than with_authorities())."""
    return list(
        Link.objects.select_related("uk_authority", "jp_authority")
        .only(*TITLE_FIELDS)
        .filter(links_of(area(getattr(link, side))))
        .exclude(pk=link.pk)
        .order_by("formed", "pk")[:10]
    )


TITLE_FIELDS = (
    "slug",
    "formed",
    *(
        f"{side}__{field}"
        for side in ("uk_authority", "jp_authority")
        for field in ("name_en", "name_ja", "name_ja_machine")
    ),
)
