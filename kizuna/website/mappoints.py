"""What the map page's maps draw: each authority on one side of the filtered links, once, at its
position (Authority.position) with its number of links, grouped by mapgrid; as JSON.

Both inputs are kept per data version in the shared cache, so moving a map costs a grid pass
and no query over the links: the authorities' positions (a few thousand rows, the same for every
filter) and, per filter, each authority's number of links (one GROUP BY over the links)."""

from collections import defaultdict
from dataclasses import dataclass
from hashlib import sha256

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext

from kizuna.core.response_cache import TIMEOUT
from kizuna.registry.models import Authority, Country, DataVersion

from .mapgrid import BBox, Cluster, Place, Point, group

SIDES = {"uk": "uk_authority", "jp": "jp_authority"}
COUNTRIES = {"uk": Country.GB, "jp": Country.JP}
LINKS_LISTED = 10  # a popup lists an authority's links up to this many; more go to a list
MAP_PARAMETERS = ("side", "bbox", "zoom")  # the rest of a points query string are filters


@dataclass(frozen=True)
class Drawn:
    """An authority as a map draws it: where, and enough to name it and lead to its page."""

    pk: int
    slug: str
    name_en: str
    name_ja: str
    name_ja_machine: bool
    lat: float
    lon: float


def points_json(links, query, side: str, bbox: BBox, zoom: int, max_zoom: int) -> dict:
    """The clusters and places in a bounding box at a zoom level, for the links as filtered by
    `query` (the request's query string)."""
    filters = query.copy()
    for name in MAP_PARAMETERS:
        filters.pop(name, None)
    version = DataVersion.current()
    counts = link_counts(links, side, filters, version)
    points = [
        Point(drawn, drawn.lat, drawn.lon, counts[drawn.pk])
        for drawn in drawn_authorities(COUNTRIES[side], version)
        if drawn.pk in counts
    ]
    clusters, places = group(points, zoom, max_zoom)
    places = [place for place in places if bbox.contains(place.lat, place.lon)]
    popups = Popups(filters, links, side, places)
    return {
        "clusters": [cluster_json(c) for c in clusters if bbox.contains(c.lat, c.lon)],
        "places": [popups.place(place) for place in places],
    }


def drawn_authorities(country: str, version: int) -> list[Drawn]:
    def build():
        authorities = Authority.objects.in_country(country).select_related("parent", "replaced_by")
        return [
            Drawn(a.pk, a.slug, a.name_en, a.name_ja, a.name_ja_machine, *a.position)
            for a in authorities
            if a.position is not None
        ]

    return cache.get_or_set(f"map:authorities:{version}:{country}", build, TIMEOUT)


def link_counts(links, side: str, filters, version: int) -> dict[int, int]:
    """Each authority's number of links on this side, for these filters."""
    key = sha256(filters.urlencode().encode()).hexdigest()

    def build():
        return dict(links.order_by().values_list(SIDES[side]).annotate(Count("pk")))

    return cache.get_or_set(f"map:counts:{version}:{side}:{key}", build, TIMEOUT)


def cluster_json(cluster: Cluster) -> dict:
    return {
        "lat": round(cluster.lat, 5),
        "lon": round(cluster.lon, 5),
        "count": cluster.count,
        "label": links_label(cluster.count),
        "bounds": [round(value, 5) for value in cluster.bounds],
    }


class Popups:
    """What the places' popups say: each authority's name and page, its number of links, and
    the links themselves when they are few (at most LINKS_LISTED), else a way to them in the
    directory with the map's filters. Each kind of URL is reversed once and completed with the
    slugs (reversing one per authority cost most of a response's time)."""

    SLUG = "__slug__"

    def __init__(self, filters, links, side: str, places: list[Place]):
        query = filters.copy()
        query["authority"] = self.SLUG
        self.urls = {
            "authority": reverse("website:authority", args=(self.SLUG,)),
            "link": reverse("website:link", args=(self.SLUG,)),
            "list": reverse("website:directory") + "?" + query.urlencode(),
        }
        self.list_label = gettext("These links as a list")
        few = [p.key.pk for place in places for p in place.points if p.count <= LINKS_LISTED]
        self.links = defaultdict(list)
        for link in links.filter(**{f"{SIDES[side]}__in": few}):
            self.links[getattr(link, f"{SIDES[side]}_id")].append(self.link(link))

    def url(self, kind: str, slug: str) -> str:
        return self.urls[kind].replace(self.SLUG, slug)

    def place(self, place: Place) -> dict:
        return {
            "lat": round(place.lat, 5),
            "lon": round(place.lon, 5),
            "authorities": [self.authority(point) for point in place.points],
        }

    def authority(self, point: Point) -> dict:
        drawn = point.key
        data = {
            "name": display_name(drawn),
            "url": self.url("authority", drawn.slug),
            "count": point.count,
            "label": links_label(point.count),
        }
        if point.count <= LINKS_LISTED:
            data["links"] = self.links[drawn.pk]
        else:
            data["list"] = {"url": self.url("list", drawn.slug), "label": self.list_label}
        return data

    def link(self, link) -> dict:
        return {
            "url": self.url("link", link.slug),
            "title": f"{display_name(link.uk_authority)} – {display_name(link.jp_authority)}",
            "formed": link.formed_display,
        }


def display_name(authority) -> str:
    """Both scripts, the visitor's first; a machine-made Japanese name is left out (pages mark
    it as such; a popup has no room to)."""
    names = [authority.name_en]
    if authority.name_ja and not authority.name_ja_machine:
        names.append(authority.name_ja)
    if get_language() == "ja":
        names.reverse()
    return " ".join(names)


def links_label(count: int) -> str:
    return ngettext("%(counter)s link", "%(counter)s links", count) % {"counter": f"{count:,}"}
