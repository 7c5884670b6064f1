"""Load the curated links (data/curated/links/*.yaml) into the registry.

Usage: `kizuna import-links [DIR]`. Every file is parsed and checked before anything is saved;
then authorities, links, their sources and exchanges are upserted in one transaction, so a bad
record (an unknown authority, a malformed date) changes nothing. Unknown authorities are reported
with the nearest names in the register (rapidfuzz).
"""

from pathlib import Path

import yaml
from django.db import transaction
from pydantic import ValidationError
from rapidfuzz import fuzz, process, utils

from ..models import Agreement, Authority, Exchange, Link, Reason, Source
from ..reorganisation import rule_problems
from .curated_schema import AgreementIn, AuthorityIn, CuratedFile, ExchangeIn, LinkIn, SourceIn
from .errors import ImportDataError
from .registers import AuthorityIndex
from .summary import Summary

# libyaml's parser when PyYAML has it (about ten times faster than the pure-Python one).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NAME_MATCH_THRESHOLD = 75  # rapidfuzz WRatio below which a link's uk_name/jp_name is a mistake


def read_file(path: Path) -> CuratedFile:
    """Parse and check one file; errors name the file, the line and the field."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SafeLoader) or {}
    except UnicodeDecodeError:
        raise ImportDataError("not valid UTF-8 text", path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ImportDataError(
            f"not valid YAML ({getattr(exc, 'problem', exc)})",
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None
    try:
        return CuratedFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = first["loc"]
        raise ImportDataError(
            f"{first['msg']} ({len(exc.errors())} problem(s) in the file)",
            path=path,
            line=line_of(yaml.compose(text, Loader=SafeLoader), location),
            field=".".join(str(part) for part in location),
        ) from None


def line_of(node, location: tuple) -> int | None:
    """The YAML line of the deepest node a validation error points at."""
    line = None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


class CuratedLoader:
    """Applies checked files to the database; one instance per import."""

    def __init__(self):
        self.index = AuthorityIndex()
        self.reasons = {reason.slug: reason for reason in Reason.objects.all()}
        self.sources: dict[str, Source] = {}
        self.reason = "import-links"  # the edit summary of the history rows, per file
        self.summaries = {
            name: Summary(name) for name in ("authorities", "links", "exchanges", "sources")
        }

    def load(self, files: list[tuple[Path, CuratedFile]]) -> list[Summary]:
        authorities = [(path, entry) for path, curated in files for entry in curated.authorities]
        with transaction.atomic():
            # Two passes: an entry may name a parent or successor that a later entry adds.
            outcomes = []
            for path, entry in authorities:
                self.reason = change_reason(path)
                outcomes.append(self.apply_authority(entry, path))
            for (path, entry), outcome in zip(authorities, outcomes, strict=True):
                self.reason = change_reason(path)
                moved = self.relate_authority(entry, path)
                self.summaries["authorities"].count(
                    "updated" if moved and outcome == "unchanged" else outcome
                )
            for path, curated in files:
                self.reason = change_reason(path)
                for number, entry in enumerate(curated.links):
                    self.apply_link(entry, path, number)
            check_declared_used(authorities, self.index)
        return list(self.summaries.values())

    # Authorities -----------------------------------------------------------------------------

    def apply_authority(self, entry: AuthorityIn, path: Path) -> str:
        authority = self.index.find(entry.code, entry.iso_code, entry.key)
        values = {
            "code": entry.code,
            "iso_code": entry.iso_code,
            "name_en": entry.name,
            "name_ja": entry.name_ja,
            "name_ja_machine": False if entry.name_ja else None,  # a sourced name wins
            "kana": entry.kana,
            "kind": entry.kind,
            "nation": entry.nation,
            "region": entry.region,
            "latitude": entry.latitude,
            "longitude": entry.longitude,
            "start_date": entry.start,
            "end_date": entry.end,
            "wikidata_id": entry.wikidata,
        }
        values = {k: v for k, v in values.items() if v not in (None, "")}
        if authority is None:
            if not (entry.name and entry.kind):
                raise ImportDataError(
                    f"authority {entry.ref} is not in the register: give its name and kind to "
                    f"add it",
                    path=path,
                    field="authorities",
                )
            authority = Authority(
                country=entry.country,
                slug=self.index.free_slug(
                    entry.key or f"{entry.country.lower()}-{entry.code}".lower()
                ),
            )
        elif authority.country != entry.country:
            raise ImportDataError(
                f"authority {entry.ref} is in {authority.country}, not {entry.country}",
                path=path,
                field="authorities",
            )
        names = entry.other_names
        if authority.pk and entry.name:
            # The register owns an existing authority's English name; ours becomes another name.
            del values["name_en"]
            names = [entry.name, *names]
        values["other_names"] = authority.other_names + [
            n for n in names if n not in authority.other_names and n != authority.name_en
        ]
        created = authority.pk is None
        changed = save_changes(authority, values, self.reason)
        sources = [self.source(s) for s in entry.sources]
        added = set(sources) - set(authority.sources.all())
        authority.sources.add(*added)
        self.index.add(authority)
        return "created" if created else "updated" if changed or added else "unchanged"

    def relate_authority(self, entry: AuthorityIn, path: Path) -> bool:
        authority = self.index.find(entry.code, entry.iso_code, entry.key)
        values = {}
        for field, ref in (("parent", entry.parent), ("replaced_by", entry.replaced_by)):
            if ref:
                values[field] = self.resolve(ref, None, path, f"authorities {entry.ref} {field}")
        # A town council lies in its parent's nation; a former council in its successor's.
        neighbour = values.get("parent") or values.get("replaced_by")
        if neighbour and not (entry.nation or authority.nation):
            values["nation"], values["region"] = neighbour.nation, neighbour.region
        return save_changes(authority, values, self.reason)

    # Links -------------------------------------------------------------------------------------

    def apply_link(self, entry: LinkIn, path: Path, number: int) -> None:
        where = f"links[{number}] ({entry.label})"
        uk = self.resolve(entry.uk, "GB", path, f"{where} uk", entry.uk_name)
        jp = self.resolve(entry.jp, "JP", path, f"{where} jp", entry.jp_name)
        unknown = [slug for slug in entry.reasons if slug not in self.reasons]
        if unknown:
            raise ImportDataError(
                f"{where}: unknown reason(s) {', '.join(unknown)}; known: "
                f"{', '.join(sorted(self.reasons))}",
                path=path,
            )
        link = Link.objects.filter(uk_authority=uk, jp_authority=jp, type=entry.type).first()
        created = link is None
        link = link or Link(uk_authority=uk, jp_authority=jp, type=entry.type)
        changed = save_changes(link, link_values(entry), self.reason)
        changed |= set_related(link.reasons, [self.reasons[s] for s in entry.reasons])
        changed |= set_related(link.sources, [self.source(s) for s in entry.sources])
        for wikidata, authority in ((entry.wikidata_uk, uk), (entry.wikidata_jp, jp)):
            if wikidata:
                save_changes(authority, {"wikidata_id": wikidata}, self.reason)
        for exchange in entry.exchanges:
            self.apply_exchange(link, exchange)
        changed |= self.apply_agreements(link, entry.agreements, path, where)
        problems = rule_problems(link)
        if problems:
            raise ImportDataError(
                f"{where} breaks the rule for reorganised councils (data/curated/README.md): "
                + "; ".join(problems),
                path=path,
                field="agreements",
            )
        self.summaries["links"].count(
            "created" if created else "updated" if changed else "unchanged"
        )

    def apply_exchange(self, link: Link, entry: ExchangeIn) -> None:
        exchange = Exchange.objects.filter(link=link, date=entry.date.date, kind=entry.kind).first()
        created = exchange is None
        exchange = exchange or Exchange(link=link, date=entry.date.date, kind=entry.kind)
        changed = save_changes(
            exchange,
            {
                "date_precision": entry.date.precision,
                "direction": entry.direction,
                "participants": entry.participants,
                "description_en": entry.description_en,
                "description_ja": entry.description_ja,
            },
            self.reason,
        )
        changed |= set_related(exchange.sources, [self.source(s) for s in entry.sources])
        self.summaries["exchanges"].count(
            "created" if created else "updated" if changed else "unchanged"
        )

    def apply_agreements(
        self, link: Link, entries: list[AgreementIn], path: Path, where: str
    ) -> bool:
        """Make the link's agreements those of the file: the file is the record of its history."""
        kept, changed = [], False
        for number, entry in enumerate(entries):
            agreement = Agreement.objects.filter(
                link=link, date=entry.date.date, kind=entry.kind
            ).first() or Agreement(link=link, date=entry.date.date, kind=entry.kind)
            changed |= save_changes(
                agreement,
                {
                    "date_precision": entry.date.precision,
                    "note_en": entry.note_en,
                    "note_ja": entry.note_ja,
                },
                self.reason,
            )
            signatories = [
                self.resolve(ref, None, path, f"{where} agreements[{number}] signatories")
                for ref in entry.signatories
            ]
            changed |= set_related(agreement.signatories, signatories)
            changed |= set_related(agreement.sources, [self.source(s) for s in entry.sources])
            kept.append(agreement.pk)
        stale = list(link.agreements.exclude(pk__in=kept))
        for agreement in stale:
            agreement._change_reason = self.reason
            agreement.delete()
        return bool(stale) or changed

    # Shared ------------------------------------------------------------------------------------

    def resolve(
        self, ref: str, country: str | None, path: Path, where: str, name: str | None = None
    ) -> Authority:
        authority = self.index.find(ref)
        if authority is None or (country and authority.country != country):
            raise ImportDataError(
                f"{where}: unknown authority {ref!r}"
                f"{f' ({name})' if name else ''}; nearest: "
                f"{self.nearest(name or ref, country)}",
                path=path,
            )
        if name and name_score(name, authority) < NAME_MATCH_THRESHOLD:
            raise ImportDataError(
                f"{where}: {ref} is {authority.name_en}, not {name!r}; "
                f"nearest to {name!r}: {self.nearest(name, country)}",
                path=path,
            )
        return authority

    def nearest(self, text: str, country: str | None) -> str:
        choices = {
            a.pk: f"{a.name_en} {a.name_ja} ({a.code or a.slug})"
            for a in set(self.index.by_key.values())
            if country is None or a.country == country
        }
        matches = process.extract(
            text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=3
        )
        return ", ".join(match for match, _score, _key in matches) or "none"

    def source(self, entry: SourceIn) -> Source:
        key = entry.url or entry.title
        if key not in self.sources:
            lookup = {"url": entry.url} if entry.url else {"url": "", "title": entry.title}
            source = Source.objects.filter(**lookup).first()
            created = source is None
            source = source or Source(**lookup)
            changed = save_changes(source, entry.model_dump(exclude={"url"}), self.reason)
            self.summaries["sources"].count(
                "created" if created else "updated" if changed else "unchanged"
            )
            self.sources[key] = source
        return self.sources[key]


