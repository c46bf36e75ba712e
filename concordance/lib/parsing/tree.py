"""The provision tree a source document is parsed into.

Plain data, no Django: the ingest command turns it into rows. A tree is
faithful when the words of its nodes, read in document order (a node's own
``text`` before its children), are the words of the source with only markup
and layout debris removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# Kinds of node, from the outside in. Divisions group articles; provisions
# are the article and what it contains.
DIVISION_KINDS = ("chapter", "section", "title")
PROVISION_KINDS = (
    "article",
    "paragraph",  # numbered paragraph: "1.", "1 "
    "point",  # lettered point: "a)", "a ", "a."
    "subpoint",  # roman sub-point: "i)", "ii "
    "alinea",  # unnumbered block of text that is not an article's opening words
    "wrapup",  # unnumbered words that close a list ("cette Partie peut …")
)


@dataclass
class Footnote:
    """A note printed at the foot of a page, kept apart from the treaty text."""

    marker: str
    text: str
    line: int
    # Where the call mark was printed. The mark is layout (a pointer to the
    # note, not a word of the treaty): the text is stored without it and the
    # page puts it back. ``part`` is "title", "preamble" or "closing" for an
    # instrument's footnotes ("" for a provision's own text), ``paragraph``
    # the index of the text in that part, ``offset`` the character of that
    # text the mark was printed before (None: the call was not found).
    part: str = ""
    paragraph: int = 0
    offset: int | None = None


@dataclass
class Node:
    """A division or a provision.

    ``eid`` is an Akoma Ntoso style identifier, unique inside an instrument's
    edition: ``chp_2__sec_1``, ``art_25``, ``art_25__para_2``,
    ``art_2__point_e__subpoint_ii``, ``art_14__para_3__point_b__wrapup``.
    ``num`` is the number label as printed ("premier", "1er", "2", "a", "ii");
    ``marker`` is a list item's label with its printed punctuation ("2.",
    "a)", "a.", or bare "a" as the bill prints it; empty for articles,
    divisions and unnumbered text);
    ``heading`` is the title of an article or division; ``text`` holds the
    node's own words that come before its children (for an article, its
    opening words, if any). ``line`` is the 1-based line of the source where
    the node starts.
    """

    kind: str
    eid: str
    num: str = ""
    marker: str = ""
    heading: str = ""
    text: str = ""
    line: int = 0
    children: list[Node] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def words(self) -> list[str]:
        """Every word of the node and its descendants, in document order."""
        out: list[str] = []
        for node in self.walk():
            out.extend(node.text.split())
        return out


@dataclass
class Note:
    """Text outside the treaty articles that comments some of them.

    Used for the UN interpretative notes (``articles`` = the articles the
    note concerns), for the paragraphs of the explanatory statement of
    bill n° 905 (``articles`` = the Budapest articles a paragraph names, in
    order of first mention; empty when it names none) and for the blocks of
    resolution 79/243 (``heading`` = the part of the resolution: "En-tête",
    "Adoption", "Titre", "Préambule", "Dispositif", "Séance").
    """

    kind: str  # "interpretative" | "commentary" | "resolution"
    heading: str
    text: str
    articles: list[int]
    line: int
    position: int


@dataclass
class ParsedInstrument:
    """One treaty as printed in one source document."""

    slug: str  # "un" | "budapest" | "budapest-p1"
    title: str
    preamble: list[str]  # paragraphs, in order
    body: list[Node]  # top-level divisions (chapters), or articles if none
    # The testimonium and signature clause after the last article ("En foi de
    # quoi …", "Fait à …"): treaty text that belongs to no article.
    closing: list[str] = field(default_factory=list)
    # Footnotes whose call is outside every node (title, preamble, closing).
    footnotes: list[Footnote] = field(default_factory=list)

    def articles(self) -> list[Node]:
        return [n for top in self.body for n in top.walk() if n.kind == "article"]

    def divisions(self) -> list[Node]:
        return [n for top in self.body for n in top.walk() if n.kind in DIVISION_KINDS]


@dataclass
class ParsedSource:
    """What one source document yields."""

    filename: str
    instruments: list[ParsedInstrument]
    # Text that frames the instruments: resolution 79/243, from the
    # document's header to its meeting and date, for the UN source; empty
    # elsewhere.
    context: list[Note] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Defects of the source that were tolerated, "line N: what", e.g. a
    # point printed "a." where "b." is due. The text itself is kept as printed.
    warnings: list[str] = field(default_factory=list)


class SourceError(ValueError):
    """A source document that cannot be parsed; names the file and line."""

    def __init__(self, filename: str, line: int, message: str):
        self.filename = filename
        self.line = line
        self.message = message
        super().__init__(f"{filename}, line {line}: {message}")
