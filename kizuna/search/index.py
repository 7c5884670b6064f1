"""Keeping the search index in step with the registry: a full rebuild after a bulk change, and
updates of the touched rows after an edit (signals.py)."""

from django.db import transaction

from kizuna.registry.models import Authority, Link

from .documents import authority_document, build_all, link_document
from .models import Document, Kind


def rebuild() -> int:
    """Replace the whole index; returns the number of documents."""
    documents = build_all()
    with transaction.atomic():
        Document.objects.all().delete()
        Document.objects.bulk_create(documents, batch_size=2000)
    return len(documents)


def refresh(authority_ids, link_ids) -> None:
    """Re-index these authorities, their links and these links; drop the deleted ones."""
    authority_ids, link_ids = set(authority_ids), set(link_ids)
    authorities = Authority.objects.filter(pk__in=authority_ids)
    found = {a.pk for a in authorities}
    Document.objects.filter(kind=Kind.AUTHORITY, object_id__in=authority_ids - found).delete()
    linked = set(
        Link.objects.filter(uk_authority__in=found).values_list("uk_authority_id", flat=True)
    ) | set(Link.objects.filter(jp_authority__in=found).values_list("jp_authority_id", flat=True))
    for authority in authorities:
        save(authority_document(authority, authority.pk in linked))
    link_ids |= set(Link.objects.filter(uk_authority__in=found).values_list("id", flat=True)) | set(
        Link.objects.filter(jp_authority__in=found).values_list("id", flat=True)
    )
    links = list(Link.objects.filter(pk__in=link_ids))
    Document.objects.filter(
        kind=Kind.LINK, object_id__in=link_ids - {link.pk for link in links}
    ).delete()
    for link in links:
        update_link(link)


def update_link(link: Link) -> None:
    save(link_document(link))


def save(document: Document) -> None:
    Document.objects.update_or_create(
        kind=document.kind,
        object_id=document.object_id,
        defaults={"names": document.names, "text": document.text, "boost": document.boost},
    )
