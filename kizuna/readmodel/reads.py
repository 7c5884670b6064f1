"""Serving the read model: a request reads prepared JSON and joins it, no objects built."""

import json

from django.http import HttpResponse

from .models import AuthorityRecord, LinkRecord

CONTENT_TYPE = "application/json; charset=utf-8"


def json_response(body: str) -> HttpResponse:
    return HttpResponse(body, content_type=CONTENT_TYPE)


def link_json(slug: str) -> str | None:
    return LinkRecord.objects.filter(slug=slug).values_list("json", flat=True).first()


def authority_json(ref: str) -> str | None:
    """By official code, else by slug."""
    for lookup in ({"code": ref}, {"slug": ref}):
        found = AuthorityRecord.objects.filter(**lookup).values_list("json", flat=True).first()
        if found is not None:
            return found
    return None


def json_list(record_model, ids: list[int]) -> str:
    """The records of these ids, in this order, as a JSON array."""
    bodies = dict(record_model.objects.filter(pk__in=ids).values_list("pk", "json"))
    return "[" + ",".join(bodies[i] for i in ids if i in bodies) + "]"


def page_body(record_model, ids: list[int], following: str | None) -> str:
    return f'{{"items":{json_list(record_model, ids)},"next":{json.dumps(following)}}}'
