"""The English message catalogue, as the tests read it: parsed with polib, compiled when stale.

The set-up compiles the catalogue (``compilemessages``); a test run started
without it still reads the current English, because the ``.mo`` is written
here from the ``.po`` when it is missing or older (polib needs no msgfmt).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")

# The marking functions whose first literal argument is a msgid (and, for the
# ``p`` forms, whose first is the context); ``N_`` is the pure library's marker.
SINGULAR = {"_", "gettext", "gettext_lazy", "N_"}
WITH_CONTEXT = {"pgettext", "pgettext_lazy"}
PLURAL = {"ngettext", "ngettext_lazy"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@dataclass(frozen=True)
class Marked:
    context: str | None
    msgid: str
    where: str


def entries() -> dict[tuple[str | None, str], polib.POEntry]:
    return {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(CATALOGUE))}


def messages_of(text: str) -> list[polib.POEntry]:
    """The messages of a catalogue given as text, without its header and obsolete (#~) entries."""
    return [entry for entry in polib.pofile(text) if entry.msgid and not entry.obsolete]


def untranslated(text: str) -> list[polib.POEntry]:
    """Messages with an empty translation (any plural form) or marked fuzzy (Django skips those)."""
    return [entry for entry in messages_of(text) if "fuzzy" in entry.flags or not entry.translated()]


def compile_if_stale() -> None:
    if not COMPILED.exists() or COMPILED.stat().st_mtime < CATALOGUE.stat().st_mtime:
        polib.pofile(str(CATALOGUE)).save_as_mofile(str(COMPILED))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def marked_in_python() -> Iterator[Marked]:
    """Every literal message the application's Python marks, with its context."""
    for path in sorted((ROOT / "concordance").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            name, args = node.func.id, node.args
            if name in SINGULAR or name in PLURAL:
                msgid = _literal(args[0])
                if msgid is not None:
                    yield Marked(None, msgid, where)
            elif name in WITH_CONTEXT and len(args) > 1:
                context, msgid = _literal(args[0]), _literal(args[1])
                if context is not None and msgid is not None:
                    yield Marked(context, msgid, where)
