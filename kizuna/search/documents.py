"""Turning registry rows into search documents: every spelling a person may type."""

from collections import defaultdict

from kizuna.core.romaji import wapuro
from kizuna.registry.importers.japan import reading_stem
from kizuna.registry.models import Agreement, Authority, Country, Link

from .models import Document, Kind
from .normalize import normalize

_KIND_SUFFIXES = "市区町村都府県"


def authority_names(authority: Authority) -> list[str]:
    names = [authority.name_en, authority.name_ja, authority.romaji, *authority.other_names]
    if authority.country == Country.GB and "・" in authority.name_ja:
        # Katakana names, sourced or machine (自動表記), are typed with or without the dots.
        names.append(authority.name_ja.replace("・", ""))
    if authority.country == Country.JP and authority.kana:
        stem = reading_stem(authority.name_ja, authority.kana)
        names += [authority.kana, stem, wapuro(stem)]
        if authority.name_ja[-1:] in _KIND_SUFFIXES and len(authority.name_ja) > 2:
            names.append(authority.name_ja[:-1])  # 別府市 → 別府
    names = [normalize(name) for name in names if name]
    return list(dict.fromkeys(name for name in names if name))


def authority_document(authority: Authority, linked: bool) -> Document:
    names = authority_names(authority)
    return Document(
        kind=Kind.AUTHORITY,
        object_id=authority.pk,
        names=names,
        text=" | ".join([*names, normalize(authority.code or "")]),
        boost=2 if linked else 1 if authority.kind == "prefecture" else 0,
    )


def link_document(
    link: Link, uk_names: list[str], jp_names: list[str], signatory_names: list[str] = ()
) -> Document:
    """A link is found by its sides' names and by those of every authority that signed it
    (a former council, README "Reorganised councils")."""
    story = normalize(f"{link.story_en} {link.story_ja}")
    names = list(dict.fromkeys([*uk_names, *jp_names, *signatory_names]))
    return Document(
        kind=Kind.LINK,
        object_id=link.pk,
        names=names,
        text=" | ".join([*names, story]),
        boost=0,
    )


def signatories_by_link(links=None) -> dict[int, set[int]]:
    """{link id: ids of the authorities its agreements name}."""
    rows = Agreement.signatories.through.objects.all()
    if links is not None:
        rows = rows.filter(agreement__link__in=links)
    signed = defaultdict(set)
    for link_id, authority_id in rows.values_list("agreement__link_id", "authority_id"):
        signed[link_id].add(authority_id)
    return signed


def build_all() -> list[Document]:
    signed = signatories_by_link()
    linked = (
        set(Link.objects.values_list("uk_authority_id", flat=True))
        | set(Link.objects.values_list("jp_authority_id", flat=True))
        | set().union(*signed.values())
    )
    names = {}
    documents = []
    for authority in Authority.objects.iterator(chunk_size=2000):
        documents.append(authority_document(authority, authority.pk in linked))
        names[authority.pk] = documents[-1].names
    for link in Link.objects.only(
        "id", "uk_authority_id", "jp_authority_id", "story_en", "story_ja"
    ).iterator(chunk_size=2000):
        others = [n for a in signed.get(link.pk, ()) for n in names[a]]
        documents.append(
            link_document(link, names[link.uk_authority_id], names[link.jp_authority_id], others)
        )
    return documents
