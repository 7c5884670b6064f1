"""Response shapes of the JSON API (documented in the OpenAPI schema) and the functions that
fill the small ones from registry rows. Links and authorities are served from the read model,
whose records are built in kizuna/readmodel/shapes.py and checked against LinkOut and
AuthorityOut by its tests."""

import datetime as dt

from ninja import Field, Schema

from kizuna.registry.models import Exchange, Reason, Source


class Problem(Schema):
    """An error, RFC 9457 style (application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str


class AuthorityRef(Schema):
    slug: str
    code: str | None
    name_en: str
    name_ja: str
    name_ja_machine: bool = Field(
        description="name_ja is a machine transliteration of the English name (e2k), shown as "
        "自動表記, not a name a Japanese source uses"
    )
    url: str


class AuthorityOut(AuthorityRef):
    id: int
    iso_code: str | None
    country: str
    kind: str
    kana: str
    romaji: str
    romaji_plain: str
    other_names: list[str]
    parent: AuthorityRef | None
    nation: str
    region: str
    latitude: float | None
    longitude: float | None
    population: int | None
    population_year: int | None
    website: str
    wikidata_id: str
    start_date: dt.date | None
    end_date: dt.date | None
    replaced_by: AuthorityRef | None


class AgreementOut(Schema):
    """A step in the history of a link's parties: signed, renewed, carried over or a further
    agreement, with the authorities that signed (or took the link on)."""

    kind: str
    date: str
    date_precision: str
    signatories: list[AuthorityRef]
    note_en: str
    note_ja: str
    sources: list[int]


class LinkOut(Schema):
    id: int
    slug: str
    url: str
    uk: AuthorityRef
    jp: AuthorityRef
    type: str
    status: str
    formed: str | None
    formed_precision: str
    formed_basis_en: str
    formed_basis_ja: str
    formed_note: str
    formed_note_ja: str
    ended: str | None
    clair_criteria: bool | None
    confidence: str
    reasons: list[str]
    story_en: str
    story_ja: str
    sources: list[int]
    agreements: list[AgreementOut]


class ExchangeOut(Schema):
    id: int
    link: str
    date: str
    date_precision: str
    kind: str
    direction: str
    participants: int | None
    description_en: str
    description_ja: str
    sources: list[int]


class SourceOut(Schema):
    id: int
    url: str
    title: str
    publisher: str
    accessed: dt.date | None


class ReasonOut(Schema):
    slug: str
    name_en: str
    name_ja: str


class StatRow(Schema):
    label: str
    count: int


class StatsOut(Schema):
    links: int
    authorities: int
    first_year: int | None
    devolved_government_links: int
    tables: dict[str, list[StatRow]]


class SearchOut(Schema):
    query: str
    authorities: list[AuthorityOut]
    links: list[LinkOut]


def page_of(item):
    """A cursor page of `item`: `next` is the URL of the following page, or null."""
    return type(
        f"{item.__name__}Page",
        (Schema,),
        {
            "__annotations__": {"items": list[item], "next": str | None},
        },
    )


def exchange_out(e: Exchange) -> dict:
    return {
        "id": e.pk,
        "link": e.link.slug,
        "date": e.date_display,
        "date_precision": e.date_precision,
        "kind": e.kind,
        "direction": e.direction,
        "participants": e.participants,
        "description_en": e.description_en,
        "description_ja": e.description_ja,
        "sources": [s.pk for s in e.sources.all()],
    }


def source_out(s: Source) -> dict:
    return {
        "id": s.pk,
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "accessed": s.accessed,
    }


def reason_out(r: Reason) -> dict:
    return {"slug": r.slug, "name_en": r.name_en, "name_ja": r.name_ja}
