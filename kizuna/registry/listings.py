"""Rows for the `kizuna links` and `kizuna authorities` listings.

The column names are a public contract: scripts depend on them. Add columns at the end; never
rename or remove one.
"""

from collections.abc import Iterator

from .models import Authority, Link

LINK_COLUMNS = (
    "uk_code",
    "uk_name",
    "jp_code",
    "jp_name",
    "jp_name_ja",
    "type",
    "status",
    "formed",
    "uk_nation",
    "jp_prefecture",
    "confidence",
    "sources",
    "agreements",
)
AUTHORITY_COLUMNS = (
    "code",
    "name",
    "name_ja",
    "kana",
    "romaji",
    "kind",
    "parent_code",
    "lat",
    "lon",
    "population",
    "country",
    "iso_code",
    "slug",
    "end_date",
    "name_ja_machine",
)


def link_rows(links) -> Iterator[dict]:
    links = (
        links.with_authorities()
        .select_related("jp_authority__parent", "uk_authority")
        .with_agreements()
        .prefetch_related("sources")
    )
    for link in links:
        uk, jp = link.uk_authority, link.jp_authority
        yield {
            "uk_code": uk.code or uk.slug,
            "uk_name": uk.name_en,
            "jp_code": jp.code or jp.slug,
            "jp_name": jp.name_en,
            "jp_name_ja": jp.name_ja,
            "type": link.type,
            "status": link.status,
            "formed": link.formed_display,
            "uk_nation": uk.nation,
            "jp_prefecture": prefecture_of(jp),
            "confidence": link.confidence,
            "sources": len(link.sources.all()),
            "agreements": agreements_summary(link),
        }


def agreements_summary(link: Link) -> str:
    """The history of the link's parties in one cell: '1988-10-12 signed: Strathkelvin District
    Council, Yoichi; 1997-11-11 renewed: East Dunbartonshire, Yoichi' ('' when none)."""
    return "; ".join(
        f"{a.date_display} {a.kind}: {', '.join(s.name_en for s in a.signatories.all())}"
        for a in link.agreements.all()
    )


def prefecture_of(authority: Authority) -> str:
    if authority.kind == "prefecture":
        return authority.name_en
    return authority.parent.name_en if authority.parent else ""


def authority_rows(authorities) -> Iterator[dict]:
    for authority in authorities.select_related("parent"):
        parent = authority.parent
        yield {
            "code": authority.code or "",
            "name": authority.name_en,
            "name_ja": authority.name_ja,
            "kana": authority.kana,
            "romaji": authority.romaji,
            "kind": authority.kind,
            "parent_code": (parent.code or parent.slug) if parent else "",
            "lat": authority.latitude,
            "lon": authority.longitude,
            "population": authority.population,
            "country": authority.country,
            "iso_code": authority.iso_code or "",
            "slug": authority.slug,
            "end_date": authority.end_date.isoformat() if authority.end_date else "",
            "name_ja_machine": authority.name_ja_machine,
        }


def filtered_links(nation: str | None = None, prefecture: str | None = None):
    links = Link.objects.all()
    if nation:
        links = links.in_nation(nation)
    if prefecture:
        links = links.in_prefecture(prefecture)
    return links.order_by("formed", "uk_authority__name_en", "jp_authority__name_en")
