"""History: an object's versions (/history/link/12/), reverting one, the recent changes."""

from django.urls import path

from kizuna.website.caching import cached_page

from ..feeds import RecentChangesFeed
from ..views import history

urlpatterns = [
    path("history/<str:kind>/<int:pk>/", history.object_history, name="history"),
    path(
        "history/<str:kind>/<int:pk>/revert/<int:version>/",
        history.revert,
        name="history_revert",
    ),
    path("changes/", history.recent_changes, name="changes"),
    path("changes/feed.atom", cached_page(RecentChangesFeed()), name="changes_feed"),
]
