"""Curated glossary of equivalent terms across instruments, and diff classification.

Glossary file (``fixtures/glossary.json``)::

    {"entries": [
        {"id": "computer-system",
         "concept": "système informatique (définition)",
         "terms": {"un": ["système d'information et de communication", ...],
                   "budapest": ["système informatique", "systèmes informatiques"],
                   "budapest-p1": [...]},
         "class": "equivalent",             # or "near", "distinct"; default "equivalent"
         "why": "Les deux définitions …",   # the reason for the class, shown on /glossary/
         "note": "UN art. 2 a) ; Budapest art. 1 a)",
         "case_sensitive": false,           # optional, default false
         "english": {"un": ["information and communications technology system", ...],
                     "budapest": ["computer system", ...]},   # official English terms, for English queries
         "english_check": {"un": {"verified": true, "source": "…"}}},  # or false with a "reason"

Classes: an *equivalent* entry names one notion in each instrument's words,
and a swap of its terms is terminology (hidden by "masquer la
terminologie"); a *near-equivalent* entry ("near") names terms with the same
role and a different scope ("justificatifs d'accès" / "code d'accès"), and a
swap of its terms is a change of its own kind, ``near``, shown with the
entry's reason and never hidden; a *distinct* entry records terms a reader
might take for equivalents but which are not ("fourniture" / "obtention pour
utilisation"): it is never paired, so the diff shows the words as substance,
and search does not expand one into the other.
        ...]}

Instrument slugs are ``un``, ``budapest`` and ``budapest-p1``; an entry
without ``budapest-p1`` terms lends its ``budapest`` terms to the Protocol,
whose text uses the Convention's vocabulary.  Inflected forms (singular,
plural) are listed explicitly: no stemming happens in code, so a glossary
match is always a form a person wrote down.

Matching is case-insensitive unless the entry says ``case_sensitive`` (the
contracting "Partie" is not "tout ou partie"), tolerant of ``'``/``’`` and of
whitespace runs, and accent-insensitive only for the initial of "Etat"/"État"
(the Council of Europe translation does not accent capitals).  At each
position the longest form wins and matches do not overlap.

Classification
--------------
``Glossary.classify`` works at phrase level, because the diff of
"système informatique" against "système d'information et de communication"
is ``equal "système"`` + ``replace`` -- no single segment holds the whole
term.  Each token is given a *column*: the equal segments pair tokens one to
one, a changed segment is one column per side.  Glossary occurrences are
found on each full side; a left and a right occurrence of the same entry are
paired (in order, greedily) when their columns meet and at least one of them
touches a change.  Each changed segment is then cut into pieces: the tokens
covered by a pair become a ``terminology`` piece, the rest is re-diffed
without cleanup so that words the two sides still share come back as
``equal`` and only the real differences are ``substantive``.  Two refinements:
a changed determiner right before a terminology piece ("l'État partie requis"
vs "la Partie requise") is agreement, so terminology too; and a substantive
replace for which ``same_quantity(left, right)`` is true (e.g.
"quatre-vingt-dix" vs "90") is terminology with entry id ``"quantity"``;
a leftover replace whose two sides are themselves equivalent forms (e.g.
"États" vs "Etats" left over when one side's longest match was "États
parties") is terminology of that entry.
"""

from concordance.lib.terminology.entries import (
    INSTRUMENTS,
    QUANTITY_ENTRY,
    TERM_CLASSES,
    ClassifiedSegment,
    EnglishWording,
    GlossaryEntry,
    Kind,
    Occurrence,
    TermClass,
    normalise_term,
)
from concordance.lib.terminology.glossary import (
    Glossary,
    GlossaryData,
    GlossaryEntryData,
    SearchTerm,
    load_glossary,
    parse_glossary,
)

__all__ = [
    "INSTRUMENTS",
    "QUANTITY_ENTRY",
    "TERM_CLASSES",
    "ClassifiedSegment",
    "EnglishWording",
    "Glossary",
    "GlossaryData",
    "GlossaryEntry",
    "GlossaryEntryData",
    "Kind",
    "Occurrence",
    "TermClass",
    "SearchTerm",
    "load_glossary",
    "normalise_term",
    "parse_glossary",
]
