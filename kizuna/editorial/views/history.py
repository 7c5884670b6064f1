"""History pages: an object's versions (with revert for staff) and the site's recent changes."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kizuna.website.caching import cached_page
from kizuna.website.errors import BadRequest

from .. import editing, history
from ..roles import can_moderate

VERSIONS_PER_PAGE = 50
CHANGES_PER_PAGE = 50


def history_model(kind: str):
    try:
        return history.model_for(kind)
    except LookupError:
        raise Http404(f"no history for {kind!r}") from None


@cached_page
def object_history(request, kind: str, pk: int):
    model = history_model(kind)
    paginator = Paginator(history.records(model, pk), VERSIONS_PER_PAGE)
    if not paginator.count:
        raise Http404(f"no history for {kind} {pk}")
    page = paginator.get_page(request.GET.get("page"))
    current = model.objects.filter(pk=pk).first()
    versions = history.versions(model, pk, page.start_index() - 1, page.end_index())
    context = {
        "kind": kind,
        "kind_label": history.KIND_LABELS[kind],
        "pk": pk,
        "subject": versions[0].subject if current is None else current,
        "versions": versions,
        "page": page,
        "first_number": paginator.count - page.start_index() + 1,
        "newest_id": None if page.has_previous() else versions[0].id,
        "current": current,
        "object_url": history.object_page(kind, pk),
        "can_revert": current is not None
        and history.can_revert(model)
        and can_moderate(request.user),
    }
    return render(request, "editorial/history.html", context)


@require_POST
def revert(request, kind: str, pk: int, version: int):
    if not can_moderate(request.user):
        raise PermissionDenied
    model = history_model(kind)
    obj = get_object_or_404(model, pk=pk)
    revision = request.POST.get("revision", "")
    try:
        if not revision.isdigit():
            raise ValidationError(_("The form is missing the revision it was read at."))
        history.revert(obj, version, request.user, request.POST.get("summary", ""), int(revision))
    except model.history.model.DoesNotExist:
        raise Http404(f"{kind} {pk} has no version {version}") from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except editing.Conflict:
        messages.error(
            request,
            _("Someone changed this since you opened the page. Look at the latest version first."),
        )
    else:
        messages.success(request, _("Reverted. The revert is the newest version below."))
    return redirect("editorial:history", kind, pk)


@cached_page
def recent_changes(request):
    before = parse_before(request.GET.get("before"))
    changes = history.recent_changes(CHANGES_PER_PAGE + 1, before)
    older = changes[CHANGES_PER_PAGE - 1].when if len(changes) > CHANGES_PER_PAGE else None
    context = {"changes": changes[:CHANGES_PER_PAGE], "before": before, "older": older}
    return render(request, "editorial/changes.html", context)


def parse_before(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"before: {value!r} is not a date and time (ISO 8601)") from None
    if moment.tzinfo is None:
        raise BadRequest(f"before: {value!r} needs a time zone (e.g. +00:00)")
    return moment
