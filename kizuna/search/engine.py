"""Search: the database finds candidates through its trigram index, we rank at most a few
hundred of them.

Ranking, per document, from its best-matching name: exact (100), prefix (95), substring (90),
then rapidfuzz similarity for typos (Yoichii → Yoichi, Gatesead → Gateshead); a match only in a
link's story scores 60. Ties go to authorities that hold links, then to shorter names.
"""

from dataclasses import dataclass

from django.db import connection
from rapidfuzz import fuzz

from .models import Document
from .normalize import normalize

CANDIDATES = 300
FUZZY_THRESHOLD = 75
SHORT = 3  # trigram indexes need three characters; shorter queries scan (別府, 京都)


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    score: float
    name: str


def search(query: str, limit: int = 20) -> dict[str, list[Hit]]:
    """Hits grouped by kind ('authority', 'link'), best first."""
    text = normalize(query)
    if not text:
        return {}
    ids = candidate_ids(text)
    hits: dict[str, list[tuple]] = {}
    for document in Document.objects.filter(id__in=ids):
        score, name = rank(document, text)
        if score:
            hits.setdefault(document.kind, []).append(
                (
                    -score,
                    -document.boost,
                    len(name),
                    document.object_id,
                    Hit(document.kind, document.object_id, score, name),
                )
            )
    return {kind: [row[-1] for row in sorted(rows)[:limit]] for kind, rows in hits.items()}


def rank(document: Document, text: str) -> tuple[float, str]:
    best = (0.0, "")
    for name in document.names:
        if name == text:
            return 100.0, name
        if name.startswith(text):
            score = 95.0
        elif text in name:
            score = 90.0
        else:
            score = fuzz.ratio(text, name)
            score = score if score >= FUZZY_THRESHOLD else 0.0
        best = max(best, (score, name))
    if not best[0] and text in document.text:
        return 60.0, ""
    return best


def candidate_ids(text: str) -> list[int]:
    with connection.cursor() as cursor:
        if len(text) < SHORT:
            cursor.execute(
                "SELECT id FROM search_document WHERE text LIKE %s LIMIT %s",
                [f"%{text}%", CANDIDATES],
            )
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', false)")
            cursor.execute(
                "SELECT id FROM search_document WHERE text LIKE %s OR %s <%% text "
                "ORDER BY word_similarity(%s, text) DESC LIMIT %s",
                [f"%{text}%", text, text, CANDIDATES],
            )
        else:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY bm25(search_fts) LIMIT %s",
                [fts_query(text), CANDIDATES],
            )
        return [row[0] for row in cursor.fetchall()]


def fts_query(text: str) -> str:
    """Any of the query's trigrams, so a typo still finds its neighbours."""
    trigrams = {text[i : i + 3] for i in range(len(text) - 2)}
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in sorted(trigrams))
