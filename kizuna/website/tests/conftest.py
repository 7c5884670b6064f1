import pytest


@pytest.fixture(autouse=True)
def _downloads_dir(settings, tmp_path):
    """Built downloads are kept per data version, and every test's data starts at the same
    version: each test builds into its own folder."""
    settings.KIZUNA_DOWNLOADS_DIR = tmp_path / "downloads"
