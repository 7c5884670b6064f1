"""`kizuna serve` runs gunicorn against DATABASE_URL: start it for real and ask it for a page."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest


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
    assert kizuna("migrate", "-v0", env=env).wait(timeout=120) == 0
    return env


def test_the_embedded_database_runs_in_wal_mode(server_env, tmp_path):
    # WAL is a property of the file: readers keep working while an import writes.
    with sqlite3.connect(tmp_path / "serve.sqlite3") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_serve_answers_on_the_given_port(server_env):
    port = free_port()
    server = kizuna(
        "serve",
        "--port",
        str(port),
        "--workers",
        "1",
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = wait_for(f"http://127.0.0.1:{port}/admin/login/")
        assert "Django administration" in body or "Log in" in body
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
