"""Settings every test shares: plain static storage (no collectstatic needed) and a fresh
per-test cache, so cached pages never leak between tests."""

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    from django.core.cache import cache

    cache.clear()