def change_reason(path: Path) -> str:
    """'import-links links/england.yaml': which import wrote a history row."""
    return f"import-links {path.parent.name}/{path.name}"


def link_values(entry: LinkIn) -> dict:
    return {
        "status": entry.status,
        "formed": entry.formed.date if entry.formed else None,
        "formed_precision": entry.formed.precision if entry.formed else "year",
        "formed_basis_en": entry.formed_basis,
        "formed_basis_ja": entry.formed_basis_ja,
        "formed_note": entry.formed_note,
        "formed_note_ja": entry.formed_note_ja,
        "ended": entry.ended.date if entry.ended else None,
        "ended_precision": entry.ended.precision if entry.ended else "year",
        "clair_criteria": entry.clair_criteria,
        "confidence": entry.confidence,
        "story_en": entry.story_en,
        "story_ja": entry.story_ja,
    }


def name_score(name: str, authority: Authority) -> float:
    names = [authority.name_en, authority.name_ja, authority.romaji_plain, *authority.other_names]
    return max(
        fuzz.WRatio(name, candidate, processor=utils.default_process)
        for candidate in names
        if candidate
    )


def save_changes(obj, values: dict, reason: str) -> bool:
    """Set the values that differ and save; True if anything changed (or obj is new). Its
    history rows, this save's and those of relations set on it next, carry `reason`."""
    obj._change_reason = reason
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    for key in changed:
        setattr(obj, key, values[key])
    if obj.pk is None or changed:
        obj.save()
        return True
    return False


