"""Settings for the test suite: Kizuna's own, with a key only tests use (settings refuse to
start without one). Set in the environment, so the servers tests start inherit it too."""

import os

os.environ.setdefault("SECRET_KEY", "kizuna-test-suite-only-key")

from kizuna.settings import *  # noqa: E402, F403
