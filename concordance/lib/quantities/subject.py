"""What a quantity governs, and whether its clause says when something takes effect."""

from __future__ import annotations

import re

from concordance.lib.quantities.model import Quantity
from concordance.lib.quantities.patterns import _CLAUSE_END, _LOOKBACK, _SENTENCE_END

# In priority order: a heading naming several subjects ("Signature et entrée
# en vigueur") takes the first.
_SUBJECT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (subject, re.compile(pattern, re.IGNORECASE))
    for subject, pattern in (
        ("denunciation", r"\bdénon[cç]"),
        ("amendment", r"\bamend"),
        ("territorial-application", r"application\s+territoriale"),
        ("entry-into-force", r"\bentr(?:e|ée|era|ent|eront)\s+en\s+vigueur"),
        ("protocol", r"\bprotocoles?\s+additionnels?"),
        ("accession", r"\badh[ée]sion|\badhér|\bsignature\b"),
        ("reservation", r"\bréserves?\b"),
        ("extradition", r"\bextradition"),
        ("preservation", r"\bconservation|\bpréservation"),
        ("availability", r"24/7|\bpoint\s+de\s+contact"),
        # Convening and running the UN treaty body is not reviewing the treaty: UN 57 §2 "convoque la
        # Conférence … au plus tard un an après" is no counterpart of Budapest 46 §3 "réexamen … trois ans".
        ("conference", r"conférence\s+des\s+[ée]tats\s+parties|\bconvoqu|\bconvocation"),
        ("review", r"\bconcertation|\bréexamen|\bbilan\b|comité\s+spécial"),
        ("dispute", r"\bdifférends?\b|\barbitrage"),
        ("other-treaties", r"\beffets\s+de\s+la\s+convention|\bconclu\s+un\s+accord"),
        ("serious-offence", r"\binfractions?\s+graves?"),
        ("assistance", r"\bentraide"),
        ("age", r"\bâge\b|\bmineur|\benfant"),
    )
)
# "un an après l'entrée en vigueur" dates something else from entry into force.
_REFERENCE_POINT = re.compile(
    r"(?:après|à\s+compter\s+de|suivant|dès)\s+(?:l['’]|la\s+date\s+d['’])entrée\s+en\s+vigueur", re.IGNORECASE
)


def _cue(segment: str, position: int) -> str | None:
    """The subject cued in ``segment``: of the cues before ``position`` the
    highest in priority ("Tout amendement … entre en vigueur le trentième
    jour" is about the amendment), else the nearest cue after it."""
    segment = _REFERENCE_POINT.sub(lambda m: " " * len(m[0]), segment)
    after: list[tuple[int, str]] = []
    for subject, cue in _SUBJECT_CUES:
        for m in cue.finditer(segment):
            if m.end() <= position:
                return subject
            if m.start() >= position:
                after.append((m.start() - position, subject))
    return min(after)[1] if after else None


def subject_of(quantity: Quantity, text: str, heading: str = "") -> str:
    """What ``quantity`` (found in ``text``) governs: a key of ``SUBJECT_LABELS``.

    Age and availability quantities govern themselves. Otherwise the article
    heading decides when it names a subject; failing that, a cue in the
    quantity's clause (see ``_cue``), then in the rest of its sentence, then
    in the previous sentence.
    """
    subject = _subject(quantity, text, heading)
    # Accession and ratification take effect when the instrument enters into force for the State:
    # Budapest 37 §2 "entrera en vigueur le premier jour du mois…" under the heading "Adhésion"
    # governs what UN 65 §2 "entre en vigueur le trentième jour" governs.
    if subject == "accession" and takes_effect(quantity, text):
        return "entry-into-force"
    return subject


def _subject(quantity: Quantity, text: str, heading: str) -> str:
    if quantity.kind in ("age", "availability"):
        return quantity.kind
    for subject, cue in _SUBJECT_CUES:
        if cue.search(heading):
            return subject
    lookback = max(0, quantity.start - _LOOKBACK)
    clause_start = _last_end(_CLAUSE_END, text, lookback, quantity.start)
    clause_end = _next_start(_CLAUSE_END, text, quantity.end)
    sentence_start = _last_end(_SENTENCE_END, text, lookback, quantity.start)
    sentence_end = _next_start(_SENTENCE_END, text, quantity.end)
    previous_start = _last_end(_SENTENCE_END, text, lookback, max(sentence_start - 1, lookback))
    for lo, hi, position in (
        (clause_start, clause_end, quantity.start),
        (sentence_start, sentence_end, quantity.start),
        (previous_start, sentence_start, sentence_start),
    ):
        cued = _cue(text[lo:hi], position - lo)
        if cued:
            return cued
    return "other"


_TAKES_EFFECT = re.compile(
    r"\bentr(?:e|era|ent|eront)\s+en\s+vigueur|\bpren(?:d|dra|nent|dront)\s+effet", re.IGNORECASE
)


def takes_effect(quantity: Quantity, text: str) -> bool:
    """Whether ``quantity``'s clause says when something takes effect ("entre en
    vigueur 90 jours après", "prend effet un an après").

    Of two delays of one subject, this tells the one after which an act takes
    effect from one counted from the convention's entry into force: UN art. 66
    "À l'expiration d'un délai de cinq ans à compter de l'entrée en vigueur"
    (when amendments may be proposed) is no counterpart of Budapest art. 44
    "entre en vigueur le trentième jour" (when one applies).
    """
    lookback = max(0, quantity.start - _LOOKBACK)
    start = _last_end(_CLAUSE_END, text, lookback, quantity.start)
    clause = _REFERENCE_POINT.sub(lambda m: " " * len(m[0]), text[start : _next_start(_CLAUSE_END, text, quantity.end)])
    return bool(_TAKES_EFFECT.search(clause))


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    ends = [m.end() for m in pattern.finditer(text, lo, hi)]
    return ends[-1] if ends else lo


def _next_start(pattern: re.Pattern[str], text: str, pos: int) -> int:
    m = pattern.search(text, pos)
    return m.start() if m else len(text)
