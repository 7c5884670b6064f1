"""The history of registry objects: each object's versions with a readable field-by-field diff,
the site-wide recent changes, and reverting to an earlier version (staff).

Versions are django-simple-history rows. A page of versions costs the same few queries however
many versions it shows: the rows with their users, their many-to-many rows (prefetched), and the
names of the objects they point to (one query per related model). Plain fields are compared with
simple-history's `diff_against`; relations compare the prefetched rows, because `diff_against`
queries them again for every pair of versions.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from simple_history.utils import get_m2m_reverse_field_name

from kizuna.registry.models import Agreement, Authority, Exchange, Link, Reason, Source

from . import editing

MODELS = {
    "authority": Authority,
    "link": Link,
    "exchange": Exchange,
    "source": Source,
    "agreement": Agreement,
}
KIND_LABELS = {
    "authority": _lazy("authority"),
    "link": _lazy("link"),
    "exchange": _lazy("exchange"),
    "source": _lazy("source"),
    "agreement": _lazy("agreement"),
}
TYPE_LABELS = {"+": _lazy("created"), "~": _lazy("changed"), "-": _lazy("deleted")}
ACTIONS = {
    "+": _lazy("created %(kind)s"),
    "~": _lazy("changed %(kind)s"),
    "-": _lazy("deleted %(kind)s"),
}
# Field labels in both languages (the models' verbose names are English only).
LABELS = {
    "country": _lazy("Country"),
    "kind": _lazy("Kind"),
    "slug": _lazy("Address (slug)"),
    "code": _lazy("Official code"),
    "iso_code": _lazy("ISO 3166-2 code"),
    "name_en": _lazy("English name"),
    "name_ja": _lazy("Japanese name"),
    "name_ja_machine": _lazy("Japanese name is machine-made"),
    "kana": _lazy("Reading (kana)"),
    "romaji": _lazy("Romaji"),
    "romaji_plain": _lazy("Romaji without macrons"),
    "other_names": _lazy("Other names"),
    "parent": _lazy("Part of"),
    "nation": _lazy("Nation"),
    "region": _lazy("Region"),
    "latitude": _lazy("Latitude"),
    "longitude": _lazy("Longitude"),
    "population": _lazy("Population"),
    "population_year": _lazy("Population year"),
    "population_source": _lazy("Population source"),
    "website": _lazy("Website"),
    "wikidata_id": _lazy("Wikidata ID"),
    "start_date": _lazy("Start date"),
    "end_date": _lazy("Existed until"),
    "replaced_by": _lazy("Replaced by"),
    "uk_authority": _lazy("UK authority"),
    "jp_authority": _lazy("Japanese authority"),
    "type": _lazy("Type"),
    "status": _lazy("Status"),
    "formed": _lazy("Formed"),
    "formed_precision": _lazy("Precision of the formed date"),
    "formed_basis_en": _lazy("Basis of the date (English)"),
    "formed_basis_ja": _lazy("Basis of the date (Japanese)"),
    "formed_note": _lazy("About the date (English)"),
    "formed_note_ja": _lazy("About the date (Japanese)"),
    "ended": _lazy("Ended"),
    "ended_precision": _lazy("Precision of the end date"),
    "clair_criteria": _lazy("Meets CLAIR's criteria for a sister relationship"),
    "confidence": _lazy("Confidence"),
    "reasons": _lazy("Reasons"),
    "story_en": _lazy("Story (English)"),
    "story_ja": _lazy("Story (Japanese)"),
    "sources": _lazy("Sources"),
    "link": _lazy("Link"),
    "date": _lazy("Date"),
    "date_precision": _lazy("Precision of the date"),
    "direction": _lazy("Direction"),
    "participants": _lazy("Participants"),
    "description_en": _lazy("Description (English)"),
    "description_ja": _lazy("Description (Japanese)"),
    "url": _lazy("Web address"),
    "title": _lazy("Title"),
    "publisher": _lazy("Publisher"),
    "accessed": _lazy("Accessed"),
    "signatories": _lazy("Signatories"),
    "note_en": _lazy("Note (English)"),
    "note_ja": _lazy("Note (Japanese)"),
}
HIDDEN = {"id"}  # the same in every version


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class Version:
    """One history row, as people read it."""

    kind: str  # a key of MODELS
    record: object  # the simple-history row
    subject: object  # the object as this version left it, its relations filled in
    changes: list[FieldChange] = field(default_factory=list)
    url: str | None = None  # the object's public page, while it exists

    @property
    def id(self) -> int:
        return self.record.history_id

    @property
    def object_id(self) -> int:
        return self.record.id

    @property
    def when(self) -> dt.datetime:
        return self.record.history_date

    @property
    def type(self) -> str:
        return self.record.history_type

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def action(self) -> str:
        """'changed link', in the visitor's language."""
        return ACTIONS[self.type] % {"kind": self.kind_label}

    @property
    def summary(self) -> str:
        return self.record.history_change_reason or ""

    @property
    def who(self) -> str:
        user = self.record.history_user
        if user is not None:
            return user.email or user.get_username()
        return _("import") if self.summary.startswith("import") else _("system")


