"""The map page's points (authorities grouped by zoom level within a bounding box), the one rule
for where an authority is drawn (Authority.position) on every map and in JSON-LD, and Leaflet's
marker images named by their static URLs."""

import json
import re

import pytest
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.urls import reverse

from kizuna.registry.models import AuthorityKind
from kizuna.registry.tests.factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory
from kizuna.website.mapgrid import Cluster, Place, Point, group
from kizuna.website.mappoints import LINKS_LISTED

pytestmark = pytest.mark.django_db

BRITAIN = "-11.25,45,11.25,67.5"


def links_of(uk, count=1):
    """Links of a UK authority, each with a Japanese town drawn at Yoichi."""
    return [
        LinkFactory(
            uk_authority=uk, jp_authority=JPAuthorityFactory(latitude=43.19, longitude=140.79)
        )
        for _ in range(count)
    ]


def points(client, side="uk", bbox=BRITAIN, zoom=5, **filters):
    response = client.get(
        reverse("website:map_points"), {**filters, "side": side, "bbox": bbox, "zoom": zoom}
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_nearby_authorities_are_one_cluster_until_the_map_zooms_in(client):
    for n in range(3):
        links_of(UKAuthorityFactory(latitude=51.2 + n / 5, longitude=0.5), count=n + 1)
    far = points(client, zoom=5)
    assert [(c["count"], c["label"]) for c in far["clusters"]] == [(6, "6 links")]
    assert far["places"] == []
    near = points(client, zoom=10, bbox="-1,50,2,53")
    assert near["clusters"] == []
    assert [[a["count"] for a in p["authorities"]] for p in near["places"]] == [[3], [2], [1]]


def test_each_authority_is_drawn_once_at_its_position_with_its_links(client):
    kent = UKAuthorityFactory(
        kind=AuthorityKind.COUNTY, name_en="Kent", latitude=51.2, longitude=0.7
    )
    town = UKAuthorityFactory(
        kind=AuthorityKind.TOWN_COUNCIL, name_en="Faversham Town Council", parent=kent
    )
    links_of(kent, count=2)
    (link,) = links_of(town)
    (place,) = points(client)["places"]  # the town council stands at its county's centre
    assert (place["lat"], place["lon"]) == (51.2, 0.7)
    by_name = {a["name"]: a for a in place["authorities"]}
    assert by_name.keys() == {"Kent", "Faversham Town Council"}
    assert by_name["Faversham Town Council"] == {
        "name": "Faversham Town Council",
        "url": reverse("website:authority", args=(town.slug,)),
        "count": 1,
        "label": "1 link",
        "links": [
            {
                "url": reverse("website:link", args=(link.slug,)),
                "title": f"Faversham Town Council – {link.jp_authority.name_en} "
                f"{link.jp_authority.name_ja}",
                "formed": link.formed_display,
            }
        ],
    }


def test_an_authority_with_many_links_leads_to_them_in_the_directory(client):
    busy = UKAuthorityFactory(latitude=52.0, longitude=-1.0)
    links_of(busy, count=LINKS_LISTED + 1)
    (place,) = points(client, type="sister")["places"]
    (authority,) = place["authorities"]
    assert "links" not in authority
    assert authority["list"]["url"] == f"/links/?type=sister&authority={busy.slug}"


def test_the_directory_filters_choose_the_links(client):
    links_of(UKAuthorityFactory(nation="England", latitude=51.5, longitude=-0.1), count=2)
    links_of(UKAuthorityFactory(nation="Scotland", latitude=57.1, longitude=-2.1), count=3)
    everything = points(client, zoom=10)["places"]
    scotland = points(client, zoom=10, nation="Scotland")["places"]
    assert sorted(p["authorities"][0]["count"] for p in everything) == [2, 3]
    assert [p["authorities"][0]["count"] for p in scotland] == [3]


def test_only_what_lies_in_the_bounding_box_is_sent(client):
    links_of(UKAuthorityFactory(latitude=57.1, longitude=-2.1))  # Aberdeen
    links_of(UKAuthorityFactory(latitude=50.4, longitude=-4.1))  # Plymouth
    north = points(client, bbox="-11.25,56.25,0,61.875", zoom=8)["places"]
    assert [(p["lat"], p["lon"]) for p in north] == [(57.1, -2.1)]


def test_each_side_draws_its_own_authorities(client):
    links_of(UKAuthorityFactory(latitude=51.5, longitude=-0.1))
    (place,) = points(client, side="jp", bbox="123.75,22.5,157.5,45", zoom=10)["places"]
    assert (place["lat"], place["lon"], place["authorities"][0]["count"]) == (43.19, 140.79, 1)


def test_map_points_are_cached_by_their_rounded_view(client):
    links_of(UKAuthorityFactory(latitude=51.5, longitude=-0.1))
    url = reverse("website:map_points") + f"?side=uk&bbox={BRITAIN}&zoom=5"
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"


@pytest.mark.parametrize(
    "query, message",
    [
        ({"bbox": BRITAIN, "zoom": 5}, "side: required"),
        ({"side": "gb", "bbox": BRITAIN, "zoom": 5}, "side: 'gb' is not one of uk, jp"),
        ({"side": "uk", "zoom": 5}, "bbox: required"),
        ({"side": "uk", "bbox": "1,2,3", "zoom": 5}, "bbox: give four numbers"),
        ({"side": "uk", "bbox": "w,s,e,n", "zoom": 5}, "bbox: 'w,s,e,n' is not four numbers"),
        ({"side": "uk", "bbox": "10,45,-10,60", "zoom": 5}, "bbox: west and east"),
        ({"side": "uk", "bbox": "-10,45,10,95", "zoom": 5}, "bbox: south and north"),
        ({"side": "uk", "bbox": BRITAIN}, "zoom: required"),
        ({"side": "uk", "bbox": BRITAIN, "zoom": 11}, "zoom: '11' is not a zoom level from 0"),
        ({"side": "uk", "bbox": BRITAIN, "zoom": -1}, "zoom: '-1' is not a zoom level"),
        ({"side": "uk", "bbox": BRITAIN, "zoom": 5, "type": "cousin"}, "type: Select a valid"),
    ],
)
def test_a_bad_view_is_a_400_naming_the_parameter(client, query, message):
    response = client.get(reverse("website:map_points"), query)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_grid_gathers_points_near_the_busiest_without_overlaps():
    london, westminster, paris = (51.51, -0.13), (51.50, -0.14), (48.86, 2.35)
    a, b, c, d = (
        Point("a", *london, 1),
        Point("b", *london, 2),
        Point("c", *westminster, 3),
        Point("d", *paris, 4),
    )
    clusters, places = group([a, b, c, d], zoom=6, max_zoom=10)
    assert clusters == [Cluster(*westminster, count=6, bounds=(51.50, -0.14, 51.51, -0.13))]
    assert places == [Place(*paris, [d])]
    clusters, places = group([a, b], zoom=6, max_zoom=10)  # one position: never a cluster
    assert clusters == [] and places == [Place(*london, [b, a])]
    clusters, places = group([a, b, c, d], zoom=10, max_zoom=10)  # nowhere deeper to go
    assert clusters == [] and places == [Place(*paris, [d]), Place(*westminster, [c, b, a])]


# Where an authority is drawn: Authority.position, everywhere.


@pytest.fixture
def town_link():
    county = UKAuthorityFactory(kind=AuthorityKind.COUNTY, latitude=50.7, longitude=-3.5)
    town = UKAuthorityFactory(kind=AuthorityKind.TOWN_COUNCIL, parent=county)
    return LinkFactory(
        uk_authority=town, jp_authority=JPAuthorityFactory(latitude=36.4, longitude=139.0)
    )


def json_ld(page: str) -> dict:
    return json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_a_town_council_is_drawn_at_its_parents_centre(client, town_link):
    page = client.get(reverse("website:link", args=(town_link.slug,))).content.decode()
    assert '<div id="map-uk" class="mini-map"' in page and 'data-lat="50.7" data-lon="-3.5"' in page
    geo = json_ld(page)["location"][0]["geo"]
    assert (geo["latitude"], geo["longitude"]) == (50.7, -3.5)
    town = town_link.uk_authority
    page = client.get(reverse("website:authority", args=(town.slug,))).content.decode()
    assert 'id="map-authority"' in page and 'data-lat="50.7" data-lon="-3.5"' in page
    assert json_ld(page)["geo"]["latitude"] == 50.7


def test_a_former_council_is_drawn_at_its_successors_centre(client):
    successor = UKAuthorityFactory(
        kind=AuthorityKind.SCOTTISH_COUNCIL, latitude=55.96, longitude=-4.23
    )
    former = UKAuthorityFactory(kind=AuthorityKind.SCOTTISH_DISTRICT, replaced_by=successor)
    page = client.get(reverse("website:authority", args=(former.slug,))).content.decode()
    assert 'data-lat="55.96" data-lon="-4.23"' in page
    assert json_ld(page)["geo"]["longitude"] == -4.23


def test_an_authority_with_nowhere_to_draw_it_has_no_map(client):
    nowhere = UKAuthorityFactory(kind=AuthorityKind.NI_DISTRICT)
    link = LinkFactory(
        uk_authority=nowhere, jp_authority=JPAuthorityFactory(latitude=36.4, longitude=139.0)
    )
    page = client.get(reverse("website:link", args=(link.slug,))).content.decode()
    assert 'id="map-uk"' not in page and 'id="map-jp"' in page
    assert "geo" not in json_ld(page)["location"][0]


class HashedStaticFiles(StaticFilesStorage):
    """Static names as the production storage gives them: hashed, so Leaflet cannot guess its
    marker images from its stylesheet's URL."""

    def url(self, name):
        stem, dot, extension = name.rpartition(".")
        return super().url(f"{stem}.0123abcd{dot}{extension}")


def test_every_map_names_its_marker_images_by_their_static_urls(client, settings, town_link):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": f"{__name__}.HashedStaticFiles"},
    }
    for url in (reverse("website:link", args=(town_link.slug,)), reverse("website:map")):
        page = client.get(url).content.decode()
        config = json.loads(re.search(r'id="map-config"[^>]*>(.*?)</script>', page).group(1))
        assert config["icon"] == {
            "iconUrl": "/static/leaflet/images/marker-icon.0123abcd.png",
            "iconRetinaUrl": "/static/leaflet/images/marker-icon-2x.0123abcd.png",
            "shadowUrl": "/static/leaflet/images/marker-shadow.0123abcd.png",
        }
