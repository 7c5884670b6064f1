"""Map points grouped by zoom level, so a map of 100,000 links sends tens of markers.

A point is an authority drawn at its position with its number of links. At a zoom level the
world is 256·2^zoom pixels wide in Web Mercator (the maps' projection). Taking the points with
most links first, each gathers the points not yet taken within RADIUS pixels of it (found
through a grid of RADIUS-sized cells) and is drawn where it stands, so no two markers come
closer than RADIUS and none hides another. A group spread over several positions is a cluster
carrying their total, until the map cannot zoom further; a group at one position (a town
council drawn at its parent's centre), or any group at the deepest zoom, is a place whose
marker lists each authority. Groups depend only on the points and the zoom level, never on the
view, so a map shows the same ones wherever it is moved; the view's bounding box only decides
which are sent."""

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

RADIUS = 72  # pixels: a cluster circle (up to 54 px) clears a 41 px marker pin above a point
MERCATOR_LIMIT = 85.0511  # Web Mercator's latitude limit


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True)
class Point:
    key: object  # what the caller draws (an authority)
    lat: float
    lon: float
    count: int


@dataclass(frozen=True)
class Cluster:
    lat: float  # where it is drawn: its first (busiest) point's position
    lon: float
    count: int
    bounds: tuple[float, float, float, float]  # south, west, north, east of its points


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    points: list[Point]


def parse_bbox(text: str) -> BBox:
    """'west,south,east,north' in degrees; ValueError saying what is wrong."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("give four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"{text!r} is not four numbers: west,south,east,north") from None
    if not (-180 <= west < east <= 180):
        raise ValueError("west and east must be longitudes, west < east, within -180…180")
    if not (-90 <= south < north <= 90):
        raise ValueError("south and north must be latitudes, south < north, within -90…90")
    return BBox(west, south, east, north)


def parse_zoom(text: str, max_zoom: int) -> int:
    if not text.isdigit() or int(text) > max_zoom:
        raise ValueError(f"{text!r} is not a zoom level from 0 to {max_zoom}")
    return int(text)


@lru_cache(maxsize=16384)
def world_pixel(lat: float, lon: float) -> tuple[float, float]:
    """A position's Web Mercator pixel at zoom level 0 (a 256-pixel world); zoom z scales it by
    2^z. Cached: the same few thousand positions come back on every request."""
    lat = math.radians(max(-MERCATOR_LIMIT, min(MERCATOR_LIMIT, lat)))
    x = (lon + 180) / 360 * 256
    y = (1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * 256
    return x, y


def group(points: list[Point], zoom: int, max_zoom: int) -> tuple[list[Cluster], list[Place]]:
    """The clusters and places the points make at a zoom level."""
    clusters, places = [], []
    for members in neighbourhoods(points, zoom):
        first = members[0]
        if zoom < max_zoom and len({(p.lat, p.lon) for p in members}) > 1:
            clusters.append(cluster(members))
        else:
            places.append(Place(first.lat, first.lon, members))
    return clusters, places


def neighbourhoods(points: list[Point], zoom: int) -> list[list[Point]]:
    """Busiest first, each point with the untaken points within RADIUS pixels of it."""
    points = sorted(points, key=busiest)
    scale = 2**zoom
    at = [(x * scale, y * scale) for x, y in (world_pixel(p.lat, p.lon) for p in points)]
    cells = defaultdict(list)
    for n, (x, y) in enumerate(at):
        cells[int(x // RADIUS), int(y // RADIUS)].append(n)
    taken, groups = bytearray(len(points)), []
    for seed, (x, y) in enumerate(at):
        if taken[seed]:
            continue
        column, row = int(x // RADIUS), int(y // RADIUS)
        near = []
        for cell in product((column - 1, column, column + 1), (row - 1, row, row + 1)):
            for n in cells.get(cell, ()):
                if not taken[n] and math.dist(at[n], (x, y)) <= RADIUS:
                    taken[n] = 1
                    near.append(n)
        groups.append([points[n] for n in sorted(near)])  # the seed first: none is busier
    return groups


def busiest(point: Point) -> tuple:
    """Most links first; then by position, so the grouping never depends on input order."""
    return -point.count, point.lat, point.lon


def cluster(members: list[Point]) -> Cluster:
    lats, lons = [p.lat for p in members], [p.lon for p in members]
    return Cluster(
        lat=members[0].lat,
        lon=members[0].lon,
        count=sum(p.count for p in members),
        bounds=(min(lats), min(lons), max(lats), max(lons)),
    )
