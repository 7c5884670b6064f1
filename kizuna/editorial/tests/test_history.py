"""History of registry objects: readable diffs, recent changes and their feed, revert."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kizuna.registry.models import Link, Reason
from kizuna.registry.tests.factories import LinkFactory, SourceFactory, UKAuthorityFactory

from .. import editing, history
from .factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XSS = "<script>alert(1)</script>"


def edit(obj, values, user=None, summary="An edit"):
    """An edit through the site's one write path, from the object's current revision."""
    current = type(obj).objects.get(pk=obj.pk)
    return editing.update(current, values, user=user, summary=summary, revision=current.revision)


def sign_in(client, user):
    # The factories set the password without saving it: sign in as the stored user, whose
    # password the session's hash is checked against.
    user.refresh_from_db()
    client.force_login(user)
    return user


def changes_of(version) -> dict:
    return {change.label: (change.before, change.after) for change in version.changes}


@pytest.fixture
def link():
    return LinkFactory(story_en="First story.")


def test_a_diff_names_fields_choices_and_relations(link):
    reason, source = Reason.objects.get(slug="historic-ties"), SourceFactory(title="Civic report")
    editor, original = StaffFactory(email="editor@council.test"), link.sources.get()
    edit(link, {"status": "dormant", "reasons": [reason], "sources": [source]}, editor, "Tidy")

    newest = history.versions(Link, link.pk)[0]

    assert (newest.type, newest.who, newest.summary) == ("~", "editor@council.test", "Tidy")
    assert changes_of(newest) == {
        "Status": ("active", "dormant"),
        "Reasons": ("", reason.name_en),
        "Sources": (str(original), "Test Council: Civic report"),
    }


def test_a_foreign_key_shows_the_related_objects_name(link):
    other = UKAuthorityFactory(name_en="Gateshead")
    edit(link, {"uk_authority": other})

    before, after = changes_of(history.versions(Link, link.pk)[0])["UK authority"]

    assert (before, after) == (link.uk_authority.name_en, "Gateshead")


def test_the_first_version_shows_the_values_it_was_created_with(link):
    oldest = history.versions(Link, link.pk)[-1]
    assert oldest.type == "+"
    assert changes_of(oldest)["Type"] == ("", "sister city / twinning")
    assert changes_of(oldest)["Formed"] == ("", "1991-01-01")


def test_a_save_without_a_user_is_shown_as_by_the_system(link):
    assert history.versions(Link, link.pk)[-1].who == "system"


def test_recent_changes_are_newest_first_across_models(link):
    source = SourceFactory(title="Newer source")
    edit(link, {"story_en": "Second story."}, summary="Latest")

    changes = history.recent_changes(limit=3)

    assert [(c.kind, c.summary) for c in changes][:2] == [("link", "Latest"), ("source", "")]
    assert changes[1].object_id == source.pk
    assert [c.when for c in changes] == sorted((c.when for c in changes), reverse=True)
    older = history.recent_changes(limit=50, before=changes[0].when)
    assert changes[0].id not in [c.id for c in older if c.kind == "link"]


def test_the_changes_page_links_each_change_to_its_object_and_history(client, link):
    edit(link, {"story_en": "Second story."}, summary="Story rewritten")
    page = client.get("/changes/").content.decode()
    assert "Story rewritten" in page
    assert f'href="/links/{link.slug}/"' in page
    assert f'href="/history/link/{link.pk}/#version-' in page


def test_the_feed_is_atom_with_the_changes_escaped(client, link):
    edit(link, {"story_en": "Second story."}, summary=XSS)

    response = client.get("/changes/feed.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert entries and feed.find(f"{ATOM}title").text == "Kizuna: recent changes"
    newest = entries[0]
    assert (
        newest.find(f"{ATOM}link")
        .get("href")
        .endswith(f"/history/link/{link.pk}/" + "#version-" + str(link.history.first().history_id))
    )
    # The summary is HTML to feed readers: the script arrives as text, not as markup.
    assert newest.find(f"{ATOM}summary").text.startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert b"<script>" not in response.content


def test_a_history_page_escapes_values(client, link):
    edit(link, {"story_en": XSS}, summary=XSS)
    page = client.get(f"/history/link/{link.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert XSS not in page


def test_the_history_page_in_japanese(client, link):
    edit(link, {"status": "dormant"})
    page = client.get(f"/ja/history/link/{link.pk}/").content.decode()
    assert "履歴" in page and "休止状態" in page and "状況" in page
    assert "History" not in page


def test_the_history_page_costs_the_same_queries_for_more_versions(client, settings):
    settings.KIZUNA_PAGE_CACHE = False

    def queries_for(count: int) -> int:
        link = LinkFactory()
        for number in range(count):
            source = SourceFactory()
            edit(link, {"story_en": f"Story {number}", "sources": [source]})
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/history/link/{link.pk}/").status_code == 200
        return len(queries)

    assert queries_for(2) == queries_for(8)


def test_unknown_objects_and_kinds_have_no_history(client):
    assert client.get("/history/link/999999/").status_code == 404
    assert client.get("/history/user/1/").status_code == 404


def test_staff_see_revert_forms_and_others_do_not(client, link):
    edit(link, {"story_en": "Second story."})
    url = f"/history/link/{link.pk}/"
    assert "Revert to this version" not in client.get(url).content.decode()
    sign_in(client, UserFactory())
    assert "Revert to this version" not in client.get(url).content.decode()
    sign_in(client, StaffFactory())
    page = client.get(url).content.decode()
    # Every version but the current one (the factory's link has two: created, then cited).
    assert page.count("Revert to this version") == link.history.count() - 1 == 2
    assert 'name="csrfmiddlewaretoken"' in page


def test_revert_restores_fields_and_relations_as_a_new_version(
    client, link, django_capture_on_commit_callbacks
):
    earlier = link.history.first()  # the version before the edit
    original_sources = set(link.sources.all())
    edit(
        link,
        {"status": "dormant", "sources": [SourceFactory()], "reasons": Reason.objects.all()[:2]},
    )
    staff = sign_in(client, StaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/history/link/{link.pk}/revert/{earlier.history_id}/",
            {"summary": "Vandalism", "revision": "1"},
        )

    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.revision) == ("active", 2)
    assert set(link.sources.all()) == original_sources and not link.reasons.exists()
    newest = link.history.first()
    assert newest.history_user == staff
    assert newest.history_change_reason.startswith("Reverted to version of ")
    assert newest.history_change_reason.endswith(": Vandalism")
    # The revert is published: the public page shows the restored status.
    client.logout()
    assert "<dt>Status</dt><dd>active" in client.get(f"/links/{link.slug}/").content.decode()


def test_revert_from_an_old_revision_is_refused(client, link):
    earlier = link.history.first()  # the version before the edit
    edit(link, {"status": "dormant"})
    sign_in(client, StaffFactory())
    response = client.post(
        f"/history/link/{link.pk}/revert/{earlier.history_id}/",
        {"summary": "Undo", "revision": "0"},
        follow=True,
    )
    assert "Someone changed this" in response.content.decode()
    link.refresh_from_db()
    assert (link.status, link.revision) == ("dormant", 1)


def test_revert_needs_a_summary(link):
    earlier = link.history.first()  # the version before the edit
    edit(link, {"status": "dormant"})
    with pytest.raises(ValidationError, match="edit summary"):
        history.revert(Link.objects.get(pk=link.pk), earlier.history_id, StaffFactory(), "  ")
    link.refresh_from_db()
    assert link.status == "dormant"


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_revert_is_forbidden_to_all_but_staff(client, link, who):
    earlier = link.history.first()  # the version before the edit
    edit(link, {"status": "dormant"})
    if who == "member":
        sign_in(client, UserFactory())
    response = client.post(
        f"/history/link/{link.pk}/revert/{earlier.history_id}/",
        {"summary": "Undo", "revision": "1"},
    )
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.status == "dormant"


def test_revert_is_never_a_get(client, link):
    earlier = link.history.first()  # the version before the edit
    edit(link, {"status": "dormant"})
    sign_in(client, StaffFactory())
    response = client.get(f"/history/link/{link.pk}/revert/{earlier.history_id}/")
    assert response.status_code == 405
    link.refresh_from_db()
    assert link.status == "dormant"


def test_the_link_and_authority_pages_link_to_their_history(client, link):
    page = client.get(f"/links/{link.slug}/").content.decode()
    assert f'href="/history/link/{link.pk}/"' in page
    page = client.get(f"/authorities/{link.uk_authority.slug}/").content.decode()
    assert f'href="/history/authority/{link.uk_authority.pk}/"' in page
    assert 'href="/changes/"' in page


def test_a_deleted_objects_history_stays_readable(client):
    source = SourceFactory(title="Gone soon")
    pk = source.pk
    editing.delete(source, user=None, summary="Duplicate", revision=0)
    page = client.get(f"/history/source/{pk}/").content.decode()
    assert "Duplicate" in page and "deleted" in page


def test_versions_are_paged_with_the_previous_version_for_the_diff(link):
    for number in range(3):
        edit(link, {"story_en": f"Story {number}"})
    second_page = history.versions(Link, link.pk, start=1, stop=2)
    assert len(second_page) == 1
    assert changes_of(second_page[0])["Story (English)"] == ("Story 0", "Story 1")


def test_the_revert_summary_names_the_version_it_restores(link):
    earlier = link.history.first()  # the version before the edit
    edit(link, {"status": "dormant"})
    reverted = history.revert(
        Link.objects.get(pk=link.pk), earlier.history_id, StaffFactory(), "Undo"
    )
    when = timezone.localtime(earlier.history_date).strftime("%Y-%m-%d %H:%M")
    assert reverted.history.first().history_change_reason == f"Reverted to version of {when}: Undo"


def test_imported_rows_name_the_import_that_wrote_them(registry):
    medway = Link.objects.get(uk_authority__name_en="Medway", jp_authority__name_ja="横須賀市")
    versions = history.versions(Link, medway.pk)
    (summary,) = {v.summary for v in versions}  # all from the one file that holds the link
    assert re.fullmatch(r"import-links links/[\w-]+\.yaml", summary)
    assert {v.who for v in versions} == {"import"}
    assert medway.agreements.first().history.first().history_change_reason == summary


def test_revert_needs_the_forms_csrf_token(link):
    from django.test import Client

    earlier = link.history.first()
    edit(link, {"status": "dormant"})
    client = Client(enforce_csrf_checks=True)
    sign_in(client, StaffFactory())
    response = client.post(
        f"/history/link/{link.pk}/revert/{earlier.history_id}/",
        {"summary": "Undo", "revision": "1"},
    )
    assert response.status_code == 403
    assert Link.objects.get(pk=link.pk).status == "dormant"
