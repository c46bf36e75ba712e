"""Collation of two editions of the same treaty text, and what each variant is.

Two French editions of one convention should carry the same words; where they
do not, a reader wants to know whether the difference matters.  ``collate``
diffs two texts word by word (``diffing.diff``) and ``classify`` puts every
variant into one class:

``punctuation``
    punctuation or typography only: commas, colons, quotes (« » " “), the
    apostrophe ’ against ', spaces, dashes, brackets around a reference
    ("1. a" / "1 (a)"), "no"/"n°", a range written "2 à 5" / "2 – 5",
    capitalisation of a word's first letter ("Article" / "article", "CDPC"),
    a space one edition prints and the other does not ("explicite ;" /
    "explicite;", "« mineur »" / "«mineur»"), a division numbered "Ier" /
    "1".
``spelling``
    spelling or hyphenation: the words are the same once accents,
    ligatures and inner hyphens are folded ("Etat"/"État", "oeuvre"/"œuvre",
    "cyber-espace"/"cyberespace", "procédera"/"procèdera").
``number``
    a number written in words in one edition and in digits in the other
    ("quatre-vingt-dix jours" / "90 jours"), through
    ``quantities.parse_french_number``; ordinals too ("2e" / "Deuxième").
``typo``
    an apparent typing error in one of the sources (see below).
``substantive``
    a word that carries meaning added, dropped or replaced: the two editions
    say different things (art. 10 §1 names a different treaty in each;
    46 §3 "amendements" / "aménagements"; 21 §1 b) "existantes").
``wording``
    the same meaning in other words: only grammatical words differ
    (articles, prepositions, "ou" / "et" in a list), the same words in
    another order or place, the same references noted otherwise
    ("a. i ou ii" / "(a) (1) ou (2)"), an acronym spelt out, or one of the
    expressions read as equivalent in context (``meaning.SAME_MEANING``).

What no lesser class explains is judged by ``meaning.judge`` (its
docstring gives the rules, in order): a copying slip (class ``typo``:
"aux Article 9", "possibles de sanctions", a verb repeated), wording, or,
failing both, substantive. The rule errs towards "substantive".

The classes are tried from the most specific anomaly to the broadest
equivalence: typing error, then punctuation, spelling, number, and what is
left is wording or substantive.  A variant that mixes classes takes the broadest one that
explains all of it ("Etats, " / "États " is spelling: the comma alone would
be punctuation, the accent needs spelling).

Typing errors
-------------
The heuristic looks, word against word, for the marks of a slip of the
keyboard rather than of a drafter's choice.  A variant is a typing error
when every differing word pair is explained by a lesser class or by one of:

* *a word split or run together* -- "1 5" / "15", "dela" / "de la": the
  words of one side, joined, give the other side's word, and a piece is a
  number or one of the forms is not a known word (known words either way,
  "porte monnaie" / "portemonnaie", are only spelling);
* *stray capitals inside a word* -- "résERVER" / "réserver": the same word
  once case is folded, with a capital after a lower-case letter (an acronym,
  all capitals, is not stray);
* *the -er / -é confusion* -- "se réservé" / "se réserver", "être
  interpréter" / "être interprété": the same stem ending in -er on one side
  and -é(e)(s) or -ez on the other, the commonest homophone slip in French;
* *an accent that makes another word* -- "ou" / "où", "a" / "à": the
  accent is not spelling there, it changes the word;
* *look-alike characters* -- "2le" / "21e": "l" for "1", "O" for "0";
* *a word typed twice* -- "un d'un accès": a short variant in which a
  word is repeated, the second time maybe elided;
* *a non-word near a word* -- "réservier" / "réserver": one word is
  unknown, the other known, and they are 1 or 2 edits apart (insertion,
  deletion, substitution, transposition; so doubled or dropped letters too),
  on words of at least four letters.

"Known" means present in ``lexicon``, a set of case-folded words the caller
supplies; the application builds it from the words attested in at least two
independent source documents, so a misspelling printed in one source only is
unknown.  With an empty lexicon the last rule never fires.

The limits are deliberate: two real words one letter apart ("passibles" /
"possibles", "service" / "services") are wording, because an edition may
have chosen either; a typo that produced a real word is not caught.

Fidelity: the pieces of a collated text rebuild each edition's text
exactly (``Collated.left_text``/``right_text``), so what the page shows is
the source; shared runs are shown with the left edition's spacing.
"""

from __future__ import annotations

from concordance.lib.collation.classification import (
    CLASS_LABELS,
    CLASSES,
    Verdict,
    classify,
    edit_distance,
    lexicon_of,
)
from concordance.lib.collation.provisions import (
    CollatedRow,
    EditionUnit,
    align_units,
    collate_marker,
    collate_units,
    marker_of,
)
from concordance.lib.collation.texts import Collated, CollatedPiece, Variant, collate

__all__ = [
    "CLASSES",
    "CLASS_LABELS",
    "Collated",
    "CollatedPiece",
    "CollatedRow",
    "EditionUnit",
    "Variant",
    "Verdict",
    "align_units",
    "classify",
    "collate",
    "collate_marker",
    "collate_units",
    "edit_distance",
    "lexicon_of",
    "marker_of",
]
