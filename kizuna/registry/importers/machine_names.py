"""Machine katakana names for UK councils that no Japanese source names.

Run at the end of `kizuna import-registers`: every UK authority without a Japanese name gets
`machine_katakana(name_en)` (kizuna/core/katakana.py, e2k) with `name_ja_machine` set, so a
Japanese officer typing ミドルズブラ or コヴェントリー finds something and pages can mark the
name 自動表記. A sourced name (curated data, `kizuna import-links`) clears the flag and is never
overwritten here; a machine name is refreshed if the English name changed. Idempotent.
"""

from django.db import transaction

from kizuna.core.katakana import machine_katakana

from ..models import Authority, Country
from .summary import Summary

LABEL = "UK Japanese names (machine, e2k)"


def fill_machine_names() -> Summary:
    """Set or refresh the machine name of every UK authority that lacks a sourced one."""
    summary = Summary(LABEL)
    with transaction.atomic():
        for authority in Authority.objects.filter(country=Country.GB).order_by("pk"):
            outcome = machine_name(authority)
            if outcome:
                summary.count(outcome)
    return summary


def machine_name(authority: Authority) -> str | None:
    """'created', 'updated' or 'unchanged'; None for a sourced name, left alone."""
    if authority.name_ja and not authority.name_ja_machine:
        return None
    name = machine_katakana(authority.name_en)[: Authority._meta.get_field("name_ja").max_length]
    if not name:
        return None
    if authority.name_ja == name:
        return "unchanged"
    outcome = "updated" if authority.name_ja else "created"
    authority.name_ja, authority.name_ja_machine = name, True
    authority.save(update_fields=["name_ja", "name_ja_machine", "updated"])
    return outcome
