"""Reading a gettext catalogue (.po) as makemessages writes it, to find what is not translated."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')


@dataclass
class Entry:
    fields: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [value for name, value in sorted(self.fields.items()) if name.startswith("msgstr")]

    def __str__(self) -> str:
        where = " ".join(self.references) or "?"
        return f"{where}: {self.msgid!r}"


def entries(text: str) -> list[Entry]:
    """The catalogue's entries but its header (the entry of the empty msgid) and obsolete ones (#~)."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        entry = Entry()
        current = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#:"):
                entry.references += line[2:].split()
            elif line.startswith("#"):
                continue
            elif match := _FIELD.match(line):
                current = match[1]
                entry.fields[current] = json.loads(match[2])
            elif line.startswith('"') and current:
                entry.fields[current] += json.loads(line)
        if entry.msgid:
            found.append(entry)
    return found


def untranslated(text: str) -> list[Entry]:
    """Entries with an empty translation (any plural form) or marked fuzzy (Django skips those)."""
    return [entry for entry in entries(text) if "fuzzy" in entry.flags or not all(entry.translations)]
