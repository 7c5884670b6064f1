"""Matching a query against every authority's names, in memory.

The two registers hold about 2,300 authorities (some 11,000 normalized names, from the search
index's authority documents). Each process keeps them, with their words for per-word typos,
and loads them again when the data version changes (one small query per search tells it), so
several workers or hosts never disagree for long. Scanning them all costs a few milliseconds
whatever the query's length: 余市 and 京都, shorter than a trigram, are ranked like any name.

Scores, per name: exact (100), prefix (95), a whole word (92: "hull" finds Kingston upon Hull
before Solihull), substring (90); else the better of two similarities (rapidfuzz, 0–100, at
least FUZZY): the whole query against the whole name (Gatesead → Gateshead), or each query
word against its closest word of the name, every word close enough (Kingstn upon Hull, Bath and
North East Somerest, St Ivess → St Ives Town Council (Cornwall)).
"""

import heapq
from bisect import bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kizuna.registry.models import Authority, DataVersion

from .models import Document, Kind
from .normalize import normalize

EXACT, PREFIX, WORD, SUBSTRING = 100.0, 95.0, 92.0, 90.0
FUZZY = 75


@dataclass(frozen=True)
class Match:
    authority_id: int
    score: float
    name: str  # the name that matched best
    boost: int  # ties go to authorities with links, then prefectures (documents.py)


class Names:
    """Every authority's names, flat (grouped by authority), with what matching needs."""

    def __init__(self, documents: list[tuple[int, list[str], int]], codes: dict[int, str]):
        self.names = [name for _, names, _ in documents for name in names]
        self.owner = [i for i, (_, names, _) in enumerate(documents) for _ in names]
        self.ids = [authority_id for authority_id, _, _ in documents]
        self.boosts = [boost for _, _, boost in documents]
        owners = {authority_id: owner for owner, authority_id in enumerate(self.ids)}
        self.codes = {normalize(code): owners[i] for i, code in codes.items() if i in owners}
        # All names in one string, so a substring is found at C speed, and where each begins.
        self.haystack = "\n" + "\n".join(self.names) + "\n"
        self.starts, offset = [], 1
        for name in self.names:
            self.starts.append(offset)
            offset += len(name) + 1
        # Every distinct word, the names holding it, and each name's words.
        self.vocabulary: dict[str, int] = {}
        self.name_words = [
            [self.vocabulary.setdefault(word, len(self.vocabulary)) for word in name.split(" ")]
            for name in self.names
        ]
        self.words = list(self.vocabulary)
        self.postings: list[set[int]] = [set() for _ in self.words]
        for index, words in enumerate(self.name_words):
            for word in words:
                self.postings[word].add(index)

    def match(self, text: str, limit: int) -> list[Match]:
        """The `limit` authorities whose names best match `text` (normalized), best first."""
        scores = self.word_similarity(text.split(" "))
        for index, score in [*self.similarity(text), *self.substrings(text)]:
            scores[index] = max(scores.get(index, 0.0), score)
        best: dict[int, tuple[float, int, str]] = {}
        found = [(self.owner[index], score, self.names[index]) for index, score in scores.items()]
        if text in self.codes:  # E08000037, 014087: exact only, never a typo of another
            found.append((self.codes[text], EXACT, text))
        for owner, score, name in found:
            mine = (score, -len(name), name)
            best[owner] = max(best.get(owner, mine), mine)
        ranked = heapq.nsmallest(
            limit,
            best.items(),
            key=lambda item: (-item[1][0], -self.boosts[item[0]], -item[1][1], self.ids[item[0]]),
        )
        return [Match(self.ids[o], s, name, self.boosts[o]) for o, (s, _, name) in ranked]

    def substrings(self, text: str):
        """(name index, tier) for every name containing `text`, found in the joined names."""
        position = self.haystack.find(text)
        while position != -1:
            index = bisect_right(self.starts, position) - 1
            start, name = self.starts[index], self.names[index]
            if position == start:
                yield index, EXACT if len(text) == len(name) else PREFIX
            else:
                yield index, WORD if f" {text}" in name else SUBSTRING
            position = self.haystack.find(text, start + len(name) + 1)  # the next name on

    def similarity(self, text: str) -> list[tuple[int, float]]:
        """The whole query against each whole name."""
        found = process.extract(text, self.names, scorer=fuzz.ratio, score_cutoff=FUZZY, limit=None)
        return [(index, score) for _, score, index in found]

    def word_similarity(self, words: list[str]) -> dict[int, float]:
        """Each query word against its closest word of each name: {name index: the mean} for
        names where every query word finds one (at most WORD: whole words in any order)."""
        close = [self.close_words(word) for word in words]
        if not all(close):
            return {}
        holding = [set().union(*(self.postings[w] for w in near)) for near in close]
        scores = {}
        for index in set.intersection(*holding):
            best = [max(near.get(w, 0.0) for w in self.name_words[index]) for near in close]
            scores[index] = min(sum(best) / len(best), WORD)
        return scores

    def close_words(self, word: str) -> dict[int, float]:
        """{word index: similarity} of the name words at least FUZZY close to `word`."""
        if word in self.vocabulary:
            return {self.vocabulary[word]: 100.0}
        found = process.extract(word, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY, limit=None)
        return {index: score for _, score, index in found}


_loaded: tuple[tuple, Names] | None = None


def current() -> Names:
    """This process's names, loaded again when the data version has moved on."""
    global _loaded
    version = DataVersion.latest()
    key = (version.number, version.changed)  # the time tells apart equal numbers (a restore)
    if _loaded is None or _loaded[0] != key:
        _loaded = (key, load())
    return _loaded[1]


def load() -> Names:
    documents = list(
        Document.objects.filter(kind=Kind.AUTHORITY)
        .order_by("object_id")
        .values_list("object_id", "names", "boost")
    )
    return Names(documents, dict(Authority.objects.exclude(code="").values_list("id", "code")))
