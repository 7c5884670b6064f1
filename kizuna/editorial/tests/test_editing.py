"""The one write path of edits through the site: one history row per edit with its author and
summary, conflicts refused, bad input refused with nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kizuna.registry.models import Exchange, Link, Reason
from kizuna.registry.tests.factories import LinkFactory, SourceFactory

from .. import editing
from .factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_an_edit_is_one_version_with_author_summary_and_relations():
    link, editor, reason = LinkFactory(), StaffFactory(), Reason.objects.first()
    before = link.history.count()

    edited = editing.update(
        link,
        {"story_en": "Pupils from both towns met in 1995.", "reasons": [reason]},
        user=editor,
        summary="Add the story",
        revision=link.revision,
    )

    assert edited.revision == link.revision + 1
    assert link.history.count() == before + 1
    version = link.history.first()
    assert (version.history_user, version.history_change_reason) == (editor, "Add the story")
    assert version.story_en == "Pupils from both towns met in 1995."
    assert [r.reason for r in version.reasons.all()] == [reason]


def test_an_edit_from_an_older_revision_is_refused_and_changes_nothing():
    link, editor = LinkFactory(story_en="Original."), StaffFactory()
    editing.update(link, {"story_en": "First."}, user=editor, summary="first", revision=0)

    with pytest.raises(editing.Conflict) as conflict:
        editing.update(link, {"story_en": "Second."}, user=editor, summary="stale", revision=0)

    assert conflict.value.current.story_en == "First."
    assert Link.objects.get(pk=link.pk).story_en == "First."


@pytest.mark.parametrize("summary", ["", "   "])
def test_an_edit_needs_a_summary(summary):
    link = LinkFactory(story_en="Original.")
    with pytest.raises(ValidationError, match="edit summary"):
        editing.update(link, {"story_en": "New."}, user=None, summary=summary, revision=0)
    assert Link.objects.get(pk=link.pk).story_en == "Original."
    assert Link.objects.get(pk=link.pk).revision == 0


def test_invalid_values_are_refused_before_anything_is_written():
    link = LinkFactory(type="sister")
    with pytest.raises(ValidationError) as error:
        editing.update(link, {"type": "cousin"}, user=None, summary="x", revision=0)
    assert "type" in error.value.message_dict
    assert Link.objects.get(pk=link.pk).type == "sister"


def test_a_new_object_is_one_created_version_with_its_relations():
    link, source, officer = LinkFactory(), SourceFactory(), StaffFactory()
    exchange = editing.create(
        Exchange,
        {
            "link": link,
            "date": dt.date(2024, 5, 1),
            "date_precision": "month",
            "kind": "cultural",
            "description_en": "A taiko group visited.",
            "sources": [source],
        },
        user=officer,
        summary="Record the taiko visit",
    )
    versions = list(exchange.history.all())
    assert [v.history_type for v in versions] == ["+"]
    assert versions[0].history_user == officer
    assert [s.source for s in versions[0].sources.all()] == [source]


def test_delete_records_a_deleted_version():
    link = LinkFactory()
    editing.delete(link, user=StaffFactory(), summary="Duplicate of another link", revision=0)
    assert not Link.objects.filter(pk=link.pk).exists()
    last = Link.history.filter(id=link.pk).first()
    assert (last.history_type, last.history_change_reason) == ("-", "Duplicate of another link")
