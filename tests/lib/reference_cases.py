"""What the reference tests share: the sources, contexts, and the references found as words and targets."""

from __future__ import annotations

import re
from pathlib import Path

from concordance.lib.references import Context, find_references

SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
UN = "un-resolution-79-243-fr.txt"
BILL = "budapest-bill-905-2003-fr.txt"
BENIN = "budapest-benin-decree-2024-773-fr.txt"
BENIN_PROTOCOL_FROM_LINE = 695  # "Protocole additionnel à la Convention sur la cybercriminalité…"
P1 = "budapest-p1"


def at(instrument: str, article: int | None = None, paragraph: str | None = None, **divisions: str) -> Context:
    return Context(instrument, article, paragraph, divisions.get("chapter"), divisions.get("section"))


def arts(first: int, last: int, instrument: str = "") -> list[str]:
    prefix = f"{instrument}:" if instrument else ""
    return [f"{prefix}art_{n}" for n in range(first, last + 1)]


def found(text: str, context: Context, exists=None) -> list[tuple[str, list[str]]]:
    """(words of the reference, targets) for each reference; offsets checked on the way.

    A target of the text's own instrument is written as its eid, another
    instrument's as "instrument:eid".
    """
    refs = find_references(text, context, exists)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
    return [
        (
            " ".join(ref.text.split()),
            [t.eid if t.instrument == context.instrument else f"{t.instrument}:{t.eid}" for t in ref.targets],
        )
        for ref in refs
    ]


def resolved(text: str, context: Context) -> list[bool]:
    return [ref.resolved for ref in find_references(text, context)]


def source_text(filename: str) -> str:
    return (SOURCES / filename).read_text(encoding="utf-8")


def quoted(filename: str, fragment: str) -> str:
    """The fragment as the source prints it (non-breaking spaces, line breaks)."""
    pattern = r"\s+".join(re.escape(word) for word in fragment.split())
    match = re.search(pattern, source_text(filename))
    assert match, f"not in {filename}: {fragment!r}"
    return match.group()
