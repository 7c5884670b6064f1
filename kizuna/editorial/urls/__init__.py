"""Editing URLs, one module per part: history (pages, feeds, revert), editing (forms), team
(invitations and officers)."""

from django.urls import include, path

app_name = "editorial"
urlpatterns = [
    path("", include("kizuna.editorial.urls.history")),
    path("", include("kizuna.editorial.urls.editing")),
    path("", include("kizuna.editorial.urls.team")),
    path("", include("kizuna.editorial.urls.moderation")),
]
