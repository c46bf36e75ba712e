"""Reading a provision as a person types it into an identifier.

"25", "25.2", "25, 2, b", "2.e.ii", "art. 25, par. 2" and "art_25__para_2"
all name provisions; the result is an Akoma Ntoso style eid, or None when
the text does not read as a provision.
"""

from __future__ import annotations

import re

from concordance.lib import eids

ROMAN = re.compile(r"^[ivxlc]+$")
NOISE = re.compile(r"\b(?:articles?|art|paragraphes?|par|para|alin[ée]as?|al|points?|let|lettre)\b\.?", re.I)


def parse_citation(text: str) -> str | None:
    candidate = text.strip()
    if eids.is_provision(candidate):
        return candidate
    parts = [p for p in re.split(r"[\s.,;:()\-]+", NOISE.sub(" ", candidate.lower())) if p]
    if not parts or not parts[0].isdigit() or int(parts[0]) == 0:
        return None
    eid = eids.child("", "art", int(parts[0]))
    last = "article"
    for part in parts[1:]:
        if part.isdigit() and last == "article":
            eid = eids.child(eid, "para", int(part))
            last = "paragraph"
        elif last == "point" and ROMAN.match(part):
            eid = eids.child(eid, "subpoint", part)
            last = "subpoint"
        elif re.fullmatch(r"[a-z]", part) and last in ("article", "paragraph"):
            eid = eids.child(eid, "point", part)
            last = "point"
        else:
            return None
    return eid
