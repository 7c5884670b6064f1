"""Machine katakana names: set by import-registers for UK councils without a Japanese name,
cleared by a sourced name from curated data, never overwriting one; re-runs change nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from ..importers.curated import load_directory
from ..importers.machine_names import fill_machine_names
from ..importers.records import AuthorityRecord
from ..importers.registers import save_authorities
from ..models import Authority
from .factories import JPAuthorityFactory, UKAuthorityFactory

pytestmark = pytest.mark.django_db

SOURCED = """\
authorities:
- country: GB
  code: E08000026
  iso_code: GB-COV
  name_ja: コベントリー
  sources:
  - url: https://example.jp/coventry
    title: Coventry in Japanese
    publisher: A Japanese source
    accessed: 2026-12-01
"""


def import_registers() -> str:
    out = StringIO()
    call_command("import_registers", "--no-progress", stdout=out)
    return out.getvalue()


def test_import_registers_names_every_uk_council():
    output = import_registers()
    uk = Authority.objects.filter(country="GB")
    n = uk.count()
    assert f"UK Japanese names (machine, e2k): {n} read, {n} created" in output
    assert not uk.filter(name_ja="").exists()
    assert uk.filter(name_ja_machine=True).count() == n
    hull = uk.get(iso_code="GB-KHL")
    assert (hull.name_ja, hull.name_ja_machine) == ("キングストン・アポン・フル", True)
    assert not Authority.objects.filter(country="JP", name_ja_machine=True).exists()
    assert f"{n} read, 0 created, 0 updated, {n} unchanged" in import_registers()


def test_a_sourced_name_wins_and_survives_reimport(tmp_path):
    import_registers()
    (tmp_path / "authorities").mkdir()
    (tmp_path / "authorities" / "names.yaml").write_text(SOURCED, encoding="utf-8")
    load_directory(tmp_path)
    coventry = Authority.objects.get(iso_code="GB-COV")
    assert (coventry.name_ja, coventry.name_ja_machine) == ("コベントリー", False)
    n = Authority.objects.filter(country="GB", name_ja_machine=True).count()
    assert f"{n} read, 0 created, 0 updated, {n} unchanged" in import_registers()
    coventry.refresh_from_db()
    assert (coventry.name_ja, coventry.name_ja_machine) == ("コベントリー", False)


def test_sourced_names_are_never_touched():
    sourced = UKAuthorityFactory(name_en="Gateshead", name_ja="ゲーツヘッド")
    machine = UKAuthorityFactory(name_en="Coventry")
    japanese = JPAuthorityFactory()
    summary = fill_machine_names()
    assert (summary.created, summary.updated, summary.unchanged) == (1, 0, 0)
    sourced.refresh_from_db()
    assert (sourced.name_ja, sourced.name_ja_machine) == ("ゲーツヘッド", False)
    machine.refresh_from_db()
    assert (machine.name_ja, machine.name_ja_machine) == ("カバントリー", True)
    japanese.refresh_from_db()
    assert not japanese.name_ja_machine


def test_a_council_renamed_by_its_register_gets_a_fresh_machine_name():
    council = UKAuthorityFactory(name_en="Old Name", name_ja="古い", name_ja_machine=True)
    record = AuthorityRecord(
        country="GB", kind=council.kind, name_en="Coventry", slug=council.slug, code=council.code
    )
    save_authorities(
        [record],
        "test register",
        {"url": "https://register.test", "title": "Test register"},
        progress=False,
    )
    assert fill_machine_names().created == 1
    council.refresh_from_db()
    assert (council.name_ja, council.name_ja_machine) == ("カバントリー", True)
