"""Kizuna's JSON API against Datasette on the same 100,000 synthetic links, in one run.

    .venv/bin/python bench/api_vs_datasette.py [--links 100000] [--seconds 10] [--connections 16]

Builds the synthetic dataset in a throwaway folder, exports it with `kizuna export --format
sqlite` (links with an FTS5 index), installs Datasette in a virtual environment of its own,
then loads both servers with wrk (Debian's package) from a separate process: list, filter,
search and detail queries, equivalent on each side. Datasette runs with counts and facets off
(_nocount, _nofacet). Kizuna runs `kizuna serve` (gunicorn, 2 workers) with the API rate limit
off, once as served (response cache on) and once with every request computed
(KIZUNA_PAGE_CACHE=0). Prints throughput, p50/p99 latency and the ratios. Not a test.
"""

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import KIZUNA, prepare, wrk  # noqa: E402  (bench/ is not a package)

DATASETTE_VENV = Path(tempfile.gettempdir()) / "kizuna-bench-datasette"
SLUG_ID = 500  # synthetic-500 is the 501st link made, rowid 501 in the export
QUERIES = {
    "list": ("/api/v1/links?limit=50", "/kizuna/links.json?_size=50&_nocount=1&_nofacet=1"),
    "filter": (
        "/api/v1/links?nation=England&type=sister&limit=50",
        "/kizuna/links.json?uk_nation=England&type=sister&_size=50&_nocount=1&_nofacet=1",
    ),
    "search": (
        "/api/v1/search?q=gateshead&limit=20",
        "/kizuna/links.json?_search=gateshead&_size=20&_nocount=1&_nofacet=1",
    ),
    "detail": (f"/api/v1/links/synthetic-{SLUG_ID}", f"/kizuna/links/{SLUG_ID + 1}.json"),
}


def datasette() -> Path:
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run(
            [str(DATASETTE_VENV / "bin" / "pip"), "install", "-q", "datasette"], check=True
        )
    return binary


def start(command: list[str], url: str, env=None) -> subprocess.Popen:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{command[0]} did not start")


def kizuna(env: dict, port: int, cache: bool):
    """`kizuna serve` with the rate limit off, and the response cache on or off."""
    env = {**env, "KIZUNA_API_RATE": "", "KIZUNA_PAGE_CACHE": "1" if cache else "0"}
    command = [*KIZUNA, "serve", "--port", str(port), "--workers", "2"]
    return start(
        command, f"http://127.0.0.1:{port}/api/v1/reasons", env=env
    ), f"http://127.0.0.1:{port}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    binary = datasette()
    results = {}
    with tempfile.TemporaryDirectory() as temp:
        env = prepare(Path(temp), args.links)
        export = Path(temp) / "kizuna.db"
        subprocess.run(
            [*KIZUNA, "export", "--format", "sqlite", str(export)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        servers = {
            "kizuna": kizuna(env, 8801, cache=True),
            "kizuna-nocache": kizuna(env, 8803, cache=False),
            "datasette": (
                start(
                    [
                        str(binary),
                        "serve",
                        str(export),
                        "--port",
                        "8802",
                        "--setting",
                        "suggest_facets",
                        "off",
                        "--setting",
                        "allow_facet",
                        "off",
                    ],
                    "http://127.0.0.1:8802/kizuna.json",
                ),
                "http://127.0.0.1:8802",
            ),
        }
        try:
            for name, (kizuna_path, datasette_path) in QUERIES.items():
                for server, path in (
                    ("kizuna", kizuna_path),
                    ("kizuna-nocache", kizuna_path),
                    ("datasette", datasette_path),
                ):
                    base = servers[server][1]
                    urllib.request.urlopen(base + path, timeout=30).read()  # warm up, and 200
                    results[(name, server)] = wrk(base + path, args.seconds, args.connections)
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait()
    report(results, args)


def report(results: dict, args):
    print(
        f"{args.links:,} synthetic links; wrk {args.connections} connections, "
        f"{args.seconds}s per query; latency in ms"
    )
    print(
        "kizuna: as served (response cache keyed on the data version); kizuna-nocache: "
        "KIZUNA_PAGE_CACHE=0, every request computed"
    )
    print(f"{'query':<8}{'server':<16}{'req/s':>9}{'p50':>9}{'p99':>9}{'non-2xx':>9}")
    for (query, server), r in results.items():
        print(
            f"{query:<8}{server:<16}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
            f"{r['errors']:>9}"
        )
    print("\nratios to Datasette (same run): throughput, p50 latency")
    for query in QUERIES:
        d = results[(query, "datasette")]
        for server in ("kizuna", "kizuna-nocache"):
            k = results[(query, server)]
            print(
                f"  {query:<8} {server:<16} {k['rps'] / d['rps']:6.2f}x   "
                f"{k['p50'] / d['p50']:6.2f}"
            )


if __name__ == "__main__":
    main()
