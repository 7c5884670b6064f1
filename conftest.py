"""What every test shares: plain static storage (no collectstatic needed), a fresh cache (cached
pages never leak between tests) and English as the active language."""

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # The test client's requests leave their language active in this thread; start from English.
    translation.activate("en")
