"""What the benchmarks share: a dataset in a throwaway folder, its SQLite export, the servers
(`kizuna serve`, Datasette in a virtual environment of its own) and wrk (Debian's package)
driven by random_paths.lua, so each request takes a random path from a list of thousands.

Not a test; bench/ is not a package (scripts import this module by its folder)."""

import json
import os
import random
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

KIZUNA = [sys.executable, "-m", "kizuna.cli"]
LUA = Path(__file__).with_name("random_paths.lua")
DATASETTE_VENV = Path(tempfile.gettempdir()) / "kizuna-bench-datasette"


def run(*args, env):
    subprocess.run([*KIZUNA, *args], env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(folder: Path, links: int) -> dict:
    """The environment of a dataset in `folder`: `links` synthetic links, or the real ones (0)."""
    # The embedded SQLite database in the dataset's own folder, whatever the shell points at.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["KIZUNA_VAR_DIR"] = str(folder)
    # `kizuna serve` refuses to start without a key when DEBUG is off.
    env["SECRET_KEY"] = secrets.token_urlsafe(32)
    run("migrate", "--verbosity", "0", env=env)
    run("import-registers", "--no-progress", env=env)
    if links:
        run("generate-scale-data", "--links", str(links), env=env)
    else:
        run("import-links", env=env)
    run("collectstatic", "--noinput", "--verbosity", "0", env=env)
    return env


def export(env: dict) -> Path:
    """The dataset as one SQLite file (`kizuna export --format sqlite`), beside its database."""
    path = Path(env["KIZUNA_VAR_DIR"]) / "kizuna.db"
    run("export", "--format", "sqlite", str(path), env=env)
    return path


def rows(database: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return db.execute(sql).fetchall()


def random_links(database: Path, rng: random.Random, n: int) -> list[tuple[int, str]]:
    """`n` links (id, slug) drawn at random, with repeats as in real traffic."""
    return rng.choices(rows(database, "SELECT id, slug FROM links ORDER BY id"), k=n)


def random_names(database: Path, rng: random.Random, n: int) -> list[str]:
    """`n` names drawn at random from both registers, English and Japanese, with repeats."""
    found = rows(database, "SELECT name, name_ja FROM authorities")
    return rng.choices(sorted({name for pair in found for name in pair if name}), k=n)


def start(command: list[str], url: str, env: dict | None = None) -> subprocess.Popen:
    """Start a server and wait until `url` answers (it may first collect static files)."""
    with tempfile.TemporaryFile() as log:  # the server keeps writing to its own copy
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(url, timeout=5)
                return process
            except OSError:
                time.sleep(0.5)
        stop(process)
        log.seek(0)
        tail = log.read().decode(errors="replace")[-3000:]
    raise RuntimeError(f"{' '.join(command)} did not answer {url}:\n{tail}")


def stop(process: subprocess.Popen):
    process.terminate()
    process.wait()


def serve_kizuna(env: dict, port: int, **settings: str) -> subprocess.Popen:
    """`kizuna serve` (gunicorn, 2 workers) with the API rate limit off, plus `settings`."""
    env = {**env, "KIZUNA_API_RATE": "", **settings}
    command = [*KIZUNA, "serve", "--port", str(port), "--workers", "2"]
    return start(command, f"http://127.0.0.1:{port}/api/v1/reasons", env=env)


def serve_datasette(database: Path, port: int) -> subprocess.Popen:
    """Datasette on the export, facets off (table URLs add _nocount=1 and _nofacet=1)."""
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        pip = DATASETTE_VENV / "bin" / "pip"
        subprocess.run([str(pip), "install", "-q", "datasette"], check=True)
    command = [str(binary), "serve", str(database), "--port", str(port)]
    for setting in ("suggest_facets", "allow_facet"):
        command += ["--setting", setting, "off"]
    return start(command, f"http://127.0.0.1:{port}/{database.stem}.json")


def ensure_wrk():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def load(base: str, paths: list[str], seconds: int, connections: int, seed: int) -> dict:
    """wrk against `base` for `seconds`, each request a random path of `paths` (the same
    sequence for the same seed): throughput, p50/p99 in ms, non-2xx answers, X-Cache counts."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
        command += ["-s", str(LUA), base, "--", listing.name, str(seed)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return {
        "rps": result["requests"] / result["seconds"],
        "p50": result["p50_us"] / 1000,
        "p99": result["p99_us"] / 1000,
        **{k: result[k] for k in ("requests", "non_2xx", "socket_errors")},
        **{k: result[f"cache_{k}"] for k in ("hits", "misses")},
    }


def free_port() -> int:
    """A port nobody listens on now (other benchmarks may run on the same machine)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
