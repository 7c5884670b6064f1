"""Turning registry rows into search documents: every spelling a person may type."""

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


def link_document(link: Link) -> Document:
    """A link's story. Its parties' names are not copied here: search reaches a link through
    the authorities it names (engine.links_of), so an authority's edit never touches its links."""
    return Document(
        kind=Kind.LINK, object_id=link.pk, text=normalize(f"{link.story_en} {link.story_ja}")
    )


def build_all() -> list[Document]:
    linked = (
        set(Link.objects.values_list("uk_authority_id", flat=True))
        | set(Link.objects.values_list("jp_authority_id", flat=True))
        | set(Agreement.signatories.through.objects.values_list("authority_id", flat=True))
    )
    documents = [
        authority_document(authority, authority.pk in linked)
        for authority in Authority.objects.iterator(chunk_size=2000)
    ]
    stories = Link.objects.only("id", "story_en", "story_ja").iterator(chunk_size=2000)
    return documents + [link_document(link) for link in stories]
