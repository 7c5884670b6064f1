import json

import pytest

from kizuna.api.schemas import AuthorityOut, LinkOut
from kizuna.readmodel.models import AuthorityRecord, LinkRecord
from kizuna.registry.changes import bulk_change
from kizuna.registry.models import Agreement, Authority, Link
from kizuna.registry.tests.factories import JPAuthorityFactory, LinkFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db


def record(link: Link) -> dict:
    return json.loads(LinkRecord.objects.get(pk=link.pk).json)


def test_every_record_has_the_documented_shape(registry):
    assert LinkRecord.objects.count() == Link.objects.count() > 30
    assert AuthorityRecord.objects.count() == Authority.objects.count()
    for body in LinkRecord.objects.values_list("json", flat=True):
        LinkOut.model_validate_json(body, strict=False)
    for body in AuthorityRecord.objects.values_list("json", flat=True)[:500]:
        AuthorityOut.model_validate_json(body, strict=False)
    yoichi = record(Link.objects.get(slug="east-dunbartonshire-yoichi"))
    assert yoichi["jp"]["name_ja"] == "余市町" and yoichi["formed"] == "1988-10-12"
    assert [a["kind"] for a in yoichi["agreements"]][:1] == ["signed"]
    assert "strathkelvin" in {s["slug"] for a in yoichi["agreements"] for s in a["signatories"]}


def test_an_edit_refreshes_what_shows_it_when_it_commits(db, django_capture_on_commit_callbacks):
    link = LinkFactory()
    with bulk_change():
        pass  # publish the factory's rows as an import would
    town = link.jp_authority
    with django_capture_on_commit_callbacks(execute=True):
        town.name_en = "Renamed"
        town.save()
        assert record(link)["jp"]["name_en"] != "Renamed"  # not before the commit
    assert record(link)["jp"]["name_en"] == "Renamed"
    child = JPAuthorityFactory(parent=town)
    with django_capture_on_commit_callbacks(execute=True):
        child.save()
        town.name_en = "Renamed again"
        town.save()
    parent = json.loads(AuthorityRecord.objects.get(pk=child.pk).json)["parent"]
    assert parent["name_en"] == "Renamed again"
    with django_capture_on_commit_callbacks(execute=True):
        link.delete()
    assert not LinkRecord.objects.filter(pk=link.pk).exists()


def test_a_signatory_rename_reaches_the_links_it_signed(db, django_capture_on_commit_callbacks):
    link, former = LinkFactory(), UKAuthorityFactory(kind="scottish_district")
    with django_capture_on_commit_callbacks(execute=True):
        agreement = Agreement.objects.create(link=link, kind="signed", date=link.formed)
        agreement.signatories.add(former)
    with django_capture_on_commit_callbacks(execute=True):
        former.name_en = "Strathkelvin District"
        former.save()
    signed = record(link)["agreements"][0]["signatories"]
    assert [s["name_en"] for s in signed] == ["Strathkelvin District"]


def test_a_failed_bulk_change_leaves_the_records_as_they_were(registry):
    before = dict(LinkRecord.objects.values_list("pk", "json"))
    with pytest.raises(RuntimeError), bulk_change():
        Link.objects.update(story_en="half-written")
        raise RuntimeError("the import found a bad row")
    assert dict(LinkRecord.objects.values_list("pk", "json")) == before
