"""Machine katakana names for UK councils that no Japanese source names.

Run at the end of `kizuna import-registers`: every UK authority without a Japanese name gets
`machine_katakana(name_en)` (kizuna/core/katakana.py, e2k) with `name_ja_machine` set, so a
Japanese officer typing ミドルズブラ or コヴェントリー finds something and pages can mark the
name 自動表記. A sourced name (curated data, `kizuna import-links`) clears the flag and is never
overwritten here. Only authorities without a Japanese name are transliterated (e2k takes about
10 ms a word): a register import that renames a council clears its machine name
(registers.upsert), so it is made again here. Idempotent.
"""

from django.db import transaction

from kizuna.core.katakana import machine_katakana

from ..models import Authority, Country
from .summary import Summary

LABEL = "UK Japanese names (machine, e2k)"


def fill_machine_names() -> Summary:
    """Give every UK authority without a Japanese name its machine name."""
    summary = Summary(LABEL)
    uk = Authority.objects.filter(country=Country.GB)
    with transaction.atomic():
        named = uk.exclude(name_ja="").filter(name_ja_machine=True).count()
        for authority in uk.filter(name_ja="").order_by("pk"):
            summary.count("created" if machine_name(authority) else "unchanged")
    for _ in range(named):
        summary.count("unchanged")
    return summary


def machine_name(authority: Authority) -> bool:
    """Set the authority's machine name; False if e2k makes none (a name of symbols)."""
    name = machine_katakana(authority.name_en)[: Authority._meta.get_field("name_ja").max_length]
    if not name:
        return False
    authority.name_ja, authority.name_ja_machine = name, True
    authority.save(update_fields=["name_ja", "name_ja_machine", "updated"])
    return True
