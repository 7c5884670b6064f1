import os
from pathlib import Path

import pytest

# The reference registers: ../shared/data beside the checkout, as on developers' machines and CI.
SHARED_DATA = Path(
    os.environ.get("KIZUNA_SHARED_DATA")
    or Path(__file__).resolve().parents[3].parent / "shared" / "data"
)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.fail(f"reference data not found at {SHARED_DATA}; set KIZUNA_SHARED_DATA")
    return SHARED_DATA
