from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

MAX_ZOOM = 10  # the deepest any map zooms; the map's points stop clustering there


def maps(request) -> dict:
    """What the maps' script needs: where tiles come from (Kizuna's offline basemap unless a tile
    server is set) and Leaflet's marker images by their static URLs (Leaflet guesses them from
    its stylesheet's URL, which the static files' hashed names break)."""
    local = reverse("tiles:tile", args=(0, 0, 0)).replace("/0/0/0.png", "/{z}/{x}/{y}.png")
    return {
        "map_config": {
            "tiles": {
                "url": settings.KIZUNA_TILE_URL or local,
                "attribution": settings.KIZUNA_TILE_ATTRIBUTION,
                "maxNativeZoom": 18 if settings.KIZUNA_TILE_URL else 6,
                "maxZoom": MAX_ZOOM,
            },
            "icon": {
                "iconUrl": static("leaflet/images/marker-icon.png"),
                "iconRetinaUrl": static("leaflet/images/marker-icon-2x.png"),
                "shadowUrl": static("leaflet/images/marker-shadow.png"),
            },
        }
    }
