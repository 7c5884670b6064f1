"""Staff can see and search a link's agreements in the admin."""

import pytest

from ..models import Agreement
from .factories import LinkFactory, SourceFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db


def test_agreements_show_in_the_admin(admin_client):
    link = LinkFactory()
    former = UKAuthorityFactory(name_en="Strathkelvin District Council")
    agreement = Agreement.objects.create(link=link, kind="signed", date="1988-10-12")
    agreement.signatories.set([former, link.jp_authority])
    agreement.sources.set([SourceFactory()])
    page = admin_client.get(f"/admin/registry/link/{link.pk}/change/")
    assert page.status_code == 200 and b"Strathkelvin District Council" in page.content
    found = admin_client.get("/admin/registry/agreement/?q=Strathkelvin")
    assert found.status_code == 200 and str(link).encode() in found.content
