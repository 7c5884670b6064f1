"""Kizuna as served against Datasette on the same synthetic links, for a varied workload.

    .venv/bin/python bench/varied.py [--links 100000] [--seconds 8] [--connections 16]
                                     [--paths 5000] [--redis [URL]]

Real traffic is a long tail, so every request takes a random path from a list of thousands
(bench/random_paths.lua; the same seeded sequence for both servers): random link slugs, random
authorities (code or slug) for the links-of-an-authority filter, random names from both
registers (English and Japanese) as search queries. The dataset (`kizuna generate-scale-data`)
lives in a throwaway KIZUNA_VAR_DIR and is exported with `kizuna export --format sqlite` for
Datasette, which runs with counts and facets off. Kizuna runs `kizuna serve` (2 workers, its
caches on, the API rate limit off) on its local-memory cache, or with --redis on a Redis
database that the benchmark empties first (default redis://127.0.0.1:6379/13).

Each query in turn, each server after a warm-up pass (another seed, WARM_UP seconds), under wrk
(Debian's package). Prints throughput, p50/p99 latency, non-2xx answers, Kizuna ÷ Datasette
(throughput and p99) and the share of Kizuna's answers its response cache served (X-Cache).
Not a test.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import quote

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
    serve_datasette,
    serve_kizuna,
    stop,
)

SEED = 8
WARM_UP = 2  # seconds
REDIS = "redis://127.0.0.1:6379/13"
SIDES = ("kizuna", "datasette")  # the order of each query's pair of paths
TABLE = "&_nocount=1&_nofacet=1"  # Datasette's table views without counts and facets


def link_detail(db: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    links = random_links(db, rng, n)
    return [(f"/api/v1/links/{slug}", f"/{db.stem}/links/{id_}.json") for id_, slug in links]


def link_page(db: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    links = random_links(db, rng, n)
    return [(f"/links/{slug}/", f"/{db.stem}/links/{id_}") for id_, slug in links]


def authority_links(db: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    """Kizuna's filter takes an authority's code or slug and adds the links of the authorities
    within it; Datasette filters one column. So only authorities with no linked ones within
    them: the same links on both sides (50 a page)."""
    linked = {
        (column, ref)  # links name an authority by its code, else its slug
        for column in ("uk_code", "jp_code")
        for (ref,) in rows(db, f"SELECT DISTINCT {column} FROM links")
    }
    refs = {ref for _, ref in linked}
    authorities = rows(db, "SELECT code, slug, parent_code FROM authorities")
    parents = {parent for code, slug, parent in authorities if (code or slug) in refs}
    names = {code or slug: [name for name in (code, slug) if name] for code, slug, _ in authorities}
    pool = sorted((column, ref) for column, ref in linked if ref not in parents)
    return [
        (
            f"/api/v1/links?authority={quote(rng.choice(names[ref]))}",
            f"/{db.stem}/links.json?{column}={quote(ref)}&_size=50{TABLE}",
        )
        for column, ref in rng.choices(pool, k=n)
    ]


def search(db: Path, rng: random.Random, n: int) -> list[tuple[str, str]]:
    """Kizuna searches authorities and links in one request; Datasette's `_search=` one table a
    request, authorities and links in turn: at most half Kizuna's work per request."""
    return [
        (
            f"/api/v1/search?q={quote(name)}",
            f"/{db.stem}/{('authorities', 'links')[i % 2]}.json?_search={quote(name)}"
            f"&_size=20{TABLE}",
        )
        for i, name in enumerate(random_names(db, rng, n))
    ]


QUERIES = {
    "link detail": link_detail,
    "link page": link_page,
    "authority links": authority_links,
    "search": search,
}


def redis_cache(url: str | None) -> dict:
    """The settings for Kizuna's cache: local memory, or an emptied Redis database."""
    if url is None:
        return {}
    try:
        import redis  # noqa: F401  (Django's Redis cache needs it)
    except ImportError:
        sys.exit("--redis: install the redis package in Kizuna's environment first")
    subprocess.run(["redis-cli", "-u", url, "flushdb"], check=True, stdout=subprocess.DEVNULL)
    return {"REDIS_URL": url}


