"""Inviting authority officers: the invitation end to end, re-invitations, the team page and who
may use it, bad input, and markup in addresses and names."""

import re
from smtplib import SMTPException

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from kizuna.registry.tests.factories import JPAuthorityFactory, UKAuthorityFactory

from .. import team
from ..models import Officer
from .factories import OfficerFactory, StaffFactory, UserFactory
from .test_access import signed_up, with_totp

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "kettle orchard lantern 1987"


@pytest.fixture
def staff(client):
    user = with_totp(signed_up(StaffFactory()))
    client.force_login(user)
    return user


def invite(client, email, *authorities, language="en"):
    return client.post(
        "/team/invite/",
        {"email": email, "authorities": [a.pk for a in authorities], "language": language},
    )


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def accept(client, path: str, password: str = NEW_PASSWORD):
    form_url = client.get(path)["Location"]  # the token moves into the session
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_an_invited_officer_sets_a_password_and_signs_in(client, staff, django_user_model):
    yoichi, gateshead = JPAuthorityFactory(), UKAuthorityFactory()
    response = invite(client, " Officer@Council.TEST ", yoichi, gateshead)
    assert response["Location"] == "/team/"
    officer = django_user_model.objects.get(email="officer@council.test")
    assert not officer.has_usable_password()
    assert not EmailAddress.objects.get(user=officer).verified
    assert {(o.authority, o.invited_by) for o in Officer.objects.filter(user=officer)} == {
        (yoichi, staff),
        (gateshead, staff),
    }
    [message] = mail.outbox
    assert message.to == ["officer@council.test"]
    assert message.subject == "Your invitation to edit Kizuna"
    assert str(yoichi) in message.body and "within 3 days" in message.body

    client.logout()
    path = link_in(message)
    assert accept(client, path)["Location"] == "/accounts/login/"
    assert EmailAddress.objects.get(user=officer).verified
    response = client.post("/accounts/login/", {"login": officer.email, "password": NEW_PASSWORD})
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(officer.pk)

    client.logout()
    assert "This invitation link is not valid" in client.get(path).content.decode()  # used


def test_a_japanese_invitation_links_to_japanese_pages(client, staff):
    invite(client, "kakari@town.test", JPAuthorityFactory(), language="ja")
    [message] = mail.outbox
    assert message.subject == "Kizuna 編集へのご招待"
    assert link_in(message).startswith("/ja/team/join/")


def test_the_password_validators_apply(client, staff, django_user_model):
    invite(client, "officer@council.test", UKAuthorityFactory())
    client.logout()
    response = accept(client, link_in(mail.outbox[0]), password="password")
    assert "This password is too common." in response.content.decode()
    assert not django_user_model.objects.get(email="officer@council.test").has_usable_password()


def test_a_reinvitation_adds_authorities_and_tells_the_officer(client, staff):
    first, second = UKAuthorityFactory(), UKAuthorityFactory()
    officer = signed_up(OfficerFactory(authority=first).user)
    invite(client, officer.email.upper(), first, second)
    assert set(officer.officerships.values_list("authority", flat=True)) == {first.pk, second.pk}
    [message] = mail.outbox
    assert message.subject == "You are now an officer on Kizuna"
    assert str(second) in message.body and str(first) not in message.body
    assert "/accounts/login/" in message.body

    response = invite(client, officer.email, first, second)
    assert len(mail.outbox) == 1  # nothing new to tell
    assert "already an officer" in client.get(response["Location"]).content.decode()


def test_a_pending_invitation_is_sent_again(client, staff):
    authority = UKAuthorityFactory()
    invite(client, "officer@council.test", authority)
    invite(client, "officer@council.test", authority)
    first, second = mail.outbox
    assert "/team/join/" in second.body
    assert Officer.objects.count() == 1


def test_a_deactivated_account_is_not_invited(client, staff):
    UserFactory(email="gone@council.test", is_active=False)
    response = invite(client, "gone@council.test", UKAuthorityFactory())
    assert "is deactivated" in response.content.decode()
    assert not Officer.objects.exists() and not mail.outbox


def test_bad_input_is_refused_with_errors_at_the_fields(client, staff):
    response = invite(client, "not an address")
    page = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in page
    assert '<label for="id_email">E-mail address</label>' in page
    assert 'aria-invalid="true"' in page and "Enter a valid email address." in page
    assert "This field is required." in page  # no authority chosen
    assert not Officer.objects.exists()


def test_nothing_is_kept_when_the_email_cannot_be_sent(client, staff, monkeypatch):
    def fail(*args, **kwargs):
        raise SMTPException("mail server down")

    monkeypatch.setattr(team, "send_mail", fail)
    response = invite(client, "officer@council.test", UKAuthorityFactory())
    assert "could not be sent, so nothing was saved" in response.content.decode()
    assert not Officer.objects.exists() and not EmailAddress.objects.filter(
        email="officer@council.test"
    )


def test_the_team_page_lists_officers_by_authority_and_staff_remove_them(client, staff):
    authority = UKAuthorityFactory(name_en="Gateshead")
    officer = OfficerFactory(authority=authority, invited_by=staff)
    page = client.get("/team/").content.decode()
    assert "Gateshead" in page and officer.user.email in page and staff.email in page
    assert client.get(f"/team/officers/{officer.pk}/remove/").status_code == 405
    response = client.post(f"/team/officers/{officer.pk}/remove/")
    assert response["Location"] == "/team/"
    assert not Officer.objects.exists()
    assert "is no longer an officer of Gateshead" in client.get("/team/").content.decode()


def test_the_team_page_is_in_japanese(client, staff):
    OfficerFactory(authority=JPAuthorityFactory())
    page = client.get("/ja/team/").content.decode()
    assert "<h1>チーム：自治体の担当者</h1>" in page and "担当者を招待する" in page
    assert '<a href="/ja/team/">チーム</a>' in page  # the header's link, for staff


@pytest.mark.parametrize("path", ["/team/", "/team/invite/"])
def test_signed_in_non_staff_are_forbidden(client, path):
    client.force_login(signed_up(OfficerFactory(authority=UKAuthorityFactory()).user))
    assert client.get(path).status_code == 403
    assert invite(client, "x@council.test", UKAuthorityFactory()).status_code == 403
    assert not mail.outbox


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/ja/team/")["Location"] == "/ja/accounts/login/?next=/ja/team/"
    assert invite(client, "x@council.test", UKAuthorityFactory()).status_code == 302
    assert not Officer.objects.exists()


def test_markup_in_addresses_and_names_is_escaped(client, staff):
    authority = UKAuthorityFactory(name_en="<img src=x onerror=alert(1)>")
    invite(client, '"<script>alert(1)</script>"@council.test', authority)
    assert Officer.objects.exists()
    page = client.get("/team/").content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
