"""Reading a provision as a person types it into an identifier.

"25", "25.2", "25, 2, b", "2.e.ii", "art. 25, par. 2" and "art_25__para_2"
all name provisions; the result is an Akoma Ntoso style eid, or None when
the text does not read as a provision.
"""

from __future__ import annotations

import re

EID = re.compile(r"^art_\d+(__(para_\d+|point_[a-z]+|subpoint_[ivxlc]+|alinea_\d+|wrapup(_\d+)?))*$")
ROMAN = re.compile(r"^[ivxlc]+$")
NOISE = re.compile(r"\b(?:articles?|art|paragraphes?|par|para|alin[ée]as?|al|points?|let|lettre)\b\.?", re.I)


def parse_citation(text: str) -> str | None:
    candidate = text.strip()
    if EID.match(candidate):
        return candidate
    parts = [p for p in re.split(r"[\s.,;:()\-]+", NOISE.sub(" ", candidate.lower())) if p]
    if not parts or not parts[0].isdigit() or int(parts[0]) == 0:
        return None
    eid = f"art_{int(parts[0])}"
    last = "article"
    for part in parts[1:]:
        if part.isdigit() and last == "article":
            eid += f"__para_{int(part)}"
            last = "paragraph"
        elif last == "point" and ROMAN.match(part):
            eid += f"__subpoint_{part}"
            last = "subpoint"
        elif re.fullmatch(r"[a-z]", part) and last in ("article", "paragraph"):
            eid += f"__point_{part}"
            last = "point"
        else:
            return None
    return eid
