"""The English message catalogue, as the tests read it: parsed with polib, compiled when stale.

The set-up compiles the catalogue (``compilemessages``); a test run started
without it still reads the current English, because the ``.mo`` is written
here from the ``.po`` when it is missing or older (polib needs no msgfmt).
"""

from __future__ import annotations

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def messages_of(text: str) -> list[polib.POEntry]:
    """The messages of a catalogue given as text, without its header and obsolete (#~) entries."""
    return [entry for entry in polib.pofile(text) if entry.msgid and not entry.obsolete]


def untranslated(text: str) -> list[polib.POEntry]:
    """Messages with an empty translation (any plural form) or marked fuzzy (Django skips those)."""
    return [entry for entry in messages_of(text) if "fuzzy" in entry.flags or not entry.translated()]


def compile_if_stale() -> None:
    if not COMPILED.exists() or COMPILED.stat().st_mtime < CATALOGUE.stat().st_mtime:
        polib.pofile(str(CATALOGUE)).save_as_mofile(str(COMPILED))
