"""The shape of a curated links file (data/curated/README.md), checked before anything is saved."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kizuna.core.dates import PartialDate
from kizuna.core.japanese_text import close_japanese_spaces

from ..models import (
    Agreement,
    AgreementKind,
    Authority,
    AuthorityKind,
    Direction,
    ExchangeKind,
    Link,
    LinkStatus,
    LinkType,
    Source,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def as_code(value: object) -> object:
    """YAML reads an unquoted 014087 as a number: give codes back as text, zero-padded."""
    return f"{value:06d}" if isinstance(value, int) else value


def as_partial(value: object) -> object:
    return None if value is None else PartialDate.parse(value)


def as_japanese(value: object) -> object:
    """YAML folding leaves spaces between Japanese characters; none survives import."""
    return close_japanese_spaces(value) if isinstance(value, str) else value


def limit(model, field: str) -> int:
    """The column's length, so a value SQLite would take and PostgreSQL refuse fails here."""
    return model._meta.get_field(field).max_length


class SourceIn(Strict):
    url: str = Field("", max_length=limit(Source, "url"))
    title: str = Field(min_length=1, max_length=limit(Source, "title"))
    publisher: str = Field("", max_length=limit(Source, "publisher"))
    accessed: dt.date | None = None

    @field_validator("url")
    @classmethod
    def web_address(cls, url: str) -> str:
        if url and not url.startswith(("http://", "https://")):
            raise ValueError("a source url starts with http:// or https://")
        return url


class AuthorityIn(Strict):
    country: Literal["GB", "JP"]
    code: str | None = None
    key: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")
    iso_code: str | None = None
    name: str | None = Field(None, max_length=limit(Authority, "name_en"))
    name_ja: str = Field("", max_length=limit(Authority, "name_ja"))
    kana: str = Field("", max_length=limit(Authority, "kana"))
    kind: AuthorityKind | None = None
    parent: str | None = None
    nation: str = ""
    region: str = ""
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    start: dt.date | None = None
    end: dt.date | None = None
    replaced_by: str | None = None
    other_names: list[str] = []
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")
    sources: list[SourceIn] = Field(min_length=1)

    _codes = field_validator("code", "parent", "replaced_by", mode="before")(as_code)
    _japanese = field_validator("name_ja", mode="after")(as_japanese)

    @model_validator(mode="after")
    def identified(self) -> "AuthorityIn":
        if not (self.code or self.key):
            raise ValueError("an authority needs a code or a key")
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self

    @property
    def ref(self) -> str:
        return self.code or self.key


class ExchangeIn(Strict):
    date: PartialDate
    kind: ExchangeKind
    direction: Direction = Direction.BOTH
    participants: int | None = Field(default=None, ge=1)
    description_en: str = Field(min_length=1)
    description_ja: str = ""
    sources: list[SourceIn] = Field(min_length=1)

    _date = field_validator("date", mode="before")(as_partial)
    _japanese = field_validator("description_ja", mode="after")(as_japanese)


class AgreementIn(Strict):
    """One step in the history of a link's parties (README, "Reorganised councils")."""

    kind: AgreementKind
    date: PartialDate
    signatories: list[str] = Field(min_length=1)
    note_en: str = Field("", max_length=limit(Agreement, "note_en"))
    note_ja: str = Field("", max_length=limit(Agreement, "note_ja"))
    sources: list[SourceIn] = Field(min_length=1)

    _date = field_validator("date", mode="before")(as_partial)
    _japanese = field_validator("note_ja", mode="after")(as_japanese)

    @field_validator("signatories", mode="before")
    @classmethod
    def codes(cls, value: object) -> object:
        return [as_code(v) for v in value] if isinstance(value, list) else value


class LinkIn(Strict):
    uk: str
    jp: str
    uk_name: str | None = None
    jp_name: str | None = None
    type: LinkType
    status: LinkStatus = LinkStatus.ACTIVE
    formed: PartialDate | None = None
    formed_basis: str = Field("", max_length=limit(Link, "formed_basis_en"))
    formed_basis_ja: str = Field("", max_length=limit(Link, "formed_basis_ja"))
    formed_note: str = ""
    formed_note_ja: str = ""
    ended: PartialDate | None = None
    clair_criteria: bool | None = None
    confidence: Literal["high", "medium", "low"]
    reasons: list[str] = []
    story_en: str = ""
    story_ja: str = ""
    wikidata_uk: str | None = Field(default=None, pattern=r"^Q\d+$")
    wikidata_jp: str | None = Field(default=None, pattern=r"^Q\d+$")
    sources: list[SourceIn] = Field(min_length=1)
    exchanges: list[ExchangeIn] = []
    agreements: list[AgreementIn] = []

    _codes = field_validator("uk", "jp", mode="before")(as_code)
    _dates = field_validator("formed", "ended", mode="before")(as_partial)
    _japanese = field_validator("formed_basis_ja", "formed_note_ja", "story_ja", mode="after")(
        as_japanese
    )

    @model_validator(mode="after")
    def consistent(self) -> "LinkIn":
        if self.ended and self.status != LinkStatus.ENDED:
            raise ValueError("an end date needs status: ended")
        if self.ended and self.formed and self.ended.date < self.formed.date:
            raise ValueError("ended is before formed")
        keys = [(e.date, e.kind) for e in self.exchanges]
        if len(keys) != len(set(keys)):
            raise ValueError("two exchanges share a date and kind")
        self.check_agreements()
        return self

    def check_agreements(self) -> None:
        """The first agreement is the signing, on the `formed` date; steps are in date order."""
        if not self.agreements:
            return
        first = self.agreements[0]
        if first.kind != AgreementKind.SIGNED:
            raise ValueError("the first agreement is the signing (kind: signed)")
        if first.date != self.formed:
            raise ValueError(
                f"formed ({self.formed.iso() if self.formed else 'empty'}) is not the date of "
                f"the first signing ({first.date.iso()})"
            )
        dates = [a.date.date for a in self.agreements]
        if dates != sorted(dates):
            raise ValueError("agreements are not in date order")
        keys = [(a.date, a.kind) for a in self.agreements]
        if len(keys) != len(set(keys)):
            raise ValueError("two agreements share a date and kind")

    @property
    def label(self) -> str:
        return f"{self.uk_name or self.uk} – {self.jp_name or self.jp}"


class CuratedFile(Strict):
    authorities: list[AuthorityIn] = []
    links: list[LinkIn] = []
