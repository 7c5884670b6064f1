"""Latency of the public pages under a varied load: median and p99 on the real data and on
100,000 synthetic links, with the page cache on (as served) and off (every request rendered).

    .venv/bin/python bench/pages.py [--links 100000] [--seconds 10] [--connections 8]
                                    [--paths 5000]

Each request takes a random path from a list of thousands (bench/random_paths.lua, seeded):
random directory filters, random link pages, random names searched; the home page is one page.
Each dataset lives in its own throwaway folder (KIZUNA_VAR_DIR), so synthetic links never meet
real ones. Load comes from wrk (Debian's package) against `kizuna serve` (2 workers). Prints
p50/p99, throughput, non-2xx answers and the page cache's hit rate (X-Cache). Not a test.
"""

import argparse
import random
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import (  # noqa: E402  (bench/ is not a package)
    ensure_wrk,
    export,
    free_port,
    load,
    prepare,
    random_links,
    random_names,
    rows,
    serve_kizuna,
    stop,
)

SEED = 8
WARM_UP = 2  # seconds


def directory(db: Path, rng: random.Random, n: int) -> list[str]:
    """The directory with random filters (each one set or not) and a random order."""
    choices = {
        "nation": [v for (v,) in rows(db, "SELECT DISTINCT uk_nation FROM links") if v],
        "type": [t for (t,) in rows(db, "SELECT DISTINCT type FROM links")],
        "decade": [str(d) for d in range(1980, 2030, 10)],
        "sort": ["formed", "-formed", "name"],
    }
    return [
        "/links/?"
        + urlencode({k: rng.choice(v) for k, v in sorted(choices.items()) if rng.random() < 0.5})
        for _ in range(n)
    ]


PAGES = {
    "home": lambda db, rng, n: ["/"],
    "directory": directory,
    "link page": lambda db, rng, n: [f"/links/{slug}/" for _, slug in random_links(db, rng, n)],
    "search": lambda db, rng, n: [f"/search/?q={quote(q)}" for q in random_names(db, rng, n)],
}


def measure(env: dict, args) -> dict:
    """Every page of one dataset, with the page cache on and off."""
    database, rng = export(env), random.Random(SEED)
    paths = {page: build(database, rng, args.paths) for page, build in PAGES.items()}
    results, port = {}, free_port()
    for cache in (True, False):
        server = serve_kizuna(env, port, KIZUNA_PAGE_CACHE="1" if cache else "0")
        try:
            for page, listing in paths.items():
                base = f"http://127.0.0.1:{port}"
                load(base, listing, WARM_UP, args.connections, SEED + 1)
                results[(cache, page)] = load(base, listing, args.seconds, args.connections, SEED)
        finally:
            stop(server)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--paths", type=int, default=5000, help="random paths per page")
    args = parser.parse_args()
    ensure_wrk()
    results = {}
    with tempfile.TemporaryDirectory() as temp:
        for label, links in (("real", 0), (f"{args.links:,} synthetic", args.links)):
            env = prepare(Path(temp) / str(links), links)
            for (cache, page), result in measure(env, args).items():
                results[(label, cache, page)] = result
    report(results, args)


def report(results: dict, args):
    print(
        f"wrk: {args.connections} connections, {args.seconds} s per page after a {WARM_UP} s "
        f"warm-up, {args.paths:,} random paths per page; kizuna serve, 2 workers, SQLite (WAL); "
        "latency in ms"
    )
    print(
        f"{'dataset':<20}{'cache':<7}{'page':<11}{'p50':>8}{'p99':>9}{'req/s':>9}{'non-2xx':>9}"
        f"{'cache hits':>12}"
    )
    for (label, cache, page), r in results.items():
        answered = r["hits"] + r["misses"]
        hits = f"{r['hits'] / answered:.0%}" if cache and answered else ""
        print(
            f"{label:<20}{'on' if cache else 'off':<7}{page:<11}{r['p50']:>8.1f}"
            f"{r['p99']:>9.1f}{r['rps']:>9.0f}{r['non_2xx']:>9}{hits:>12}"
        )
    labels = list(dict.fromkeys(label for label, *_ in results))
    print("\nratio of p50, scale / real (same run):")
    for cache in (True, False):
        for page in PAGES:
            real, scale = results[(labels[0], cache, page)], results[(labels[1], cache, page)]
            ratio = f"{scale['p50'] / real['p50']:.2f}" if real["p50"] else "n/a"
            print(f"  cache {'on ' if cache else 'off'} {page:<11} {ratio}")


if __name__ == "__main__":
    main()
