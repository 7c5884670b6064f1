"""Every UI string has a Japanese translation, and the compiled catalogue matches it."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "ja" / "LC_MESSAGES"


def test_every_string_is_translated_with_its_placeholders():
    po = polib.pofile(str(LOCALE / "django.po"))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    for entry in po.translated_entries():
        for placeholder in ("%(", "{{"):
            assert entry.msgid.count(placeholder) == (entry.msgstr or entry.msgstr_plural[0]).count(
                placeholder
            )


def test_compiled_catalogue_is_up_to_date():
    po = polib.pofile(str(LOCALE / "django.po"))
    mo = polib.mofile(str(LOCALE / "django.mo"))
    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo}
    assert compiled == {
        entry.msgid: entry.msgstr or entry.msgstr_plural for entry in po.translated_entries()
    }, "run `make translations`"
