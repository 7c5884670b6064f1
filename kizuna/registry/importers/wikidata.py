"""Compare the registry with Wikidata's "twinned administrative body" (P190) statements.

Usage: `kizuna import-wikidata result.json`, where result.json is a SPARQL query result in the
W3C JSON format (what query.wikidata.org gives for "Download → JSON"). A query that works:

    SELECT ?item ?itemLabel ?twin ?twinLabel ?start ?end ?gss ?jpcode WHERE {
      ?item p:P190 ?statement . ?statement ps:P190 ?twin .
      ?item wdt:P17 wd:Q145 . ?twin wdt:P17 wd:Q17 .
      OPTIONAL { ?statement pq:P580 ?start } OPTIONAL { ?statement pq:P582 ?end }
      OPTIONAL { ?item wdt:P836 ?gss } OPTIONAL { ?twin wdt:P429 ?jpcode }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". } }

Required variables: item, twin (entity URIs). Optional: itemLabel, twinLabel, start, end, gss
(GSS code, P836), jpcode (Japanese local government code, P429). Either side may be the UK or
the Japanese one. Authorities are matched by Wikidata id, then by code. The result is a report
of new, agreeing and conflicting pairs: nothing in the registry is changed.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Authority, Link
from .errors import ImportDataError

ENTITY = re.compile(r"^https?://www\.wikidata\.org/entity/(Q\d+)$")


@dataclass
class Statement:
    line: int
    item: str
    twin: str
    item_label: str = ""
    twin_label: str = ""
    start: str = ""
    end: str = ""
    codes: set[str] = field(default_factory=set)


@dataclass
class Report:
    new: list[str] = field(default_factory=list)
    agree: list[str] = field(default_factory=list)
    conflict: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def read(path: Path) -> list[Statement]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        variables, bindings = data["head"]["vars"], data["results"]["bindings"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ImportDataError(f"not a SPARQL JSON result ({exc})", path=path) from None
    missing = {"item", "twin"} - set(variables)
    if missing:
        raise ImportDataError(f"missing variable(s): {', '.join(sorted(missing))}", path=path)
    return [statement(number, binding, path) for number, binding in enumerate(bindings, 1)]


def statement(number: int, binding: dict, path) -> Statement:
    def value(name: str) -> str:
        return binding.get(name, {}).get("value", "")

    ids = []
    for name in ("item", "twin"):
        match = ENTITY.match(value(name))
        if not match:
            raise ImportDataError(
                f"result {number}: {name} {value(name)!r} is not a Wikidata entity URI",
                path=path,
                field=name,
            )
        ids.append(match.group(1))
    return Statement(
        number,
        *ids,
        value("itemLabel"),
        value("twinLabel"),
        value("start")[:10],
        value("end")[:10],
        {value("gss"), value("jpcode")} - {""},
    )


def compare(statements: list[Statement]) -> Report:
    report = Report()
    by_wikidata = {a.wikidata_id: a for a in Authority.objects.exclude(wikidata_id="")}
    codes = {s_code for s in statements for s_code in s.codes}
    by_code = {a.code: a for a in Authority.objects.filter(code__in=codes)}
    for s in statements:
        found = [
            by_wikidata.get(s.item),
            by_wikidata.get(s.twin),
            *(by_code.get(code) for code in s.codes),
        ]
        label = f"{s.item_label or s.item} – {s.twin_label or s.twin}"
        uk = next((a for a in found if a and a.country == "GB"), None)
        jp = next((a for a in found if a and a.country == "JP"), None)
        if not (uk and jp):
            report.unmatched.append(
                f"{label}: no registry authority for "
                f"{'both sides' if not (uk or jp) else 'one side'}"
            )
            continue
        links = list(Link.objects.filter(uk_authority=uk, jp_authority=jp).order_by("formed", "pk"))
        if not links:
            report.new.append(f"{label} (start {s.start or 'unknown'}): not in the registry")
        elif any(agrees(link, s) for link in links):
            report.agree.append(f"{label}: {links[0].slug}")
        else:
            report.conflict.append(
                f"{label}: Wikidata start {s.start or '-'} end {s.end or '-'}; registry "
                + ", ".join(
                    f"{link.slug} formed {link.formed_display or '-'} ended "
                    f"{link.ended_display or '-'}"
                    for link in links
                )
            )
    return report


def agrees(link: Link, s: Statement) -> bool:
    """Same year formed (or one side silent), and no end date on only one side."""
    start_ok = not (s.start and link.formed) or s.start[:4] == str(link.formed.year)
    end_ok = bool(s.end) == bool(link.ended) or not s.end
    return start_ok and end_ok
