"""The history page links every pair it names to that pair's link page, in both languages."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from kizuna.website.templatetags.kizuna_links import link_href

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "website" / "includes"
PAIRS = re.compile(r'{% link_href "([^"]+)" "([^"]+)" %}')


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_pair_the_history_names_is_a_link(client, registry, language):
    named = PAIRS.findall((TEMPLATES / f"_history_{language}.html").read_text(encoding="utf-8"))
    assert len(named) >= 10
    for uk, jp in named:
        href = link_href(uk, jp)
        assert href != reverse("website:directory"), (uk, jp)  # no fallback to the directory
        assert client.get(href).status_code == 200, href
    prefix = "/ja" if language == "ja" else ""
    assert client.get(f"{prefix}/history/").status_code == 200
