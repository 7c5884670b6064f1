"""Rules about links that the website, the API and the CLI share, each written once here.

- The links of an authority: those it holds, those it signed (a former council signed links its
  successor now holds: data/curated/README.md, "Reorganised councils"), and those of the
  authorities within it (a county's districts, a prefecture's municipalities).
- The prefecture of a link: its Japanese side when that is a prefecture, else that side's
  parent (every Japanese municipality's parent is its prefecture).

Each rule resolves the authority first and then filters links on ids, which the foreign-key
indexes answer, rather than joining authorities into the links query.
"""

from django.db.models import Case, F, Q, QuerySet, When

from .models import Agreement, Authority, AuthorityKind, Country


def authority_by_ref(ref: str) -> Authority | None:
    """The authority with this official code (E08000037, 172031), else this slug."""
    found = {a.code == ref: a for a in Authority.objects.filter(Q(code=ref) | Q(slug=ref))}
    return found.get(True) or found.get(False)


def side(authority: Authority) -> str:
    """The link field that holds an authority of this country."""
    return "uk_authority" if authority.country == Country.GB else "jp_authority"


def with_area(authority: Authority) -> QuerySet:
    """Ids of the authority and of the authorities within it."""
    return Authority.objects.filter(Q(pk=authority.pk) | Q(parent=authority.pk)).values("pk")


def signed_by(**signatory) -> Q:
    """Links whose agreements name a matching authority (`pk=…`, `name_en__icontains=…`);
    a subquery on the agreements, so a link never repeats."""
    signatories = {f"signatories__{lookup}": value for lookup, value in signatory.items()}
    return Q(pk__in=Agreement.objects.filter(**signatories).values("link"))


def own_links(authority: Authority) -> Q:
    """Links the authority holds or signed."""
    return Q(**{side(authority): authority.pk}) | signed_by(pk=authority.pk)


def area_links(authority: Authority) -> Q:
    """Links held by the authorities within it (combine with ~own_links for 'only those')."""
    within = Authority.objects.filter(parent=authority.pk).values("pk")
    return Q(**{f"{side(authority)}__in": within})


def links_of(authority: Authority) -> Q:
    """Links of the authority and of its area: the directory's and the API's `authority`
    filter, and a link page's 'other links in …'."""
    return Q(**{f"{side(authority)}__in": with_area(authority)}) | signed_by(pk=authority.pk)


def in_prefecture(prefecture: Authority) -> Q:
    """Links whose prefecture (see prefecture_of_link) is this one."""
    return Q(jp_authority__in=with_area(prefecture))


def prefecture_of_link(field: str) -> Case:
    """A field of the link's prefecture, for annotations (statistics, listings)."""
    return Case(
        When(jp_authority__kind=AuthorityKind.PREFECTURE, then=F(f"jp_authority__{field}")),
        default=F(f"jp_authority__parent__{field}"),
    )
