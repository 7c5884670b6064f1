"""Keeping the search index in step with the registry: a full rebuild after imports, and
one-row updates when staff edit an authority or link (signals.py)."""

from django.db import transaction

from kizuna.registry.models import Authority, Link

from .documents import authority_document, build_all, link_document, signatories_by_link
from .models import Document, Kind


def rebuild() -> int:
    """Replace the whole index; returns the number of documents."""
    documents = build_all()
    with transaction.atomic():
        Document.objects.all().delete()
        Document.objects.bulk_create(documents, batch_size=2000)
    return len(documents)


def update_authority(authority: Authority) -> None:
    linked = (
        Link.objects.filter(uk_authority=authority).exists()
        or Link.objects.filter(jp_authority=authority).exists()
    )
    save(authority_document(authority, linked))
    for link in Link.objects.filter(uk_authority=authority) | Link.objects.filter(
        jp_authority=authority
    ):
        update_link(link)


def update_link(link: Link) -> None:
    signed = signatories_by_link([link]).get(link.pk, set())
    names = dict(
        Document.objects.filter(
            kind=Kind.AUTHORITY,
            object_id__in=[link.uk_authority_id, link.jp_authority_id, *signed],
        ).values_list("object_id", "names")
    )
    others = [n for a in signed for n in names.get(a, [])]
    save(
        link_document(
            link, names.get(link.uk_authority_id, []), names.get(link.jp_authority_id, []), others
        )
    )


def remove(kind: str, object_id: int) -> None:
    Document.objects.filter(kind=kind, object_id=object_id).delete()


def save(document: Document) -> None:
    Document.objects.update_or_create(
        kind=document.kind,
        object_id=document.object_id,
        defaults={"names": document.names, "text": document.text, "boost": document.boost},
    )
