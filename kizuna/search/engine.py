"""Search: authorities by their names, in memory (names.py); links through the authorities
found, by their indexed foreign keys; then links whose story holds the query.

A link found through an authority ranks with it (its best-ranked party: either side or an
authority that signed one of its agreements, README "Reorganised councils"), so thousands of
links naming Kyoto never push Kyoto itself out, and a link's rows are fetched only for the
authorities the answer needs. A match only in a story scores 60, after every name; stories
are searched for three characters or more (the trigram index's reach: FTS5 on SQLite, pg_trgm
on PostgreSQL, migration 0002).
"""

from dataclasses import dataclass

from django.db import connection

from kizuna.registry.models import Agreement, Link

from . import names
from .models import Kind
from .normalize import normalize

STORY = 60.0
SHORT = 3  # trigram indexes need three characters
REACH = 100  # the best-ranked authorities whose links are counted
COUNT_LINKS = "SELECT authority_id, COUNT(DISTINCT link_id) FROM ({}) p GROUP BY authority_id"


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
    matches = names.current().match(text, max(limit, REACH))
    authorities = [Hit("authority", m.authority_id, m.score, m.name) for m in matches[:limit]]
    links = links_of(matches, limit)
    if len(links) < limit and len(text) >= SHORT:
        known = {hit.object_id for hit in links}
        stories = [i for i in story_link_ids(text, limit + len(known)) if i not in known]
        links += [Hit("link", i, STORY, "") for i in stories[: limit - len(links)]]
    return {kind: hits for kind, hits in (("authority", authorities), ("link", links)) if hits}


def links_of(matches: list[names.Match], limit: int) -> list[Hit]:
    """The links of the best-ranked authorities, `limit` of them, each ranked with its best
    party. Links are counted first (the first `limit` authorities, then up to REACH if they
    hold too few), so rows are read only for the authorities that fill `limit`."""
    chosen, total = [], 0
    for batch in (matches[:limit], matches[limit:REACH]):
        counts = dict(pairs(COUNT_LINKS, [match.authority_id for match in batch]))
        for match in batch:
            if total < limit and counts.get(match.authority_id):
                chosen.append(match)
                total += counts[match.authority_id]
        if total >= limit:
            break
    rank = {match.authority_id: n for n, match in enumerate(chosen)}
    best: dict[int, int] = {}
    for link_id, authority_id in pairs("SELECT link_id, authority_id FROM ({}) p", list(rank)):
        best[link_id] = min(best.get(link_id, rank[authority_id]), rank[authority_id])
    ranked = sorted(best.items(), key=lambda item: (item[1], item[0]))[:limit]
    return [Hit("link", i, chosen[n].score, chosen[n].name) for i, n in ranked]


def pairs(outer: str, authority_ids: list[int]) -> list[tuple]:
    """Run `outer` over (link_id, authority_id): every link of these authorities, by side or
    by signature, each through its foreign key's index."""
    if not authority_ids:
        return []
    marks = ", ".join(["%s"] * len(authority_ids))
    link, agreement = Link._meta.db_table, Agreement._meta.db_table
    signatory = Agreement.signatories.through._meta.db_table
    inner = (
        f"SELECT id AS link_id, uk_authority_id AS authority_id FROM {link} "
        f"WHERE uk_authority_id IN ({marks}) "
        f"UNION ALL SELECT id, jp_authority_id FROM {link} WHERE jp_authority_id IN ({marks}) "
        f"UNION ALL SELECT a.link_id, s.authority_id FROM {signatory} s "
        f"JOIN {agreement} a ON a.id = s.agreement_id WHERE s.authority_id IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(outer.format(inner), authority_ids * 3)
        return cursor.fetchall()


def story_link_ids(text: str, limit: int) -> list[int]:
    """Links whose story holds `text`, in index order (they tie at STORY)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT object_id FROM search_document WHERE kind = %s AND text LIKE %s "
                "ORDER BY id LIMIT %s",
                [Kind.LINK.value, f"%{escape_like(text)}%", limit],
            )
        else:
            cursor.execute(
                "SELECT d.object_id FROM search_fts f JOIN search_document d ON d.id = f.rowid "
                "WHERE search_fts MATCH %s AND d.kind = %s ORDER BY f.rowid LIMIT %s",
                ['"' + text.replace('"', '""') + '"', Kind.LINK.value, limit],
            )
        return [row[0] for row in cursor.fetchall()]


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
