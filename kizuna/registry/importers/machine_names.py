"""Machine katakana names for UK councils that no Japanese source names.

Run at the end of `kizuna import-registers`: every UK authority without a Japanese name gets
`machine_katakana(name_en)` (kizuna/core/katakana.py, e2k) with `name_ja_machine` set, so a
Japanese officer typing ミドルズブラ or コヴェントリー finds something and pages can mark the
name 自動表記. A sourced name (curated data, `kizuna import-links`) clears the flag and is never
overwritten here. Only authorities without a Japanese name are transliterated (e2k takes about
10 ms a word): a register import that renames a council clears its machine name
(registers.upsert), so it is made again here. Idempotent.
"""

from functools import cache

from django.db import transaction

from kizuna.core.katakana import machine_katakana

from ..models import Authority, Country
from .registers import save_changed
from .summary import Summary

LABEL = "UK Japanese names (machine, e2k)"


def fill_machine_names() -> Summary:
    """Give every UK authority without a Japanese name its machine name."""
    summary = Summary(LABEL)
    uk = Authority.objects.filter(country=Country.GB)
    with transaction.atomic():
        named = uk.exclude(name_ja="").filter(name_ja_machine=True).count()
        changed = []
        for authority in uk.filter(name_ja="").order_by("pk"):
            made = machine_name(authority)
            summary.count("created" if made else "unchanged")
            if made:
                changed.append((authority, {"name_ja", "name_ja_machine"}))
        save_changed(changed)
    for _ in range(named):
        summary.count("unchanged")
    return summary


def machine_name(authority: Authority) -> bool:
    """Set the authority's machine name (unsaved); False if e2k makes none (a name of symbols)."""
    name = katakana(authority.name_en)[: Authority._meta.get_field("name_ja").max_length]
    if not name:
        return False
    authority.name_ja, authority.name_ja_machine = name, True
    return True


@cache
def katakana(name_en: str) -> str:
    """machine_katakana, remembered: e2k takes about 10 ms a name, and a process that imports
    again (a re-import after a rename, the test suite) asks for the same names."""
    return machine_katakana(name_en)