def model_for(kind: str):
    """The registry model a URL names (authority, link, …); LookupError if none."""
    try:
        return MODELS[kind]
    except KeyError:
        raise LookupError(f"no history for {kind!r}") from None


def kind_of(model) -> str:
    return next(kind for kind, candidate in MODELS.items() if candidate is model)


def records(model, pk):
    """An object's history rows, newest first."""
    return (
        model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def load_relations(model, rows) -> None:
    """Give each history row `related`: {many-to-many field: the ids it held}, one query per
    field for all the rows."""
    held = {row.history_id: {} for row in rows}
    for m2m in model.history.model._history_m2m_fields:
        through = getattr(model.history.model, m2m.name).model  # simple-history's m2m rows
        target = get_m2m_reverse_field_name(m2m)
        for ids in held.values():
            ids[m2m.name] = []
        pairs = through.objects.filter(history_id__in=list(held)).values_list("history_id", target)
        for history_id, pk in pairs.order_by(target):
            held[history_id][m2m.name].append(pk)
    for row in rows:
        row.related = held[row.history_id]


def versions(model, pk, start: int = 0, stop: int | None = None) -> list[Version]:
    """The object's versions `start`…`stop` (newest first), each diffed against the one before;
    the oldest against nothing (its first values)."""
    query = records(model, pk)
    # One row more than shown: the version the last one shown is diffed against.
    rows = list(query[start:] if stop is None else query[start : stop + 1])
    shown = rows if stop is None else rows[: stop - start]
    load_relations(model, rows)
    names = Names.of_rows(model, rows)
    kind = kind_of(model)
    return [
        Version(kind, record, names.subject(kind, record), diff(model, record, previous, names))
        for record, previous in zip(shown, [*rows[1:], None], strict=False)
    ]


def recent_changes(limit: int = 50, before: dt.datetime | None = None) -> list[Version]:
    """The latest `limit` changes to any registry object (before `before`), newest first: the
    latest `limit` rows of each model, merged."""
    rows = []
    for kind, model in MODELS.items():
        query = model.history.select_related("history_user")
        if before is not None:
            query = query.filter(history_date__lt=before)
        rows += [(kind, row) for row in query.order_by("-history_date", "-history_id")[:limit]]
    rows.sort(key=lambda pair: pair[1].history_date, reverse=True)
    rows = rows[:limit]
    names = Names.of_subjects(rows)
    ids = {}
    for kind, row in rows:
        ids.setdefault(kind, set()).add(row.id)
    pages = object_pages(ids)
    return [
        Version(kind, row, names.subject(kind, row), url=pages.get((kind, row.id)))
        for kind, row in rows
    ]


def diff(model, record, previous, names) -> list[FieldChange]:
    """What `record` changed from `previous` (None: from nothing), in the model's field order."""
    m2m = [f.name for f in record._history_m2m_fields]
    base = previous if previous is not None else blank(record)
    delta = record.diff_against(base, excluded_fields=[*m2m, *HIDDEN])
    changed = {change.field: (change.old, change.new) for change in delta.changes}
    for name in m2m:
        old = [] if previous is None else previous.related[name]
        new = record.related[name]
        if old != new:
            changed[name] = (old, new)
    changes = []
    for model_field in [*model._meta.fields, *model._meta.many_to_many]:
        if model_field.name in changed:
            before, after = (
                display(model_field, value, names) for value in changed[model_field.name]
            )
            if before != after:
                changes.append(FieldChange(label_of(model_field), before, after))
    return changes


def blank(record):
    """A version with every field empty, to diff the first version against."""
    empty = type(record)()
    for tracked in record.tracked_fields:
        setattr(empty, tracked.attname, None)
    return empty


def label_of(model_field) -> str:
    return str(LABELS.get(model_field.name) or capfirst(model_field.verbose_name))


def display(model_field, value, names) -> str:
    """A field value as text: choices by their label, relations by name, empty as ''."""
    if value is None or value == "" or value == []:
        return ""
    if model_field.many_to_many:
        return ", ".join(names.name(model_field.related_model, pk) for pk in value)
    if model_field.is_relation:
        return names.name(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class Names:
    """The objects versions point to, fetched once per related model, and their names."""

    def __init__(self, wanted: dict):
        self.objects = {}
        for model, ids in wanted.items():
            query = model.objects.all()
            if model is Link:
                query = query.select_related("uk_authority", "jp_authority")
            self.objects[model] = query.in_bulk(ids - {None})

    @classmethod
    def of_rows(cls, model, rows) -> "Names":
        """What one object's versions name: related objects and many-to-many targets."""
        wanted = {}
        for model_field in [*model._meta.fields, *model._meta.many_to_many]:
            if not model_field.is_relation:
                continue
            ids = wanted.setdefault(model_field.related_model, set())
            for row in rows:
                if not model_field.many_to_many:
                    ids.add(getattr(row, model_field.attname))
                elif model_field.name in row.related:  # a relation with history
                    ids.update(row.related[model_field.name])
        return cls(wanted)

    @classmethod
    def of_subjects(cls, rows) -> "Names":
        """What the titles of changed objects need: a link's authorities, an exchange's link."""
        wanted = {Authority: set(), Link: set()}
        for kind, row in rows:
            if kind == "link":
                wanted[Authority] |= {row.uk_authority_id, row.jp_authority_id}
            elif kind in ("exchange", "agreement"):
                wanted[Link].add(row.link_id)
        return cls(wanted)

    def get(self, model, pk):
        return self.objects.get(model, {}).get(pk)

    def name(self, model, pk) -> str:
        obj = self.get(model, pk)
        if obj is None:
            return _("deleted (id %(id)s)") % {"id": pk}
        if model is Authority:
            return authority_name(obj)
        if model is Link:
            return f"{authority_name(obj.uk_authority)} – {authority_name(obj.jp_authority)}"
        if model is Reason:
            return obj.name_ja if get_language() == "ja" else obj.name_en
        return str(obj)

    def subject(self, kind: str, record):
        """The object as the version left it, with the related objects its title needs."""
        subject = record.instance
        if kind == "link":
            for side in ("uk_authority", "jp_authority"):
                pk = getattr(record, f"{side}_id")
                setattr(subject, side, self.get(Authority, pk) or Authority(pk=pk, name_en="?"))
        elif kind in ("exchange", "agreement"):
            subject.link = self.get(Link, record.link_id)
        return subject


def authority_name(authority) -> str:
    if get_language() == "ja" and authority.name_ja:
        return authority.name_ja
    return authority.name_en


def subject_text(version: Version) -> str:
    """A version's object as plain text (feed titles)."""
    subject = version.subject
    if version.kind == "authority":
        return authority_name(subject)
    if version.kind == "link":
        return f"{authority_name(subject.uk_authority)} – {authority_name(subject.jp_authority)}"
    if version.kind in ("exchange", "agreement") and subject.link is not None:
        link = subject.link
        return (
            f"{subject} ({authority_name(link.uk_authority)} – {authority_name(link.jp_authority)})"
        )
    return str(subject)


def object_pages(ids: dict) -> dict:
    """{(kind, id): the URL of the object's public page} for the objects of `ids` ({kind: ids})
    that still exist (a source has no page; an exchange or an agreement is on its link's)."""
    pages = {}
    for kind, route, slug in (
        ("authority", "website:authority", "slug"),
        ("link", "website:link", "slug"),
        ("exchange", "website:link", "link__slug"),
        ("agreement", "website:link", "link__slug"),
    ):
        found = MODELS[kind].objects.filter(pk__in=ids.get(kind, ())).values_list("pk", slug)
        pages |= {(kind, pk): reverse(route, args=(value,)) for pk, value in found}
    return pages


def object_page(kind: str, pk: int) -> str | None:
    return object_pages({kind: {pk}}).get((kind, pk))


def can_revert(model) -> bool:
    """Only objects with a revision (optimistic concurrency) are edited, so reverted."""
    return any(f.name == "revision" for f in model._meta.fields)


def revert(obj, version: int, user, summary: str, revision: int | None = None):
    """Make `obj` as it was at history row `version`, as a new edit by `user` with its own
    history row ("Reverted to version of <date>: <summary>"); its revision goes up by one.
    Raises ValidationError (no summary, values that no longer fit) and editing.Conflict
    (someone saved since `revision`); nothing is changed then."""
    model = type(obj)
    if not can_revert(model):
        raise ValidationError(_("This kind of object cannot be reverted."))
    if not summary or not summary.strip():
        raise ValidationError({"summary": _("Say what you changed and why (an edit summary).")})
    record = records(model, obj.pk).filter(history_type__in=["+", "~"]).get(history_id=version)
    values = {
        tracked.attname: getattr(record, tracked.attname)
        for tracked in record.tracked_fields
        if tracked.editable and tracked.name not in HIDDEN
    }
    load_relations(model, [record])
    values |= record.related
    when = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    reason = _("Reverted to version of %(date)s: %(summary)s") % {
        "date": when,
        "summary": summary.strip(),
    }
    current = obj.revision if revision is None else revision
    return editing.update(obj, values, user=user, summary=reason, revision=current)
