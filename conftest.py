"""What every test shares: plain static storage (no collectstatic needed), a fresh cache (cached
pages never leak between tests) and English as the active language; and `registry`, the real
registers and curated links for the tests that ask for them."""

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


@pytest.fixture(scope="session")
def registry_snapshot(django_db_setup, django_db_blocker):
    """The real registers and curated links, imported once per test process (see snapshot.py)."""
    from kizuna.registry.tests import snapshot

    with django_db_blocker.unblock():
        return snapshot.take()


@pytest.fixture
def registry(db, registry_snapshot):
    """The real registers and curated links, exactly as `kizuna import-registers` and `kizuna
    import-links` leave them; the test's changes roll back (or are flushed, in a live-server
    test). Tests without this fixture start from an empty registry."""
    registry_snapshot.restore()
