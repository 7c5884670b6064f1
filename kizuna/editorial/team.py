"""Inviting authority officers: staff invite by e-mail, since there is no open sign-up.

An invitation creates the user (or reuses the one with that e-mail address), with an unusable
password until they accept, adds their Officer rows and e-mails them in the language staff
chose. Someone who has not yet set a password gets a one-time link to set one: a password-reset
token of its own kind (see InvitationTokenGenerator), so it expires after
PASSWORD_RESET_TIMEOUT and dies once used. Setting the password verifies their e-mail address
(allauth's EmailAddress), which sign-in requires. Someone who already has a password is told of
the authorities added. Everything is written in one transaction with the e-mail sent last: if
sending fails, nothing is kept.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kizuna.registry.models import Authority

from .models import Officer


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Password-reset tokens with their own salt: an invitation link is not a reset link."""

    key_salt = "kizuna.editorial.team.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


class InvitationError(ValueError):
    """An invitation that cannot be made; the message says why, for staff."""


@dataclass(frozen=True)
class Invitation:
    user: object
    added: list[Authority]
    pending: bool  # no password yet: the e-mail carried a link to set one
    sent: bool  # an e-mail went out (not when nothing was added to an active officer)


def invite_officer(
    *, email: str, authorities: Iterable[Authority], language: str, invited_by, base_url: str
) -> Invitation:
    """Make `email` an officer of `authorities`; `base_url` (scheme and host) starts the link."""
    email = email.strip().lower()
    with transaction.atomic():
        user = _user_for(email)
        added = [
            authority
            for authority in authorities
            if Officer.objects.get_or_create(
                user=user, authority=authority, defaults={"invited_by": invited_by}
            )[1]
        ]
        pending = not user.has_usable_password()
        sent = bool(added or pending)
        if sent:
            _send(user, added, pending=pending, language=language, base_url=base_url)
    return Invitation(user=user, added=added, pending=pending, sent=sent)


def accept_invitation(user) -> None:
    """After the invited user set their password through the link: their address is verified
    (the link reached them there), so they can sign in."""
    address, _created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True}
    )
    address.set_verified(commit=True)


def _user_for(email: str):
    User = get_user_model()
    user = (
        User.objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .distinct()
        .first()
    )
    if user is None:
        # Django's user model needs a unique username; sign-in is by e-mail address. No
        # password: an unusable one until they set theirs through the link.
        user = User.objects.create_user(username=email, email=email)
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    elif not user.is_active:
        raise InvitationError(
            _("The account of %(email)s is deactivated; reactivate it in the admin first.")
            % {"email": email}
        )
    return user


def _send(user, added, *, pending: bool, language: str, base_url: str) -> None:
    with translation.override(language):
        context = {
            "authorities": added or list(Authority.objects.filter(officers__user=user)),
            "link": base_url.rstrip("/") + (_accept_path(user) if pending else _sign_in_path()),
            "pending": pending,
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        }
        subject = render_to_string("editorial/invite_email_subject.txt", context)
        body = render_to_string("editorial/invite_email_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _accept_path(user) -> str:
    return reverse(
        "editorial:accept_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_tokens.make_token(user),
        },
    )


def _sign_in_path() -> str:
    return reverse("account_login")