def set_related(manager, objects: list) -> bool:
    if {o.pk for o in objects} == set(manager.values_list("pk", flat=True)):
        return False
    manager.set(objects)
    return True


def load_directory(directory: Path) -> list[Summary]:
    """Check every authorities/*.yaml and links/*.yaml file under `directory`, then load them
    all in one transaction (authorities files first: links may name what they add)."""
    directory = Path(directory)
    paths = sorted(directory.glob("authorities/*.yaml")) + sorted(directory.glob("links/*.yaml"))
    if not paths:
        raise ImportDataError("no authorities/*.yaml or links/*.yaml files", path=directory)
    files = [(path, read_file(path)) for path in paths]
    check_unique_links(files)
    return CuratedLoader().load(files)


def check_declared_used(authorities: list[tuple[Path, AuthorityIn]], index: AuthorityIndex) -> None:
    """An authority the curated data declares (one it gives a kind, as for a former council or a
    town council) is there for a link: as one of its sides or a signatory of its agreements."""
    for path, entry in authorities:
        if entry.kind is None:
            continue  # facts about a register authority (a sourced Japanese name), not a party
        authority = index.find(entry.code, entry.iso_code, entry.key)
        used = (
            authority.links_as_uk.exists()
            or authority.links_as_jp.exists()
            or authority.agreements.exists()
        )
        if not used:
            raise ImportDataError(
                f"authority {entry.ref} ({authority.name_en}) is declared but no link or "
                f"agreement names it",
                path=path,
                field="authorities",
            )


def check_unique_links(files: list[tuple[Path, CuratedFile]]) -> None:
    """The same pair and type twice would silently overwrite one record with the other."""
    seen: dict[tuple, Path] = {}
    for path, curated in files:
        for number, link in enumerate(curated.links):
            key = (link.uk, link.jp, link.type)
            if key in seen:
                raise ImportDataError(
                    f"links[{number}] ({link.label}, {link.type}) is already in {seen[key].name}",
                    path=path,
                )
            seen[key] = path
