"""Editing pages: links, authorities and sources (staff), exchanges (staff, and officers for
their own authorities' links).

A save from a form read before someone else's save is refused with a conflict page (409): both
versions side by side and the form again, holding the editor's values at the current revision.
Pages for signed-in users are never cached (never_cache: private, no-store).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kizuna.registry.models import Authority, Exchange, Link, Source

from .. import editing, roles
from ..access import officer_or_staff_required, staff_required
from ..forms.editing import AuthorityForm, ExchangeForm, LinkForm, SourceForm


@never_cache
@staff_required
def edit_link(request, slug):
    link = get_object_or_404(Link.objects.with_authorities(), slug=slug)
    return edit(request, link, LinkForm, _("Edit the link %(name)s") % {"name": link}, link_url)


@never_cache
@staff_required
def edit_authority(request, slug):
    authority = get_object_or_404(Authority, slug=slug)
    heading = _("Edit the authority %(name)s") % {"name": authority}
    return edit(request, authority, AuthorityForm, heading, authority_url)


@never_cache
@officer_or_staff_required
def record_exchange(request, slug):
    link = get_object_or_404(Link.objects.with_authorities(), slug=slug)
    if not roles.can_record_exchange(request.user, link):
        raise PermissionDenied
    heading = _("Record an exchange of %(name)s") % {"name": link}
    return edit(request, Exchange(link=link), ExchangeForm, heading, exchange_url)


@never_cache
@officer_or_staff_required
def edit_exchange(request, pk):
    exchange = get_object_or_404(
        Exchange.objects.select_related("link__uk_authority", "link__jp_authority"), pk=pk
    )
    if not roles.can_edit(request.user, exchange):
        raise PermissionDenied
    names = {"name": exchange, "link": exchange.link}
    heading = _("Edit the exchange %(name)s of %(link)s") % names
    return edit(request, exchange, ExchangeForm, heading, exchange_url)


@never_cache
@staff_required
def edit_source(request, pk):
    source = get_object_or_404(Source, pk=pk)
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    heading = _("Edit the source %(name)s") % {"name": source}
    return edit(request, source, SourceForm, heading, lambda s: back or source_url(s))


def edit(request, obj, form_class, heading: str, done):
    """The form; on a valid POST the edit, then the object's page (or the conflict page)."""
    context = {"heading": heading, "back_url": done(obj) if obj.pk else link_url(obj.link)}
    if request.method != "POST":
        return render_form(request, form_class(instance=obj), context)
    form = form_class(request.POST, instance=obj)
    if form.is_valid():
        try:
            saved = form.save_edit(request.user)
        except editing.Conflict as conflict:
            return conflict_page(request, form, conflict.current, context)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved. The change is in the page's history."))
            return redirect(done(saved))
    return render_form(request, form, context)


def render_form(request, form, context):
    return render(request, "editorial/edit.html", {**context, "form": form})


def conflict_page(request, form, current, context):
    data = request.POST.copy()
    data["revision"] = current.revision
    merge = type(form)(data, instance=current)
    rows = form.comparison(current)
    return render(
        request,
        "editorial/conflict.html",
        {**context, "form": merge, "rows": rows},
        status=409,
    )


def add_errors(form, error: ValidationError) -> None:
    """Errors of the model's own checks: under their field when the form shows it."""
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def link_url(link) -> str:
    return reverse("website:link", args=[link.slug])


def authority_url(authority) -> str:
    return reverse("website:authority", args=[authority.slug])


def exchange_url(exchange) -> str:
    return f"{link_url(exchange.link)}#exchange-{exchange.pk}"


def source_url(source) -> str:
    """A source has no page of its own: the first link citing it, else the home page."""
    link = source.links.order_by("pk").first()
    return link_url(link) if link else reverse("website:home")
