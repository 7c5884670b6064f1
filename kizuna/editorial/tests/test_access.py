"""staff_required and officer_or_staff_required: sign in, 403, and the second factor staff must
use; and the sign-in page itself: closed sign-up, throttling, Japanese, the account nav."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from kizuna.registry.tests.factories import UKAuthorityFactory

from ..access import officer_or_staff_required, staff_required
from .factories import OfficerFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a long test passphrase"


def signed_up(user):
    """A user who can sign in through allauth: a password and a verified address."""
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def with_totp(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def call(decorator, user, rf):
    request = rf.get("/ja/somewhere/?x=1")
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return decorator(lambda request: HttpResponse("through"))(request)


@pytest.mark.parametrize("decorator", [staff_required, officer_or_staff_required])
def test_anonymous_visitors_are_sent_to_sign_in_and_back(decorator, rf):
    response = call(decorator, AnonymousUser(), rf)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/ja/somewhere/%3Fx%3D1"


@pytest.mark.parametrize("decorator", [staff_required, officer_or_staff_required])
def test_signed_in_public_visitors_are_forbidden(decorator, rf):
    with pytest.raises(PermissionDenied):
        call(decorator, UserFactory(), rf)


@pytest.mark.parametrize("decorator", [staff_required, officer_or_staff_required])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(decorator, rf):
    response = call(decorator, StaffFactory(), rf)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("decorator", [staff_required, officer_or_staff_required])
def test_staff_with_an_authenticator_app_get_through(decorator, rf):
    assert call(decorator, with_totp(StaffFactory()), rf).content == b"through"


def test_officers_get_through_officer_views_without_a_second_factor(rf):
    officer = OfficerFactory(authority=UKAuthorityFactory()).user
    assert call(officer_or_staff_required, officer, rf).content == b"through"
    with pytest.raises(PermissionDenied):
        call(staff_required, officer, rf)


def test_inactive_staff_are_forbidden(rf):
    with pytest.raises(PermissionDenied):
        call(staff_required, with_totp(StaffFactory(is_active=False)), rf)


def test_staff_are_told_why_on_the_set_up_page(client):
    client.force_login(signed_up(StaffFactory()))
    response = client.get("/team/", follow=True)
    # allauth asks for the password again before a second factor is set up.
    assert [url for url, _status in response.redirect_chain] == [
        "/accounts/2fa/totp/activate/",
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F",
    ]
    assert "Staff editors must use a second factor" in response.content.decode()
    again = client.get(response.redirect_chain[-1][0]).content.decode()
    assert "Staff editors must use a second factor" not in again  # shown once


def test_staff_with_an_authenticator_must_give_its_code_at_sign_in(client):
    staff = with_totp(signed_up(StaffFactory()))
    response = client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed(client, django_user_model):
    response = client.get("/accounts/signup/")
    assert "Sign Up Closed" in response.content.decode()
    client.post(
        "/accounts/signup/",
        {"email": "new@council.test", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not django_user_model.objects.filter(email="new@council.test").exists()


def test_the_sign_in_page_does_not_offer_sign_up(client):
    page = client.get("/accounts/login/").content.decode()
    assert "/accounts/signup/" not in page
    assert '<label for="id_login">' in page and '<label for="id_password">' in page


def test_repeated_failed_sign_ins_are_refused_with_a_message(client):
    user = signed_up(UserFactory())
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": user.email, "password": "wrong"})
        assert "not correct" in response.content.decode()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    page = response.content.decode()
    assert "Too many failed login attempts" in page
    assert 'role="alert"' in page and "<title>Error:" in page
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_is_in_japanese_under_ja(client):
    page = client.get("/ja/accounts/login/").content.decode()
    assert '<html lang="ja">' in page
    assert "<h1>ログイン</h1>" in page
    assert "メールアドレス" in page and "パスワード" in page
    assert 'action="/ja/accounts/login/"' in page


def test_the_header_offers_sign_in_to_visitors_and_sign_out_to_users(client):
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/login/">Sign in</a>' in page
    user = signed_up(UserFactory())
    client.force_login(user)
    page = client.get("/ja/accounts/2fa/").content.decode()
    assert user.email in page
    assert 'action="/ja/accounts/logout/"' in page and "ログアウト" in page
    assert "/ja/team/" not in page  # for staff only


def code_for(secret: str) -> str:
    cache.clear()  # allauth refuses a code used before; a test may need the current one twice
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def assert_in_site_layout(response, language="en"):
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page and 'class="site-header"' in page
    assert page.count("<h1>") == 1


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize(
    "path",
    [
        "login/",
        "signup/",
        "password/reset/",
        "password/reset/done/",
        "password/reset/key/1-set-password/",
        "password/reset/key/done/",
        "confirm-email/not-a-key/",
    ],
)
def test_account_pages_use_the_site_layout(client, path, language):
    prefix = "/ja" if language == "ja" else ""
    assert_in_site_layout(client.get(f"{prefix}/accounts/{path}"), language)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("path", ["logout/", "password/change/", "2fa/", "reauthenticate/"])
def test_signed_in_account_pages_use_the_site_layout(client, path, language):
    client.force_login(signed_up(UserFactory()))
    prefix = "/ja" if language == "ja" else ""
    assert_in_site_layout(client.get(f"{prefix}/accounts/{path}"), language)


def test_staff_set_up_an_authenticator_app_and_sign_in_with_it(client):
    staff = signed_up(StaffFactory())
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/ja/accounts/2fa/totp/activate/")
    assert_in_site_layout(response, "ja")
    assert '<label for="id_code">' in response.content.decode()
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": code_for(secret)})
    assert_in_site_layout(client.get(response["Location"]))  # the recovery codes
    assert client.get("/team/").status_code == 200

    client.logout()
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert_in_site_layout(client.get("/ja/accounts/2fa/authenticate/"), "ja")
    response = client.post("/accounts/2fa/authenticate/", {"code": code_for(secret)})
    assert response["Location"] == "/"
    assert client.get("/team/").status_code == 200
