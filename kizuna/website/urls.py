from django.urls import path

from .views import authorities, downloads, links, maps, pages, search

app_name = "website"

urlpatterns = [
    path("", pages.home, name="home"),
    path("history/", pages.history, name="history"),
    path("links/", links.directory, name="directory"),
    path("links/<slug:slug>/", links.link_detail, name="link"),
    path("authorities/<slug:slug>/", authorities.authority_detail, name="authority"),
    path("search/", search.search_page, name="search"),
    path("search/suggest/", search.suggest, name="suggest"),
    path("map/", maps.map_page, name="map"),
    path("map/points.json", maps.map_points, name="map_points"),
    path("downloads/links.<str:fmt>", downloads.links_download, name="links_download"),
    path("downloads/kizuna.sqlite3", downloads.registry_sqlite, name="registry_sqlite"),
    path("statistics/", pages.statistics_page, name="statistics"),
    path("statistics/<slug:name>.csv", pages.statistics_csv, name="statistics_csv"),
]

# Tiles are the same in every language: outside i18n_patterns (see kizuna/urls.py).
tile_urlpatterns = [
    path("tiles/<int:z>/<int:x>/<int:y>.png", maps.tile, name="tile"),
]
