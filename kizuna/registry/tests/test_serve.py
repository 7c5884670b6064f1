"""`kizuna serve` runs gunicorn against DATABASE_URL: start it for real and ask it for a page.
It collects static files only when they changed, and settings refuse to start without a key."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

from ..management.commands.serve import collect_static_when_changed

# A first start collects and compresses every static file: seconds on a quiet machine, minutes
# on a busy one. The wait ends as soon as the server answers.
START_SECONDS = 600


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kizuna(*args, env, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "kizuna.cli", *args], env=env, **kwargs)


@pytest.fixture
def server_env(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "KIZUNA_VAR_DIR": str(tmp_path),
    }
    assert kizuna("migrate", "-v0", env=env).wait(timeout=START_SECONDS) == 0
    return env


def test_the_embedded_database_runs_in_wal_mode(server_env, tmp_path):
    # WAL is a property of the file: readers keep working while an import writes.
    with sqlite3.connect(tmp_path / "serve.sqlite3") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_serve_answers_on_the_given_port(server_env, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = kizuna(
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            env=server_env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        body = wait_for(f"http://127.0.0.1:{port}/admin/login/", server, log)
        assert "Django administration" in body or "Log in" in body
    finally:
        server.terminate()
        server.wait(timeout=60)


def wait_for(url: str, server: subprocess.Popen, log) -> str:
    """The page's body once the server answers; fails at once if the server exits."""
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.read().decode()
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"kizuna serve exited ({server.returncode}):\n{log.read_text()}")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_static_files_are_collected_again_only_when_a_source_changes(settings, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text("a {}")
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "static"
    assert collect_static_when_changed()
    assert not collect_static_when_changed()  # a restart: nothing to do

    (source / "site.css").write_text("a { color: red }")
    later = time.time() + 60  # collectstatic copies only sources newer than their copy
    os.utime(source / "site.css", (later, later))
    assert collect_static_when_changed()
    assert (tmp_path / "static" / "site.css").read_text() == "a { color: red }"

    (tmp_path / "static" / "site.css").unlink()
    (tmp_path / "static").rmdir()
    assert collect_static_when_changed()  # STATIC_ROOT removed: collected again
    assert not collect_static_when_changed()


def settings_in_a_fresh_process(tmp_path, **env) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}},
        "DJANGO_SETTINGS_MODULE": "kizuna.settings",
        "KIZUNA_VAR_DIR": str(tmp_path),
        **env,
    }
    code = "from django.conf import settings; print(len(settings.SECRET_KEY))"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_without_a_secret_key_kizuna_refuses_to_start(tmp_path):
    result = settings_in_a_fresh_process(tmp_path, DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    ("env", "key_file"),
    [({"DEBUG": "1"}, None), ({"SECRET_KEY": "x" * 50}, None), ({}, "y" * 60)],
    ids=["debug-development-key", "environment", "var-dir-key-file"],
)
def test_a_key_from_the_environment_or_var_dir_or_debug_starts(tmp_path, env, key_file):
    if key_file:
        (tmp_path / "secret-key").write_text(key_file + "\n")
    result = settings_in_a_fresh_process(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    if key_file:
        assert result.stdout.strip() == "60"
