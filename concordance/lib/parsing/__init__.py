"""Source-document parser: each source document → a provision tree.

Standard library only (no Django, no database): ``tests/lib/test_purity.py``
enforces it.

Public API::

    parse_un_resolution(text, filename) -> ParsedSource   # instruments: "un"
    parse_budapest_bill(text, filename) -> ParsedSource   # instruments: "budapest"
    parse_benin_decree(text, filename) -> ParsedSource    # "budapest", "budapest-p1"

A source that cannot be parsed raises :class:`SourceError` (file, 1-based
line, message).

Fidelity: a node's words are the words of the source. Only markup and layout
debris are removed (markdown emphasis, link syntax, superscript syntax,
footnote lines and call marks (a call mark is layout, a pointer to its
note: its place is kept on the Footnote for pages to show it), running heads, navigation links, list dashes,
blank-line runs of page breaks, letter-spacing of a title); a sentence cut by
a page break or a footnote is rejoined. Nothing is corrected: source typos
stay as printed ("se résERVER", "2le Conférence", "articles 14 et 1 5").

Modules:

* ``cleaning`` - markup and layout debris, lines, prose paragraphs;
* ``markers`` - list markers ("1.", "- a)", "a  ", "ii.");
* ``provisions`` - inside an article: paragraphs, points, sub-points,
  wrap-up words and alineas (the placement rules are in its docstring);
* ``structure`` - headings, chapters → sections → titles → articles;
* ``commentary`` - Budapest articles named by the explanatory statement;
* ``sources`` - where things are in each of the three documents.

Unnumbered text (rules in ``provisions``): words cut by a page break, a
wrapped line or a footnote are rejoined to the text they continue; an
article's first block before any numbered child is its ``text``; a block
after a list of points or sub-points is a ``wrapup`` of the node whose list
it closes (the point when another point follows or when the paragraph has
no opening words for them to complete, else the paragraph, else the
article); any other block is an ``alinea`` of the paragraph or article
it follows. The testimonium and signature after the last article ("En foi
de quoi …") go to ``ParsedInstrument.closing``; the resolution's own
paragraphs to ``ParsedSource.context``.

Identifiers (``eid``, Akoma Ntoso style, unique within an instrument's
edition): ``chp_2``, ``chp_2__sec_1``, ``chp_2__sec_1__title_3``;
``art_25`` (arabic, "Article premier" → ``art_1``), ``art_25__para_2``,
``art_2__point_a``, ``art_14__para_3__point_b``,
``art_2__point_e__subpoint_ii``, ``<parent>__wrapup`` (``__wrapup_2``…),
``<parent>__alinea_1``. A point printed with a repeated letter ("a." where
"b." is due) keeps ``num`` as printed, gets the letter due in its ``eid``,
and is listed in ``ParsedSource.warnings``.
"""

from .sources import parse_benin_decree, parse_budapest_bill, parse_un_resolution
from .tree import (
    DIVISION_KINDS,
    PROVISION_KINDS,
    Footnote,
    Node,
    Note,
    ParsedInstrument,
    ParsedSource,
    SourceError,
)

__all__ = [
    "DIVISION_KINDS",
    "PROVISION_KINDS",
    "Footnote",
    "Node",
    "Note",
    "ParsedInstrument",
    "ParsedSource",
    "SourceError",
    "parse_benin_decree",
    "parse_budapest_bill",
    "parse_un_resolution",
]
