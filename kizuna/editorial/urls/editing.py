"""Editing forms (kizuna/editorial/views/editing.py), beside the public pages they edit."""

from django.urls import path

from ..views import editing

urlpatterns = [
    path("links/<slug:slug>/edit/", editing.edit_link, name="edit_link"),
    path("links/<slug:slug>/exchanges/new/", editing.record_exchange, name="record_exchange"),
    path("authorities/<slug:slug>/edit/", editing.edit_authority, name="edit_authority"),
    path("exchanges/<int:pk>/edit/", editing.edit_exchange, name="edit_exchange"),
    path("sources/<int:pk>/edit/", editing.edit_source, name="edit_source"),
]
