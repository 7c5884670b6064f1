"""schema.org descriptions of authorities and links, embedded as JSON-LD in their pages.

An authority is an AdministrativeArea; a link is an Event between two of them (schema.org has no
type for twinning), dated by its formation and citing its sources."""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString

from kizuna.registry.models import Authority, Link

WIKIDATA = "https://www.wikidata.org/wiki/"


def names(authority: Authority) -> list[dict]:
    values = [{"@value": authority.name_en, "@language": "en"}]
    if authority.name_ja:
        values.append({"@value": authority.name_ja, "@language": "ja"})
    return values


def place(authority: Authority, url: str) -> dict:
    data = {"@type": "AdministrativeArea", "@id": url, "name": names(authority), "url": url}
    if authority.code:
        data["identifier"] = authority.code
    if authority.position is not None:
        latitude, longitude = authority.position
        data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    if authority.wikidata_id:
        data["sameAs"] = WIKIDATA + authority.wikidata_id
    if authority.parent:
        data["containedInPlace"] = {"@type": "AdministrativeArea", "name": names(authority.parent)}
    return data


def link_event(link: Link, build_url) -> dict:
    data = {
        "@type": "Event",
        "name": str(link),
        "url": build_url(link),
        "description": link.story_en,
        "location": [
            place(link.uk_authority, build_url(link.uk_authority)),
            place(link.jp_authority, build_url(link.jp_authority)),
        ],
        "citation": [s.url for s in link.sources.all() if s.url],
    }
    if link.formed:
        data["startDate"] = link.formed_display
    if link.ended:
        data["endDate"] = link.ended_display
    return data


def script(data: dict) -> SafeString:
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))
