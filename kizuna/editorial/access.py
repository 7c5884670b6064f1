"""Who may open an editorial view: two decorators over the rules in roles.py.

`staff_required`, for editing, moderation, revert and the team pages:
- an anonymous visitor is sent to sign in (and back afterwards);
- a signed-in user who is not a staff editor gets 403 Forbidden;
- a staff editor without an active second factor (an allauth MFA authenticator: an
  authenticator app) is sent to set one up, with a message saying why. Once it is active,
  allauth asks for its code at every sign-in through /accounts/ (the admin's own password-only
  sign-in form should be sent there too: allauth's `secure_admin_login`, in kizuna/urls.py).

`officer_or_staff_required`, for views authority officers may use too:
- anonymous → sign in; neither an officer of any authority nor staff → 403;
- officers need no second factor; staff editors do (as above), since their standing lets them
  change everything. Which authority's objects an officer may touch is still the view's check,
  through roles.py (can_edit, can_record_exchange, can_propose).

Function views: `@staff_required`. Class-based views:
`@method_decorator(staff_required, name="dispatch")`.
"""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles


def _second_factor_missing(request):
    messages.warning(
        request,
        _(
            "Staff editors must use a second factor. Set up an authenticator app to continue "
            "to the editing pages."
        ),
    )
    return redirect(reverse("mfa_activate_totp"))


def _guard(allowed):
    """A decorator letting through the users `allowed(user)` accepts, staff only with MFA."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("account_login"))
            if not allowed(user):
                raise PermissionDenied
            if roles.is_staff_editor(user) and not is_mfa_enabled(user):
                return _second_factor_missing(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = _guard(roles.is_staff_editor)
officer_or_staff_required = _guard(
    lambda user: roles.is_staff_editor(user) or bool(roles.officer_authority_ids(user))
)
