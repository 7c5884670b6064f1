"""The editing pages: who may open them, edits with history, conflicts, Japanese validation,
inert markup, CSRF, and what signed-in users see on a link page."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kizuna.registry.models import Exchange, Link
from kizuna.registry.tests.factories import ExchangeFactory, LinkFactory, UKAuthorityFactory

from ..forms.editing import AuthorityForm, ExchangeForm, LinkForm, SourceForm
from ..health import dormant_links
from .factories import OfficerFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
]


def staff():
    user = StaffFactory()
    TOTP.activate(user, generate_totp_secret())
    return user


def signed_in(user) -> Client:
    client = Client()
    if user is not None:
        user.refresh_from_db()  # the factory sets a password it does not save
        client.force_login(user)
    return client


def filled(form_class, instance, **changes) -> dict:
    """POST data holding the object's current values, then `changes`."""
    form = form_class(instance=instance)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            value = [getattr(item, "pk", item) for item in value]
        if value is not None:
            data[name] = value
    return {**data, "summary": "Checked against the council's page", **changes}


@pytest.fixture
def link():
    return LinkFactory(story_en="Original story.")


@pytest.fixture
def exchange(link):
    return ExchangeFactory(link=link)


@pytest.fixture
def users(link):
    return {
        "anonymous": None,
        "visitor": UserFactory(),
        "own officer": OfficerFactory(authority=link.uk_authority).user,
        "other officer": OfficerFactory(authority=UKAuthorityFactory()).user,
        "staff": staff(),
    }


def urls(link, exchange):
    return {
        "edit link": reverse("editorial:edit_link", args=[link.slug]),
        "edit authority": reverse("editorial:edit_authority", args=[link.jp_authority.slug]),
        "record exchange": reverse("editorial:record_exchange", args=[link.slug]),
        "edit exchange": reverse("editorial:edit_exchange", args=[exchange.pk]),
        "edit source": reverse("editorial:edit_source", args=[link.sources.get().pk]),
    }


EXPECTED = {
    # view:              anonymous, visitor, own officer, other officer, staff
    "edit link": (302, 403, 403, 403, 200),
    "edit authority": (302, 403, 403, 403, 200),
    "record exchange": (302, 403, 200, 403, 200),
    "edit exchange": (302, 403, 200, 403, 200),
    "edit source": (302, 403, 403, 403, 200),
}


@pytest.mark.parametrize("view", EXPECTED)
def test_permission_matrix(view, link, exchange, users):
    url = urls(link, exchange)[view]
    for (role, user), expected in zip(users.items(), EXPECTED[view], strict=True):
        response = signed_in(user).get(url)
        assert response.status_code == expected, (view, role)
        if expected == 302:
            assert response["Location"].startswith(reverse("account_login"))
        if expected == 200:
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]


def test_an_officer_cannot_edit_another_authoritys_exchange_by_its_number(link, users):
    elsewhere = ExchangeFactory(description_en="Their visit.")
    url = reverse("editorial:edit_exchange", args=[elsewhere.pk])
    data = filled(ExchangeForm, elsewhere, description_en="Hijacked.")

    response = signed_in(users["own officer"]).post(url, data)

    assert response.status_code == 403
    assert Exchange.objects.get(pk=elsewhere.pk).description_en == "Their visit."


def test_an_edit_is_saved_with_its_summary_and_author_and_shows_on_the_page(
    link, users, django_capture_on_commit_callbacks
):
    client = signed_in(users["staff"])
    data = filled(LinkForm, link, story_en="Pupils met in *1995*.", summary="Add the story")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("editorial:edit_link", args=[link.slug]), data)

    assert response.status_code == 302
    assert response["Location"] == reverse("website:link", args=[link.slug])
    version = link.history.first()
    assert (version.history_change_reason, version.history_user) == (
        "Add the story",
        users["staff"],
    )
    page = client.get(response["Location"]).content.decode()
    assert "Pupils met in <em>1995</em>." in page
    assert "Saved. The change is in the page" in page
    assert Client().get(response["Location"]).content.decode().count("<em>1995</em>") == 1


