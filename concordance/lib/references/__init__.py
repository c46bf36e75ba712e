"""Find the internal cross-references in French treaty text and resolve them.

"l'article 29", "alinéa b) ii) du paragraphe 1 de l'article 17", "articles 3 à
5, 7, 8, 9.1.a et c de la présente Convention", "au présent chapitre" … become
``Reference`` objects whose targets are Akoma Ntoso style eids
(``art_17__para_1__point_b__subpoint_ii``, ``chp_2__sec_1``).

The texts cite in two directions and both are handled by one small parser:
outside-in ("article 14, paragraphe 3", "9.1.a") and inside-out ("alinéa a)
du paragraphe 1 de l'article 17"). A citation is read as a *chain*: lists of
*compounds* (one label with its dotted or bracketed sub-labels, "1(b)",
"9.1.a", "a) i)"), joined by refinements (", paragraphe 3"), parents ("du
paragraphe 1", "du présent article") and further groups ("et à l'article
41"), optionally closed by the instrument it belongs to ("de la Convention").
A chain closed by another instrument ("de la Constitution") is external and
not reported at all.

What the words leave implicit comes from the ``Context``: a paragraph of "the
present article", a point of the paragraph being read ("alinéa a) du présent
paragraphe", and also Budapest's looser "alinéa a du présent article"), a
section of the present chapter. Outside the articles (no ``context.article``)
a bare "paragraphe 1" belongs to the article last named in the same text.
"dudit paragraphe", "ledit chapitre" and a bare "sous-alinéa ii)" take the
last reference read. "Le présent article" on its own is not reported: a link
to where the reader already is helps nobody.

Standard library only: the ingest command and the tests use it without Django.
"""

from __future__ import annotations

from collections.abc import Callable

from concordance.lib.references.grammar import DIVISION, PROVISION
from concordance.lib.references.scanner import _Scanner
from concordance.lib.references.targets import Context, Reference, Target

__all__ = ["DIVISION", "PROVISION", "Context", "Reference", "Target", "find_references"]


def find_references(text: str, context: Context, exists: Callable[[Target], bool] | None = None) -> list[Reference]:
    """Every internal reference in ``text``, in order of appearance."""
    return _Scanner(text, context, exists).scan()
