"""Rows for the `kizuna links` and `kizuna authorities` listings.

The column names are a public contract: scripts depend on them. Add columns at the end; never
rename or remove one.
"""

from collections.abc import Iterator

from django.core.management.base import CommandError

from .filters import LinkFilterForm
from .models import Link
from .queries import prefecture_of_link

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


# Rows are read from the database this many at a time (with their prefetches), so an export
# of 100,000 links streams in bounded memory.
ROWS_PER_QUERY = 2000


def link_rows(links) -> Iterator[dict]:
    links = (
        links.with_authorities()
        .with_agreements()
        .prefetch_related("sources")
        .annotate(jp_prefecture=prefecture_of_link("name_en"))
    )
    for link in links.iterator(chunk_size=ROWS_PER_QUERY):
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
            "jp_prefecture": link.jp_prefecture or "",
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


def add_filter_arguments(parser) -> None:
    """The website's and the API's link filters as options, under the same names
    (`--nation`, `--prefecture`, `--uk-kind` for `uk_kind`, …)."""
    for name, field in LinkFilterForm.base_fields.items():
        choices = [str(value) for value, _ in getattr(field, "choices", ()) if value]
        known = f" ({field.help_text or ', '.join(choices)})" if field.help_text or choices else ""
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=f"{field.label}{known}")


def filtered_links(options: dict):
    """The links the filter options select, in the directory's order; a bad value is a
    CommandError naming it."""
    given = {name: options[name] for name in LinkFilterForm.base_fields if options.get(name)}
    form = LinkFilterForm(given)
    if not form.is_valid():
        raise CommandError(form.error_message())
    return form.links()