def test_an_officer_records_an_exchange_reported_by_the_council(
    link, users, django_capture_on_commit_callbacks
):
    data = {
        "date": "2024-07",
        "kind": "school_youth",
        "direction": "jp_to_uk",
        "participants": "12",
        "description_en": "Twelve pupils visited.",
        "reported_by_council": "on",
        "summary": "Told by the council's international officer",
        "revision": "0",
    }
    url = reverse("editorial:record_exchange", args=[link.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(users["own officer"]).post(url, data)

    exchange = link.exchanges.get()
    assert response.status_code == 302
    assert (exchange.date, exchange.date_precision) == (dt.date(2024, 7, 1), "month")
    assert exchange.history.first().history_user == users["own officer"]
    page = Client().get(reverse("website:link", args=[link.slug])).content.decode()
    assert "2024-07" in page and "reported by the council" in page
    assert "Last exchange" in page


def test_an_exchange_needs_a_source_or_the_councils_word(link, users):
    data = {"date": "2024", "kind": "civic", "direction": "both", "summary": "New visit"}
    data |= {"description_en": "A delegation.", "revision": "0"}
    url = reverse("editorial:record_exchange", args=[link.slug])

    response = signed_in(users["own officer"]).post(url, data)

    assert response.status_code == 200
    assert "reported by the council" in response.content.decode()
    assert not link.exchanges.exists()


def test_a_second_save_from_the_same_revision_is_a_conflict(link, users):
    url = reverse("editorial:edit_link", args=[link.slug])
    first, second = signed_in(users["staff"]), signed_in(staff())
    first.get(url), second.get(url)
    assert first.post(url, filled(LinkForm, link, story_en="First story.")).status_code == 302

    response = second.post(url, filled(LinkForm, link, story_en="Second story."))

    page = response.content.decode()
    assert response.status_code == 409
    assert "First story." in page and "Second story." in page
    assert '<th scope="row">The story (English)</th>' in page
    assert 'name="revision" value="1"' in page
    assert Link.objects.get(pk=link.pk).story_en == "First story."
    merged = filled(LinkForm, Link.objects.get(pk=link.pk), story_en="Merged story.")
    assert second.post(url, merged).status_code == 302
    assert Link.objects.get(pk=link.pk).story_en == "Merged story."


def test_validation_messages_are_in_japanese_under_ja(link, users):
    url = "/ja" + reverse("editorial:record_exchange", args=[link.slug])
    data = {"date": "1991-13", "kind": "civic", "direction": "both", "revision": "0"}

    response = signed_in(users["own officer"]).post(url, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "このフィールドは必須です。" in page
    assert "「1991-13」は日付ではありません" in page
    assert "編集の要約" in page


@pytest.mark.parametrize("payload", XSS)
def test_markup_in_stories_and_descriptions_is_inert(
    payload, link, exchange, users, django_capture_on_commit_callbacks
):
    client = signed_in(users["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("editorial:edit_link", args=[link.slug]),
            filled(LinkForm, link, story_en=payload, story_ja=payload),
        )
        client.post(
            reverse("editorial:edit_exchange", args=[exchange.pk]),
            filled(ExchangeForm, exchange, description_en=payload),
        )
    assert Link.objects.get(pk=link.pk).story_en == payload

    page = Client().get(reverse("website:link", args=[link.slug])).content.decode()

    assert active_markup(page) == []


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def active_markup(page: str) -> list:
    """Elements that could run script: images, inline scripts, event handlers, script links
    (the page's own scripts have a src or hold JSON, whose text escapes '<')."""
    parser = Elements()
    parser.feed(page)
    return [
        (tag, attrs)
        for tag, attrs in parser.found
        if tag == "img"
        or (tag == "script" and not (attrs.get("src") or attrs.get("type") in DATA_SCRIPTS))
        or any(name.startswith("on") for name in attrs)
        or (attrs.get("href") or "").strip().lower().startswith("javascript:")
    ]


DATA_SCRIPTS = {"application/json", "application/ld+json"}


def test_csrf_is_enforced(link, users):
    client = Client(enforce_csrf_checks=True)
    users["staff"].refresh_from_db()
    client.force_login(users["staff"])
    url = reverse("editorial:edit_link", args=[link.slug])
    data = filled(LinkForm, link, story_en="New story.")

    assert client.post(url, data).status_code == 403
    client.get(url)
    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    assert client.post(url, data).status_code == 302


@pytest.mark.parametrize(
    ("form_class", "changes"),
    [
        (AuthorityForm, {"name_ja": "ゲーツヘッド", "population": "196000"}),
        (SourceForm, {"title": "Twinning, renamed"}),
    ],
)
def test_authorities_and_sources_are_edited_with_history(form_class, changes, link, users):
    obj = link.jp_authority if form_class is AuthorityForm else link.sources.get()
    view = "editorial:edit_authority" if form_class is AuthorityForm else "editorial:edit_source"
    arg = obj.slug if form_class is AuthorityForm else obj.pk
    data = filled(form_class, obj, **changes, population_year="2020")

    response = signed_in(users["staff"]).post(reverse(view, args=[arg]), data)

    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.revision == 1
    assert obj.history.first().history_change_reason == "Checked against the council's page"


def test_edit_actions_show_to_those_who_may_and_never_in_the_cached_public_page(link, users):
    url = reverse("website:link", args=[link.slug])
    staff_page = signed_in(users["staff"]).get(url).content.decode()
    officer_page = signed_in(users["own officer"]).get(url).content.decode()
    public_page = Client().get(url).content.decode()

    assert "Edit this link" in staff_page and "Record an exchange" in staff_page
    assert "Edit this link" not in officer_page and "Record an exchange" in officer_page
    assert "Edit this link" not in public_page and "Record an exchange" not in public_page


def test_possibly_dormant_links_are_flagged_to_staff_only(users):
    old = LinkFactory(formed=dt.date(1991, 1, 1))
    ExchangeFactory(link=old, date=dt.date(2009, 1, 1))
    recent = LinkFactory(formed=dt.date(1991, 1, 1))
    ExchangeFactory(link=recent, date=timezone.localdate() - dt.timedelta(days=30))
    silent = LinkFactory(formed=dt.date(1991, 1, 1))
    ended = LinkFactory(formed=dt.date(1991, 1, 1), status="ended")

    flagged = set(dormant_links())
    assert {old, silent} <= flagged
    assert not {recent, ended} & flagged
    url = reverse("website:link", args=[old.slug])
    notice = "Possibly dormant — no exchange recorded since 2009"
    assert notice in signed_in(users["staff"]).get(url).content.decode()
    assert "Possibly dormant" not in Client().get(url).content.decode()
    assert "Possibly dormant" not in signed_in(users["own officer"]).get(url).content.decode()


def test_the_dormancy_period_is_a_setting(settings):
    link = LinkFactory(formed=dt.date(1991, 1, 1))
    ExchangeFactory(link=link, date=dt.date(timezone.localdate().year - 3, 1, 1))
    settings.KIZUNA_DORMANT_YEARS = 5
    assert link not in dormant_links()
    settings.KIZUNA_DORMANT_YEARS = 2
    assert link in dormant_links()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ended": "1999"}, "An end date is only for a link whose status is ended."),
        ({"status": "ended", "ended": "1980"}, "The link cannot end before it was formed."),
        ({"formed": "1991-02-30"}, "is not a date"),
        ({"summary": ""}, "This field is required."),
    ],
)
def test_the_models_rules_are_explained_in_words(changes, message, link, users):
    url = reverse("editorial:edit_link", args=[link.slug])
    data = filled(LinkForm, link, **changes)

    response = signed_in(users["staff"]).post(url, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Link.objects.get(pk=link.pk).revision == 0


def test_a_second_exchange_of_the_same_kind_and_date_is_refused(exchange, users):
    url = reverse("editorial:record_exchange", args=[exchange.link.slug])
    data = filled(ExchangeForm, exchange, date=exchange.date_display, revision="0")

    response = signed_in(users["staff"]).post(url, data)

    assert "already has an exchange of this kind on this date" in response.content.decode()
    assert exchange.link.exchanges.count() == 1
