"""Latency of the public pages: median and p99 under load, on the real data and on 100,000
synthetic links, with the page cache on (as served) and off (every request rendered).

    .venv/bin/python bench/pages.py [--links 100000] [--seconds 10] [--connections 8]

Each dataset lives in its own throwaway folder (KIZUNA_VAR_DIR), so synthetic links never
meet real ones. Load comes from wrk (Debian's package, installed if missing) in a separate
process against `kizuna serve` (gunicorn, 2 workers) on 127.0.0.1. Not a test: it prints
figures.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIZUNA = [sys.executable, "-m", "kizuna.cli"]
PAGES = {
    "home": "/",
    "directory": "/links/?nation=England&sort=-formed",
    "link page": "/links/{slug}/",
    "search": "/search/?q=yoichii",
}


def run(*args, env):
    subprocess.run([*KIZUNA, *args], env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(folder: Path, links: int) -> dict:
    # The embedded SQLite database in the dataset's own folder, whatever the shell points at.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KIZUNA_VAR_DIR"] = str(folder)
    run("migrate", "--verbosity", "0", env=env)
    run("import-registers", "--no-progress", env=env)
    if links:
        run("generate-scale-data", "--links", str(links), env=env)
    else:
        run("import-links", env=env)
    run("collectstatic", "--noinput", "--verbosity", "0", env=env)
    return env


def wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if len(latency) != 2:
        raise RuntimeError(f"unexpected wrk output for {url}:\n{out}")
    rate = re.search(r"Requests/sec:\s+(\S+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "rps": float(rate.group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def to_ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def serve(env: dict, port: int, cache: bool):
    env = {**env, "KIZUNA_PAGE_CACHE": "1" if cache else "0"}
    server = subprocess.Popen(
        [*KIZUNA, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):  # collectstatic (brotli) runs first
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("kizuna serve did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    results = {}
    with tempfile.TemporaryDirectory() as temp:
        for label, links, slug in (
            ("real", 0, "gateshead-komatsu"),
            (f"{args.links:,} synthetic", args.links, "synthetic-5"),
        ):
            env = prepare(Path(temp) / str(links), links)
            for cache in (True, False):
                server = serve(env, 8790, cache)
                try:
                    for page, path in PAGES.items():
                        url = "http://127.0.0.1:8790" + path.format(slug=slug)
                        results[(label, cache, page)] = wrk(url, args.seconds, args.connections)
                finally:
                    server.terminate()
                    server.wait()
    report(results, args)


def report(results: dict, args):
    print(
        f"wrk: {args.connections} connections, {args.seconds}s per page; kizuna serve, "
        "2 gunicorn workers, SQLite (WAL); latency in ms"
    )
    print(f"{'dataset':<20}{'cache':<7}{'page':<11}{'p50':>8}{'p99':>9}{'req/s':>9}{'non-2xx':>9}")
    for (label, cache, page), r in results.items():
        print(
            f"{label:<20}{'on' if cache else 'off':<7}{page:<11}{r['p50']:>8.2f}"
            f"{r['p99']:>9.2f}{r['rps']:>9.0f}{r['errors']:>9}"
        )
    labels = list(dict.fromkeys(label for label, *_ in results))
    print("\nratio of p50, scale / real (same run):")
    for cache in (True, False):
        for page in PAGES:
            real, scale = results[(labels[0], cache, page)], results[(labels[1], cache, page)]
            print(
                f"  cache {'on ' if cache else 'off'} {page:<11} {scale['p50'] / real['p50']:.2f}"
            )


if __name__ == "__main__":
    main()
