"""Keeping the search index in step with the registry: a full rebuild after a bulk change, and
updates of the touched rows after an edit (signals.py)."""

from django.db import connection, transaction

from kizuna.registry.models import Authority, Link

from .documents import authority_document, build_all, link_document
from .models import Document, Kind


def rebuild() -> int:
    """Replace the whole index; returns the number of documents."""
    documents = build_all()
    with transaction.atomic():
        Document.objects.all().delete()
        Document.objects.bulk_create(documents, batch_size=2000)
    if connection.vendor == "postgresql":
        # Fresh statistics: with stale ones the story lookup plans a scan (184 ms, not 2 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_document")
    return len(documents)


def refresh(authority_ids, link_ids) -> None:
    """Re-index these authorities and links (and the sides of these links, whose 'holds
    links' boost may have changed); drop the deleted ones."""
    link_ids = set(link_ids)
    links = list(Link.objects.filter(pk__in=link_ids))
    drop(Kind.LINK, link_ids - {link.pk for link in links})
    for link in links:
        save(link_document(link))
    authority_ids = set(authority_ids) | {
        pk for link in links for pk in (link.uk_authority_id, link.jp_authority_id)
    }
    authorities = list(Authority.objects.filter(pk__in=authority_ids))
    drop(Kind.AUTHORITY, authority_ids - {a.pk for a in authorities})
    linked = holding_links([a.pk for a in authorities])
    for authority in authorities:
        save(authority_document(authority, authority.pk in linked))


def holding_links(authority_ids: list[int]) -> set[int]:
    return set(
        Link.objects.filter(uk_authority__in=authority_ids).values_list("uk_authority", flat=True)
    ) | set(
        Link.objects.filter(jp_authority__in=authority_ids).values_list("jp_authority", flat=True)
    )


def drop(kind: str, object_ids: set[int]) -> None:
    Document.objects.filter(kind=kind, object_id__in=object_ids).delete()


def save(document: Document) -> None:
    Document.objects.update_or_create(
        kind=document.kind,
        object_id=document.object_id,
        defaults={"names": document.names, "text": document.text, "boost": document.boost},
    )
