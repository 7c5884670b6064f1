"""Kizuna URL configuration: the public website in English (/) and Japanese (/ja/), accounts,
editing and the admin."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kizuna.api.api import api
from kizuna.website.urls import tile_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include((tile_urlpatterns, "tiles"))),
    *i18n_patterns(
        path("accounts/", include("allauth.urls")),
        path("", include("kizuna.editorial.urls")),
        path("", include("kizuna.website.urls")),
        prefix_default_language=False,
    ),
]

handler404 = "kizuna.website.views.errors.not_found"
handler500 = "kizuna.website.views.errors.server_error"
