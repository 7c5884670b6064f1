"""The recent changes as an Atom feed (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import history

FEED_SIZE = 50


class RecentChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _lazy("Kizuna: recent changes")
    subtitle = _lazy("Every change to the registry's authorities, links, exchanges and sources.")
    link = reverse_lazy("editorial:changes")

    def items(self):
        return history.recent_changes(FEED_SIZE)

    def item_title(self, item):
        return f"{capfirst(item.action)}: {history.subject_text(item)}"

    def item_description(self, item):
        # Atom summaries are HTML to feed readers: the edit summary is text, so escape it.
        summary = item.summary or _("(no edit summary)")
        return escape(f"{summary} — {item.who}")

    def item_link(self, item):
        url = reverse("editorial:history", args=(item.kind, item.object_id))
        return f"{url}#version-{item.id}"

    def item_pubdate(self, item):
        return item.when

    def item_updateddate(self, item):
        return item.when

    def item_author_name(self, item):
        return item.who
