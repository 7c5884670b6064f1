from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The reference registers beside the checkout (../shared/data), as CI provides them."""
    if not SHARED_DATA.exists():
        pytest.fail(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA
