"""The team pages: staff list authority officers, invite them and remove an officership; an
invited officer accepts by setting a password (see kizuna/editorial/team.py)."""

import logging
from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import team
from ..access import staff_required
from ..forms.team import InviteOfficerForm
from ..models import Officer

logger = logging.getLogger(__name__)


@staff_required
def team_page(request):
    officers = Officer.objects.select_related("user", "authority", "invited_by").order_by(
        "authority__country", "authority__name_en", "authority_id", "user__email"
    )
    return render(request, "editorial/team.html", {"officers": officers})


@staff_required
def invite_officer(request):
    form = InviteOfficerForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            invitation = team.invite_officer(
                **form.cleaned_data,
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except team.InvitationError as error:
            form.add_error("email", str(error))
        except (SMTPException, OSError):
            logger.exception("invitation e-mail to %s not sent", form.cleaned_data["email"])
            form.add_error(
                None, _("The invitation e-mail could not be sent, so nothing was saved. Try again.")
            )
        else:
            messages.success(request, _invited_message(invitation))
            return redirect("editorial:team")
    return render(request, "editorial/invite.html", {"form": form})


def _invited_message(invitation: team.Invitation) -> str:
    email = invitation.user.email
    if invitation.pending:
        return _("%(email)s was sent an invitation with a link to set a password.") % {
            "email": email
        }
    if invitation.added:
        return _("%(email)s was told of the authorities added.") % {"email": email}
    return _("%(email)s is already an officer of all of these authorities.") % {"email": email}


@require_POST
@staff_required
def remove_officer(request, pk: int):
    officer = get_object_or_404(Officer.objects.select_related("user", "authority"), pk=pk)
    officer.delete()
    messages.success(
        request,
        _("%(email)s is no longer an officer of %(authority)s.")
        % {"email": officer.user.email, "authority": officer.authority},
    )
    return redirect("editorial:team")


class AcceptInvitationView(PasswordResetConfirmView):
    """The invitation link: Django's set-password view (the token moves into the session so it
    does not leak through the Referer; the password validators apply) with invitation tokens;
    setting the password verifies the e-mail address."""

    token_generator = team.invitation_tokens
    template_name = "editorial/invite_accept.html"
    success_url = reverse_lazy("account_login")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "label_suffix": ""}

    @transaction.atomic
    def form_valid(self, form):
        response = super().form_valid(form)
        team.accept_invitation(form.user)
        messages.success(
            self.request,
            _("Your password is set: sign in with your e-mail address and your new password."),
        )
        return response
