"""Building the read model's records from the registry: everything after a bulk change, the
affected rows after an edit (signals.py)."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

import orjson
from django.db import transaction
from django.db.models import Q

from kizuna.registry.models import Agreement, Authority, Link, Reason

from .models import AuthorityRecord, LinkRecord
from .shapes import (
    AGREEMENT_FIELDS,
    AUTHORITY_FIELDS,
    LINK_FIELDS,
    URLs,
    agreement_shape,
    authority_shape,
    link_shape,
)

CHUNK = 5000  # links per round of queries: bounded memory at any scale


def rebuild() -> tuple[int, int]:
    """Replace every record; returns (authorities, links)."""
    with transaction.atomic():
        AuthorityRecord.objects.all().delete()
        LinkRecord.objects.all().delete()
        authorities = write_authorities(Q())
        links = sum(write_links(chunk) for chunk in link_chunks())
    return authorities, links


def refresh(authority_ids: Iterable[int], link_ids: Iterable[int], reason_ids=()) -> None:
    """Rebuild what these authorities, links and reasons appear in; drop deleted rows."""
    authority_ids, link_ids = set(authority_ids), set(link_ids)
    affected = Q(pk__in=authority_ids) | Q(parent__in=authority_ids)
    affected |= Q(replaced_by__in=authority_ids)
    links = (
        Q(pk__in=link_ids)
        | Q(uk_authority__in=authority_ids)
        | Q(jp_authority__in=authority_ids)
        | Q(agreements__signatories__in=authority_ids)
        | Q(reasons__in=set(reason_ids))
    )
    link_ids |= set(Link.objects.filter(links).values_list("pk", flat=True))
    with transaction.atomic():
        AuthorityRecord.objects.filter(
            Q(authority__in=authority_ids) | Q(authority__in=Authority.objects.filter(affected))
        ).delete()
        write_authorities(affected)
        LinkRecord.objects.filter(link__in=link_ids).delete()
        write_links(Q(pk__in=link_ids))


def write_authorities(which: Q) -> int:
    every = {row["id"]: row for row in Authority.objects.values(*AUTHORITY_FIELDS)}
    urls = URLs()
    records = [
        AuthorityRecord(
            authority_id=row["id"],
            slug=row["slug"],
            code=row["code"],
            json=dumps(authority_shape(every[row["id"]], every, urls)),
        )
        for row in Authority.objects.filter(which).values("id", "slug", "code")
    ]
    AuthorityRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)


def link_chunks() -> Iterator[Q]:
    ids = list(Link.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield Q(pk__gte=chunk[0], pk__lte=chunk[-1])


def write_links(which: Q) -> int:
    rows = list(Link.objects.filter(which).order_by("pk").values(*LINK_FIELDS))
    if not rows:
        return 0
    ids = [row["id"] for row in rows]
    within = {"link_id__gte": ids[0], "link_id__lte": ids[-1]}
    authorities = {row["id"]: row for row in Authority.objects.values(*AUTHORITY_FIELDS)}
    urls = URLs()
    reasons, sources = defaultdict(list), defaultdict(list)
    names = dict(Reason.objects.values_list("pk", "slug"))
    for link_id, reason_id in (
        Link.reasons.through.objects.filter(**within)
        .order_by("reason__name_en")
        .values_list("link_id", "reason_id")
    ):
        reasons[link_id].append(names[reason_id])
    for link_id, source_id in (
        Link.sources.through.objects.filter(**within)
        .order_by("source_id")
        .values_list("link_id", "source_id")
    ):
        sources[link_id].append(source_id)
    agreements = agreements_by_link(within, authorities, urls)
    records = [
        LinkRecord(
            link_id=row["id"],
            slug=row["slug"],
            json=dumps(
                link_shape(
                    row,
                    authorities,
                    reasons[row["id"]],
                    sources[row["id"]],
                    agreements[row["id"]],
                    urls,
                )
            ),
        )
        for row in rows
    ]
    LinkRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)


def agreements_by_link(within: dict, authorities: dict, urls: URLs) -> dict[int, list[dict]]:
    rows = list(Agreement.objects.filter(**within).order_by("date", "id").values(*AGREEMENT_FIELDS))
    ids = {"agreement__in": [row["id"] for row in rows]}
    signed, cited = defaultdict(list), defaultdict(list)
    for agreement_id, authority_id in Agreement.signatories.through.objects.filter(
        **ids
    ).values_list("agreement_id", "authority_id"):
        signed[agreement_id].append(authorities[authority_id])
    for agreement_id, source_id in (
        Agreement.sources.through.objects.filter(**ids)
        .order_by("source_id")
        .values_list("agreement_id", "source_id")
    ):
        cited[agreement_id].append(source_id)
    shaped = defaultdict(list)
    for row in rows:
        # the order of Authority.objects.by_name(), as the website shows them
        signatories = sorted(signed[row["id"]], key=lambda a: (a["country"], a["name_en"]))
        shaped[row["link_id"]].append(agreement_shape(row, signatories, cited[row["id"]], urls))
    return shaped


def dumps(shape: dict) -> str:
    return orjson.dumps(shape).decode()
