from django.conf import settings
from django.urls import reverse


def maps(request) -> dict:
    """Where map tiles come from: Kizuna's offline basemap unless a tile server is set."""
    local = reverse("tiles:tile", args=(0, 0, 0)).replace("/0/0/0.png", "/{z}/{x}/{y}.png")
    return {
        "map_tiles": {
            "url": settings.KIZUNA_TILE_URL or local,
            "attribution": settings.KIZUNA_TILE_ATTRIBUTION,
            "maxNativeZoom": 18 if settings.KIZUNA_TILE_URL else 6,
        }
    }