def check(kizuna: str, datasette: str, pairs: list[tuple[str, str]]):
    """Both sides answer 200 (urlopen raises otherwise), and Datasette's `_search=` really uses
    full-text search (it ignores the parameter on a table whose FTS index it cannot find)."""
    for kizuna_path, datasette_path in pairs[:2]:
        urllib.request.urlopen(kizuna + kizuna_path, timeout=60).read()
        answer = urllib.request.urlopen(datasette + datasette_path, timeout=60).read()
        if "_search=" in datasette_path and "_fts" not in json.loads(answer)["query"]["sql"]:
            raise RuntimeError(f"Datasette ignored full-text search: {datasette_path}")


def measure(servers: dict[str, str], queries: dict, args) -> dict:
    results = {}
    for query, pairs in queries.items():
        check(servers["kizuna"], servers["datasette"], pairs)
        for side, server in enumerate(SIDES):
            paths = [pair[side] for pair in pairs]
            load(servers[server], paths, WARM_UP, args.connections, seed=SEED + 1)
            results[(query, server)] = load(
                servers[server], paths, args.seconds, args.connections, SEED
            )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--paths", type=int, default=5000, help="random paths per query")
    parser.add_argument("--redis", nargs="?", const=REDIS, metavar="URL", help=f"default {REDIS}")
    args = parser.parse_args()
    ensure_wrk()
    cache = redis_cache(args.redis)
    with tempfile.TemporaryDirectory() as temp:
        env = prepare(Path(temp), args.links)
        database = export(env)
        rng = random.Random(SEED)
        queries = {name: build(database, rng, args.paths) for name, build in QUERIES.items()}
        ports = {server: free_port() for server in SIDES}
        processes = []
        try:
            processes.append(serve_kizuna(env, ports["kizuna"], **cache))
            processes.append(serve_datasette(database, ports["datasette"]))
            servers = {server: f"http://127.0.0.1:{port}" for server, port in ports.items()}
            results = measure(servers, queries, args)
        finally:
            for process in processes:
                stop(process)
    report(results, args)


def report(results: dict, args):
    cache = f"Redis at {args.redis}" if args.redis else "local memory"
    print(
        f"{args.links:,} synthetic links; {args.paths:,} random paths per query, the same seeded "
        f"sequence for both servers; wrk 2 threads, {args.connections} connections, "
        f"{args.seconds} s per query after a {WARM_UP} s warm-up; latency in ms"
    )
    print(f"kizuna: kizuna serve, 2 workers, caches on, {cache}; datasette: counts, facets off")
    print(
        f"{'query':<17}{'server':<11}{'req/s':>8}{'p50':>9}{'p99':>9}{'non-2xx':>9}"
        f"{'cache hits':>16}"
    )
    for (query, server), r in results.items():
        answered = r["hits"] + r["misses"]
        hits = f"{r['hits'] / answered:.0%} of {answered}" if answered else ""
        errors = f"  socket errors: {r['socket_errors']}" if r["socket_errors"] else ""
        print(
            f"{query:<17}{server:<11}{r['rps']:>8.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
            f"{r['non_2xx']:>9}{hits:>16}{errors}"
        )
    print("\nKizuna ÷ Datasette (same run): throughput (higher is better), p99 (lower is better)")
    for query in QUERIES:
        k, d = results[(query, "kizuna")], results[(query, "datasette")]
        if not (k["requests"] and d["requests"]):
            print(f"  {query:<17}  n/a (a server answered nothing in {args.seconds} s)")
            continue
        print(f"  {query:<17}{k['rps'] / d['rps']:>6.2f}×{k['p99'] / d['p99']:>9.2f}×")


if __name__ == "__main__":
    main()
