"""Suggestions and their moderation: anyone suggests with a source, staff accept (applied with
history crediting the suggester), edit then accept, or reject with a reason; spam control; who
may moderate; conflicts; inert user text."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kizuna.registry.models import Link, Source
from kizuna.registry.tests.factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

from .. import editing, moderation
from ..forms.moderation import started_token
from ..models import Suggestion, SuggestionKind, SuggestionStatus
from .factories import OfficerFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The rate limit counts in the shared cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


def login(client, user):
    """Sign in as the stored user (the factories set a password they do not save)."""
    client.force_login(type(user).objects.get(pk=user.pk))


@pytest.fixture
def staff():
    user = StaffFactory(email="editor@kizuna.test", username="editor@kizuna.test")
    TOTP.activate(user, generate_totp_secret())  # staff editing pages ask for a second factor
    return user


@pytest.fixture
def staff_client(client, staff):
    login(client, staff)
    return client


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"editorial:{name}", args=args)


def form_data(**values):
    """A suggestion form as a person sends it, a minute after opening it."""
    return {
        "started": started_token(time.time() - 60),
        "homepage": "",
        "message": "The story is wrong.",
        "source_url": "https://council.test/news/twinning",
        **values,
    }


def link_form(link, **values):
    """The link correction form as shown (current values), changed by `values`."""
    current = {
        "change-type": link.type,
        "change-status": link.status,
        "change-formed": link.formed.isoformat() if link.formed else "",
        "change-formed_precision": link.formed_precision,
        "change-ended_precision": link.ended_precision,
        "change-clair_criteria": "unknown",
        "change-story_en": link.story_en,
    }
    return form_data(**{**current, **values})


def suggest_story(link, story="Pupils from both towns met in 1995.", **extra):
    return moderation.suggest(
        SuggestionKind.LINK,
        link,
        {"story_en": story},
        message="The story is out of date.",
        source_url="https://council.test/news/1995",
        **extra,
    )


def test_a_visitors_suggestion_is_queued_accepted_and_credited_in_the_history(
    client, staff, django_capture_on_commit_callbacks
):
    link = LinkFactory(story_en="Old story.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("suggest_link", link.slug),
            link_form(link, **{"change-story_en": "Pupils met in 1995.", "name": "Hanako"}),
        )
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.changes, suggestion.name, suggestion.revision) == (
        {"story_en": "Pupils met in 1995."},
        "Hanako",
        0,
    )
    assert mail.outbox[0].to == [staff.email]
    assert url("moderation_detail", suggestion.pk) in mail.outbox[0].body

    login(client, staff)
    assert url("moderation_detail", suggestion.pk) in client.get(url("moderation_queue")).text
    page = client.get(url("moderation_detail", suggestion.pk)).text
    assert "Old story." in page and "Pupils met in 1995." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("moderation_accept", suggestion.pk), {"summary": "Story from the council"}
        )
    assert response.status_code == 302

    version = link.history.first()
    assert version.history_change_reason == "Suggested by Hanako: Story from the council"
    assert version.history_user == staff
    assert Link.objects.get(pk=link.pk).sources.filter(url=suggestion.source_url).exists()
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (SuggestionStatus.ACCEPTED, staff)
    client.logout()
    assert "Pupils met in 1995." in client.get(reverse("website:link", args=[link.slug])).text


def test_a_rejection_is_mailed_with_its_reason_in_the_suggesters_language(
    client, staff_client, django_capture_on_commit_callbacks
):
    link = LinkFactory()
    Client().post(
        url("suggest_link", link.slug, language="ja"),
        link_form(link, **{"change-story_en": "New.", "email": "hanako@example.jp"}),
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.language == "ja"
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            url("moderation_reject", suggestion.pk), {"reason": "The source is about another town."}
        )
    message = mail.outbox[-1]
    assert message.to == ["hanako@example.jp"]
    assert "提案" in message.subject
    assert "The source is about another town." in message.body
    assert Suggestion.objects.get().status == SuggestionStatus.REJECTED


def test_a_rejection_needs_a_reason(staff_client):
    suggestion = suggest_story(LinkFactory())
    response = staff_client.post(url("moderation_reject", suggestion.pk), {"reason": " "})
    assert response.status_code == 400
    assert Suggestion.objects.get().status == SuggestionStatus.PENDING


def test_an_officers_proposal_is_from_their_account_and_they_hear_the_decision(
    client, staff, django_capture_on_commit_callbacks
):
    link = LinkFactory()
    officer = OfficerFactory(authority=link.uk_authority).user
    login(client, officer)
    response = client.get(url("suggest_link", link.slug))
    assert 'name="email"' not in response.text
    client.post(url("suggest_link", link.slug), link_form(link, **{"change-story_en": "New."}))
    suggestion = Suggestion.objects.get()
    assert (suggestion.user, suggestion.email) == (officer, "")
    login(client, staff)
    assert (
        "an officer of the authority concerned"
        in client.get(url("moderation_detail", suggestion.pk)).text
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderation.accept(suggestion, staff, "From the council")
    assert mail.outbox[-1].to == [officer.email]
    assert "accepted" in mail.outbox[-1].subject
    assert link.history.first().history_change_reason.startswith("Suggested by an authority")


def test_edit_then_accept_applies_the_edited_values(staff_client):
    link = LinkFactory()
    suggestion = suggest_story(link, "Pupils met in 1995")
    page = staff_client.get(url("moderation_detail", suggestion.pk)).text
    assert 'value="Pupils met in 1995"' not in page  # a textarea: the value is its content
    assert "\nPupils met in 1995</textarea>" in page

    staff_client.post(
        url("moderation_accept", suggestion.pk),
        {"edited": "1", "edit-story_en": "Pupils met in 1995.", "summary": "Typo"},
    )
    assert Link.objects.get(pk=link.pk).story_en == "Pupils met in 1995."
    assert Suggestion.objects.get().changes == {"story_en": "Pupils met in 1995."}


def test_an_authority_correction_is_applied_and_the_decided_page_has_no_forms(client, staff):
    authority = UKAuthorityFactory(name_en="Gateshead", name_ja="")
    client.post(
        url("suggest_authority", authority.slug),
        form_data(
            **{
                "change-name_en": "Gateshead",
                "change-name_ja": "ゲーツヘッド",
                "source_url": "https://www.clair.or.jp/j/exchange/shimai/",
            }
        ),
    )
    suggestion = Suggestion.objects.get()
    assert (suggestion.authority, suggestion.changes) == (authority, {"name_ja": "ゲーツヘッド"})
    moderation.accept(suggestion, staff, "Katakana name from CLAIR")

    authority.refresh_from_db()
    assert authority.name_ja == "ゲーツヘッド"
    assert authority.sources.filter(url=suggestion.source_url).exists()
    login(client, staff)
    page = client.get(url("moderation_detail", suggestion.pk)).text
    assert "Suggested by a visitor: Katakana name from CLAIR" in page
    assert url("moderation_accept", suggestion.pk) not in page


def test_an_accepted_new_link_is_created_with_its_source(client, staff_client):
    uk, jp = UKAuthorityFactory(name_en="Gateshead"), JPAuthorityFactory(name_en="Komatsu")
    page = client.get(url("suggest_new_link")).text
    assert "Gateshead" in page and "Komatsu" in page
    client.post(
        url("suggest_new_link"),
        form_data(
            **{
                "change-uk_authority": uk.pk,
                "change-jp_authority": jp.pk,
                "change-type": "friendship",
                "change-status": "active",
                "change-formed": "1992-05-01",
                "change-formed_precision": "day",
                "source_url": "",
                "source_description": "Komatsu city newsletter, June 1992",
            }
        ),
    )
    suggestion = Suggestion.objects.get()
    staff_client.post(url("moderation_accept", suggestion.pk), {"summary": "New friendship"})

    link = Link.objects.get(uk_authority=uk, jp_authority=jp)
    assert (link.type, link.formed.isoformat()) == ("friendship", "1992-05-01")
    assert [s.title for s in link.sources.all()] == ["Komatsu city newsletter, June 1992"]
    assert Suggestion.objects.get().link == link
    assert link.history.first().history_change_reason == "Suggested by a visitor: New friendship"


def test_a_new_link_must_name_both_authorities():
    with pytest.raises(ValidationError) as error:
        moderation.suggest(
            SuggestionKind.NEW_LINK, None, {"type": "sister"}, source_description="A plaque"
        )
    assert {"uk_authority", "jp_authority"} <= error.value.message_dict.keys()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"slug": "elsewhere"}, "cannot be changed by a suggestion: slug"),
        ({"confidence": "high"}, "cannot be changed by a suggestion: confidence"),
        ({"type": "cousin"}, "not one of the available choices"),
        ({"formed": "last spring"}, "valid date"),
    ],
)
def test_fields_outside_the_allow_list_and_invalid_values_are_refused(changes, problem):
    link = LinkFactory()
    with pytest.raises(ValidationError, match=problem):
        moderation.suggest(SuggestionKind.LINK, link, changes, source_description="A plaque")
    assert not Suggestion.objects.exists()


def test_a_suggestion_needs_a_source(client):
    link = LinkFactory()
    with pytest.raises(ValidationError, match="Give a source"):
        moderation.suggest(SuggestionKind.LINK, link, {"story_en": "New."})
    response = client.post(url("suggest_link", link.slug), link_form(link, source_url=""))
    assert "Give a source" in response.text
    assert not Suggestion.objects.exists()


def test_a_visitor_cannot_smuggle_a_decision_through_the_form(client, staff):
    link = LinkFactory()
    client.post(
        url("suggest_link", link.slug),
        link_form(
            link,
            status="accepted",
            decided_by=staff.pk,
            user=staff.pk,
            **{"change-slug": "taken-over", "change-story_en": "New."},
        ),
    )
    suggestion = Suggestion.objects.get()
    assert (suggestion.status, suggestion.decided_by, suggestion.user) == ("pending", None, None)
    assert suggestion.changes == {"story_en": "New."}
    assert Link.objects.get(pk=link.pk).slug == link.slug


def test_a_filled_honeypot_is_refused(client):
    link = LinkFactory()
    page = client.get(url("suggest_link", link.slug)).text
    assert '<div hidden><label for="id_homepage">' in page
    response = client.post(url("suggest_link", link.slug), link_form(link, homepage="http://x"))
    assert "automated submission" in response.text
    assert not Suggestion.objects.exists()


def test_a_form_sent_too_fast_is_refused_with_a_message(client):
    link = LinkFactory()
    response = client.post(
        url("suggest_link", link.slug), link_form(link, started=started_token(time.time()))
    )
    assert "faster than a person" in response.text
    assert not Suggestion.objects.exists()


def test_visitors_are_rate_limited_per_address(client, settings):
    settings.KIZUNA_SUGGESTION_RATE = "2/h"
    link = LinkFactory()
    data = link_form(link, **{"change-story_en": "New."})
    statuses = [client.post(url("suggest_link", link.slug), data).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    response = client.post(url("suggest_link", link.slug), data)
    assert "2 suggestions from your address in the last 60 minutes" in response.text
    assert Suggestion.objects.count() == 2


MODERATION_PAGES = [("moderation_queue", False), ("moderation_detail", True)]


@pytest.mark.parametrize(("name", "with_pk"), MODERATION_PAGES)
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("visitor", 403), ("officer", 403), ("staff", 200)]
)
def test_only_staff_see_the_moderation_pages(client, staff, name, with_pk, role, expected):
    suggestion = suggest_story(LinkFactory())
    user = {
        "anonymous": None,
        "visitor": UserFactory(),
        "officer": OfficerFactory(authority=suggestion.link.uk_authority).user,
        "staff": staff,
    }[role]
    if user is not None:
        login(client, user)
    response = client.get(url(name, *([suggestion.pk] if with_pk else [])))
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("action", ["moderation_accept", "moderation_reject"])
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("visitor", 403), ("officer", 403)]
)
def test_only_staff_can_decide(client, action, role, expected):
    suggestion = suggest_story(LinkFactory(story_en="Old."))
    if role != "anonymous":
        user = UserFactory() if role == "visitor" else None
        user = user or OfficerFactory(authority=suggestion.link.uk_authority).user
        login(client, user)
    response = client.post(url(action, suggestion.pk), {"summary": "x", "reason": "x"})
    assert response.status_code == expected
    assert Suggestion.objects.get().status == SuggestionStatus.PENDING
    assert Link.objects.get(pk=suggestion.link_id).story_en == "Old."


def test_decisions_are_post_only(staff_client):
    suggestion = suggest_story(LinkFactory())
    assert staff_client.get(url("moderation_accept", suggestion.pk)).status_code == 405
    assert staff_client.get(url("moderation_reject", suggestion.pk)).status_code == 405


def test_a_decided_suggestion_cannot_be_decided_again(staff):
    suggestion = suggest_story(LinkFactory())
    moderation.reject(suggestion, staff, "No source.")
    with pytest.raises(ValidationError, match="already rejected"):
        moderation.accept(suggestion, staff, "Changed my mind")


def test_user_text_is_inert_in_the_queue_and_the_suggestion_page(staff_client):
    script = "<script>alert(1)</script>"
    suggestion = moderation.suggest(
        SuggestionKind.LINK,
        LinkFactory(),
        {"story_en": '<img src=x onerror="alert(2)">'},
        message=script,
        source_description=script,
        name=script,
    )
    for page in (url("moderation_queue"), url("moderation_detail", suggestion.pk)):
        text = staff_client.get(page).text
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_accepting_over_a_later_edit_is_a_conflict_showing_both_values(staff, staff_client):
    link = LinkFactory(story_en="Old.")
    suggestion = suggest_story(link, "Proposed.")
    editing.update(link, {"story_en": "Edited meanwhile."}, user=staff, summary="x", revision=0)

    with pytest.raises(editing.Conflict):
        moderation.accept(suggestion, staff, "Apply")
    response = staff_client.post(
        url("moderation_accept", suggestion.pk), {"summary": "Apply", "revision": 0}
    )
    assert response.status_code == 409
    assert "Edited meanwhile." in response.text and "Proposed." in response.text
    assert Link.objects.get(pk=link.pk).story_en == "Edited meanwhile."
    assert Suggestion.objects.get().status == SuggestionStatus.PENDING
    assert not Source.objects.filter(url="https://council.test/news/1995").exists()

    # Accepting again, against the revision the page now shows, applies it.
    staff_client.post(url("moderation_accept", suggestion.pk), {"summary": "Apply", "revision": 1})
    assert Link.objects.get(pk=link.pk).story_en == "Proposed."


def test_the_link_and_authority_pages_offer_a_correction(client):
    link = LinkFactory()
    assert (
        url("suggest_link", link.slug) in client.get(reverse("website:link", args=[link.slug])).text
    )
    authority_page = client.get(reverse("website:authority", args=[link.uk_authority.slug])).text
    assert url("suggest_authority", link.uk_authority.slug) in authority_page
    assert client.get(url("suggest_authority", link.uk_authority.slug)).status_code == 200


def test_the_suggestion_form_is_in_japanese_under_ja(client):
    link = LinkFactory()
    page = client.get(url("suggest_link", link.slug, language="ja")).text
    assert "修正を提案する" in page and "出典" in page
