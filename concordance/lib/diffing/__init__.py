"""Word-level diff of two French legal texts, and paragraph alignment.

Token shape
-----------
``tokenise`` cuts a text into tokens that each carry the whitespace that
follows them (the first token also carries any leading whitespace), so
``"".join(tokenise(t)) == t`` for every string.  A token's *core* is one of:

* a French elision (``d'``, ``l'``, ``qu'``, ``jusqu'``, ``lorsqu'`` … with
  ``'`` or ``’``) -- so "d'information" and "de information" share a token;
* a number with inner separators (``17,5``, ``1.2``);
* a word, hyphenated compounds included (``quatre-vingt-dix``,
  ``sous-jacent``): a compound is one lexical unit, and keeping it whole lets
  a number-spelling hook see "quatre-vingt-dix" against "90";
* any other single non-space character (punctuation, ``«``, ``»``).

The comparison key of a token is its core, NFC-normalised, with ``’``
folded to ``'``; whitespace never takes part in comparisons.  Case and
accents do: "Partie" → "partie" or "Etat" → "État" are shown as changes,
and it is the glossary (``lib/terminology``) that decides they are only
terminology.

Segments
--------
``diff`` returns the canonical form below, whatever the engine:

* segments alternate between ``equal`` and one non-equal segment: a maximal
  run of changes between two equal runs is ONE segment, ``replace`` when
  it has text on both sides, else ``delete`` or ``insert``;
* the left texts rebuild the left input exactly, the right texts the right;
* an equal segment has equal keys on both sides (whitespace may differ);
* a pure insertion or deletion is slid as far left as the text allows
  ("Chaque de de Partie" → "Chaque de Partie" deletes the *first* "de"),
  unless sliding it right lets it join the next change into one replace;
  so equally good alignments are reported the same way.

Engines: "rapidfuzz" (``Indel.opcodes``: a longest common subsequence of
the token keys) and, when rapidfuzz is not installed, "difflib"
(``SequenceMatcher`` with autojunk off: the longest contiguous block first,
then the same on each side of it).  Both give opcodes of the same shape,
and everything after them is shared, so both give segments of the same
structure.  What is guaranteed, and tested, for both:

* the invariants above always hold;
* identical texts give one equal segment, texts sharing no token one
  replace;
* when every token the two texts share occurs once on each side and in the
  same order, both return exactly the same segments.

Around repeated words ("de", "la", "infractions") the two may choose
different matchings.  On the corpus the canonical form and the cleanup
below absorb every choice between equally long matchings; what remains
(5 of the 240 aligned rows, tested) is where difflib's greedy choice of
blocks misses the longest common subsequence, matches fewer tokens and
shows a coarser replace.

Paragraph similarity, which drives the alignment, is rapidfuzz's ``ratio``;
without rapidfuzz the very same number is computed in pure Python
(bit-parallel LCS), so rows are aligned the same either way.

Cleanup: an LCS happily matches scattered "de", "la", "," inside two
rewritten sentences.  Like diff-match-patch's semantic cleanup, an equal run
no longer (in tokens) than the larger side of the change before it and of
the change after it is folded into one replace (``cleanup=False`` keeps
every match).

Paragraph markers
-----------------
``strip_marker`` splits a leading list marker ("a)", "a.", "- a)", "(a)",
"1.", "ii)", and the bare labels of the 2003 French bill and of the Benin
decree: "a  l'expression", "d « données", "1  Chaque", "- 1 Aux fins")
from the rest.  A bare label counts only before a word or « (a bare number
only before a capital), so "90 jours" or "y compris" keep their first word;
the residual risk is a paragraph that really starts with the word "a".
``diff`` turns such a marker into a single token whose key is the marker's
*label* ("a", "1", "ii"), so "a)" vs "a." vs "- a)" is equal; with
``markers="ignore"`` any marker equals any other marker (useful when one
text numbers a definition c) and the other d)); ``markers="none"`` switches
detection off (for fragments that do not start a paragraph).
"""

from concordance.lib.diffing.align import (
    MAX_MERGE,
    MEMBER_FLOOR,
    MERGE_MARGIN,
    Group,
    align_groups,
    align_paragraphs,
)
from concordance.lib.diffing.diff import Op, Segment, diff
from concordance.lib.diffing.engines import ENGINES, Engine
from concordance.lib.diffing.similarity import CONTENT_FLOOR, content_overlap, normalise_words, paragraph_similarity
from concordance.lib.diffing.tokens import MarkerMode, marker_label, strip_marker, token_key, tokenise

__all__ = [
    "CONTENT_FLOOR",
    "ENGINES",
    "MAX_MERGE",
    "MEMBER_FLOOR",
    "MERGE_MARGIN",
    "Engine",
    "Group",
    "MarkerMode",
    "Op",
    "Segment",
    "align_groups",
    "align_paragraphs",
    "content_overlap",
    "diff",
    "marker_label",
    "normalise_words",
    "paragraph_similarity",
    "strip_marker",
    "token_key",
    "tokenise",
]
