"""Downloads of the whole registry, built once per data version and kept as files.

A download lives at KIZUNA_DOWNLOADS_DIR/<data version>/<name>. Its first request builds it
into a temporary file (under `partial/`) and renames it into place, so no worker ever serves
half a file; a lock makes other workers wait for that build instead of repeating it. A data
change starts a new version; its first build removes the older versions' folders (a worker
still sending an old file keeps reading it). A build during which the data changed may mix two
versions: it is sent to the request that made it, and not kept.
"""

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from kizuna.registry.models import DataVersion

PARTIAL = "partial"


def open_download(name: str, build: Callable[[Path], object]) -> BinaryIO:
    """The download `name` of the current data version, open for reading; `build(path)` writes
    it when this version has none yet."""
    root = Path(settings.KIZUNA_DOWNLOADS_DIR)
    version = DataVersion.current()
    path = root / str(version) / name
    with build_lock(root, name):
        try:
            return path.open("rb")
        except FileNotFoundError:
            pass
        partial = built_partial(root, build)
        file = partial.open("rb")
        if DataVersion.current() == version:
            path.parent.mkdir(exist_ok=True)
            partial.replace(path)
            remove_older_versions(root, version)
        else:
            partial.unlink()  # the open file stays readable until the response closes it
        return file


@contextmanager
def build_lock(root: Path, name: str):
    folder = root / PARTIAL
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def built_partial(root: Path, build: Callable[[Path], object]) -> Path:
    descriptor, name = tempfile.mkstemp(dir=root / PARTIAL, suffix=".building")
    os.close(descriptor)
    partial = Path(name)
    try:
        build(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial


def remove_older_versions(root: Path, version: int) -> None:
    for folder in root.iterdir():
        if folder.name.isdigit() and int(folder.name) < version:
            shutil.rmtree(folder, ignore_errors=True)
