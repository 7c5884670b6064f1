"""Search latency and quality for many different queries, on the database DATABASE_URL names.

    DATABASE_URL=sqlite:////tmp/k.sqlite3 .venv/bin/python bench/search_latency.py [--queries N]

Point it at a database filled with `kizuna import-registers` and `kizuna generate-scale-data
--links 100000` (the figures in issue 8 are for that). It picks random authorities from both
registers and searches each once by a spelling a visitor may type: English, kanji (余市町), the
short kanji without 市町村 (余市, 京都: shorter than a trigram), kana, romaji, or a name with one
typo in one word ("Kingstn upon Hull"). Every query is different, so the API's response cache
never answers (its misses are measured, as a visitor meets them). Prints p50/p99 of the engine
(kizuna.search.engine.search) and of the whole API request through Django's test Client, per
kind of query, and how often the searched authority (or a namesake) came first. Not a test.
"""

import argparse
import os
import random
import statistics
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kizuna.settings")
os.environ.setdefault("SECRET_KEY", "bench-search-latency")
os.environ["KIZUNA_API_RATE"] = ""  # one client sends every request: no rate limit

import django  # noqa: E402

django.setup()
warnings.filterwarnings("ignore", message="No directory at")  # static files: not measured

from django.test import Client  # noqa: E402

from kizuna.registry.models import Authority  # noqa: E402
from kizuna.search.engine import search  # noqa: E402
from kizuna.search.normalize import normalize  # noqa: E402

SUFFIXES = "市区町村都府県"


def spellings(authority: Authority) -> dict[str, str]:
    """{kind of query: what a visitor types} for one authority."""
    kinds = {"english": authority.name_en}
    if authority.country == "JP":
        kinds["kanji"] = authority.name_ja
        if authority.name_ja[-1:] in SUFFIXES and len(authority.name_ja) == 3:
            kinds["short kanji"] = authority.name_ja[:-1]
        if authority.kana:
            kinds["kana"] = authority.kana
    words = authority.name_en.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    if len(words[longest]) >= 6:  # a slip in a short word makes another name (Oka, Ota)
        kinds["typo"] = " ".join([*words[:longest], typo(words[longest]), *words[longest + 1 :]])
    return kinds


def typo(word: str) -> str:
    """One slip of the keyboard inside a word: a letter dropped, doubled or swapped."""
    i = random.randrange(2, len(word) - 1)
    return random.choice(
        [
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :],
        ]
    )


def queries(count: int) -> list[tuple[str, str, Authority]]:
    authorities = list(Authority.objects.all())
    picked, seen = [], set()
    while len(picked) < count:
        authority = random.choice(authorities)
        kind, text = random.choice(list(spellings(authority).items()))
        if normalize(text) not in seen:
            seen.add(normalize(text))
            picked.append((kind, text, authority))
    return picked


def found_first(hits, authority: Authority) -> bool:
    """The searched authority, or a namesake (there are several 大野町), came first."""
    if not hits.get("authority"):
        return False
    top = Authority.objects.get(pk=hits["authority"][0].object_id)
    return top.pk == authority.pk or top.name_en == authority.name_en


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - start) * 1000, result


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def report(title: str, by_kind: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"{'query':<14}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}")
    everything = [v for values in by_kind.values() for v in values]
    for kind, values in sorted(by_kind.items()) + [("all", everything)]:
        print(
            f"{kind:<14}{len(values):>6}{percentile(values, 0.5):>10.1f}"
            f"{percentile(values, 0.99):>10.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    random.seed(args.seed)
    picked = queries(args.queries)
    first_ms, _ = timed(search, "warm up")
    print(f"first search in this process (loads what it needs): {first_ms:.0f} ms")
    engine, api, right = defaultdict(list), defaultdict(list), defaultdict(list)
    missed = []
    client = Client(HTTP_HOST="127.0.0.1")
    for kind, text, authority in picked:
        ms, hits = timed(search, text)
        engine[kind].append(ms)
        right[kind].append(found_first(hits, authority))
        if not right[kind][-1]:
            missed.append(text)
        ms, response = timed(client.get, "/api/v1/search", {"q": text})
        assert response.status_code == 200, (text, response.status_code)
        api[kind].append(ms)
    report("engine (search())", engine)
    report("API request (/api/v1/search, test Client, response cache missing)", api)
    print("\nsearched authority (or a namesake) first:")
    for kind, values in sorted(right.items()):
        print(f"  {kind:<12} {sum(values)}/{len(values)}")
    print("  e.g. missed:", ", ".join(missed[:15]))


if __name__ == "__main__":
    main()
