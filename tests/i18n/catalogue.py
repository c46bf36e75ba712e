"""The English message catalogue, as the tests read it: parsed with polib.

The ``.mo`` the pages read is compiled at the start of a test run
(tests/testing_environment.py).
"""

from __future__ import annotations

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def messages_of(text: str) -> list[polib.POEntry]:
    """The messages of a catalogue given as text, without its header and obsolete (#~) entries."""
    return [entry for entry in polib.pofile(text) if entry.msgid and not entry.obsolete]


def untranslated(text: str) -> list[polib.POEntry]:
    """Messages with an empty translation (any plural form) or marked fuzzy (Django skips those)."""
    return [entry for entry in messages_of(text) if "fuzzy" in entry.flags or not entry.translated()]
