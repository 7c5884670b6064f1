"""Kizuna URL configuration. The public website and API arrive with their own issues."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", lambda request: redirect("admin:index"), name="home"),
]
