"""Suggestions (public) and their moderation (staff)."""

from django.urls import path

from ..views import moderation

urlpatterns = [
    path("links/<slug:slug>/suggest/", moderation.suggest_link, name="suggest_link"),
    path(
        "authorities/<slug:slug>/suggest/", moderation.suggest_authority, name="suggest_authority"
    ),
    path("suggest/link/", moderation.suggest_new_link, name="suggest_new_link"),
    path("suggest/sent/", moderation.suggestion_sent, name="suggestion_sent"),
    path("moderation/", moderation.queue, name="moderation_queue"),
    path("moderation/<int:pk>/", moderation.detail, name="moderation_detail"),
    path("moderation/<int:pk>/accept/", moderation.accept, name="moderation_accept"),
    path("moderation/<int:pk>/reject/", moderation.reject, name="moderation_reject"),
]
