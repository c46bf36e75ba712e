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

import re
from dataclasses import dataclass
from typing import Callable

# Eid prefixes, outermost first. A chain stays inside one hierarchy.
PROVISION = ("art", "para", "point", "subpoint")
DIVISION = ("chp", "sec", "title")
ART, PARA, POINT, SUB = range(4)
CHP, SEC, TITLE = range(3)

_KIND_LEVELS = {
    "article": (PROVISION, ART),
    "paragraphe": (PROVISION, PARA),
    "alinéa": (PROVISION, POINT),
    "sous-alinéa": (PROVISION, SUB),
    "chapitre": (DIVISION, CHP),
    "section": (DIVISION, SEC),
    "titre": (DIVISION, TITLE),
}
_KIND = r"(?i:sous-alinéa|alinéa|paragraphe|article|chapitre|section|titre)s?\b"
_KIND_RE = re.compile(rf"\b{_KIND}")

# "Convention" without a name is the text's own convention; the Protocol's
# "de la Convention" is the Budapest Convention it supplements.
_CONVENTION_OF = {"un": "un", "budapest": "budapest", "budapest-p1": "budapest"}
_BUDAPEST_FAMILY = {"budapest", "budapest-p1"}

# One label of a compound. Bare letters and roman numerals must be followed by
# punctuation or a citation word, so that "au paragraphe 1 a rendu possible"
# keeps its verb.
_ATOM = re.compile(
    r"""\s*(?:
      \(\s*(?P<paren>[a-z]|[ivx]+|\d+)\s*\)         # (a) (ii) (1)
    | (?P<num>\d+(?:\x20\d+)?)(?:er\b)?            # 14, 1er; "1 5" is a split 15
    | (?P<first>premier|Ier)\b
    | (?P<uroman>[IVX]+)\b                         # chapitre II
    | (?P<label>[a-z]|[ivx]+)
      (?:\)|(?=\s*(?:[,;:.)–-]|$|(?:et|ou|à|du|de|des|ci-dessus|dudit)\b)))
    )""",
    re.VERBOSE,
)
# Inside a compound labels follow each other with or without a dot:
# "9.1.a", "1. a. ii", "1(b)", "9 (1)a", "1b", "a) i)".
_DOT = re.compile(r"\s*\.")
_LIST_SEP = re.compile(
    r"""\s*(?:
          (?P<range>à|[-–—])\s*
        | ,\s*(?:(?:et|ou)\s+)?
        | \s(?:et|ou)\s+
    )""",
    re.VERBOSE,
)
_PARENT = re.compile(
    rf"""\s*,?\s*(?:
          (?P<ana>dudit|de\s+ladite|desdits|desdites)\s+
        | (?:du|de\s+l'|de\s+la|des|de|d')\s*(?P<self>(?:présente?|même|cet|cette|ce)\s+)?
    )(?P<kind>{_KIND})""",
    re.VERBOSE,
)
_REFINE = re.compile(rf"\s*,?\s*(?P<kind>{_KIND})")
_GROUP = re.compile(
    rf"""(?:\s*,\s*(?:(?:et|ou)\s+)?|\s+(?:et|ou)\s+)
        (?:(?:à\s+l'|à\s+la|au|aux|à|les|le|la|l'|des|du|de\s+l')\s*)?
        (?P<kind>{_KIND})""",
    re.VERBOSE,
)
_ABOVE = re.compile(r"\s*ci-dessus\b")
_OWNER = re.compile(
    r"""\s*,?\s*(?:de\s+la|de\s+l'|du|des|de|d')\s*(?:
          (?P<un>Convention\s+des\s+Nations\s+Unies\s+contre\s+la\s+cybercriminalité)
        | (?P<budapest>Convention\s+sur\s+la\s+cybercriminalité)
        | (?P<external>
              (?:présente\s+)?résolution | Constitution | Statut | accords? | traités?
            | Règlement | Charte | Pacte | lois? | codes? | décrets? | directives? | décisions?
            | Convention\s+(?:européenne|de\s+\d{4}|des\s+Nations|du\s+Conseil|relative
                             |d'|sur|contre|pour|internationale)
            | Protocole\s+(?:additionnel|facultatif|relatif|contre|visant|de)
          )
        | (?P<convention>(?:présente\s+)?Convention|celle-ci)
        | (?P<protocol>(?:présent\s+|ce\s+)?Protocole)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
# Words just before a division or provision word that make it a reference by
# position rather than by number.
_BEFORE = re.compile(
    r"""\b(?:(?P<self>présente?|cette|cet|ce)
        |(?P<ana>ledit|ladite|lesdits|lesdites|dudit|desdits|desdites)
        |(?P<count>deux|trois))\s+$""",
    re.VERBOSE | re.IGNORECASE,
)
_PRECEDING = re.compile(r"\s+précédents\b")

_LEVEL_SHAPES = {
    PROVISION: ({"num"}, {"num", "pnum"}, {"letter", "amb"}, {"roman", "amb", "pnum"}),
    DIVISION: ({"num", "uroman"}, {"num"}, {"num"}),
}


@dataclass(frozen=True)
class Context:
    """Where the text sits: the instrument and, if known, the enclosing units."""

    instrument: str  # "un" | "budapest" | "budapest-p1"
    article: int | None = None
    paragraph: str | None = None  # label, e.g. "2"
    chapter: str | None = None  # eid, e.g. "chp_2"
    section: str | None = None  # eid, e.g. "chp_2__sec_1"


@dataclass(frozen=True)
class Target:
    instrument: str
    eid: str


@dataclass
class Reference:
    """A cross-reference: ``text == source[start:end]``.

    ``resolved`` is False when the words are clearly a reference but some
    target could not be built (missing context, unknown form) or was
    rejected by ``exists``; ``targets`` then keeps only the good ones.
    """

    start: int
    end: int
    text: str
    targets: list[Target]
    resolved: bool


def find_references(
    text: str, context: Context, exists: Callable[[Target], bool] | None = None
) -> list[Reference]:
    """Every internal reference in ``text``, in order of appearance."""
    return _Scanner(text, context, exists).scan()


@dataclass(frozen=True)
class _Atom:
    shape: str  # num | pnum | uroman | letter | roman | amb (i, v, x: letter or roman)
    value: str  # as printed, lowercased


@dataclass
class _Item:
    """One target being assembled: labels by depth in its hierarchy."""

    hierarchy: tuple[str, ...]
    labels: dict[int, str]
    anchored: bool = False  # placed by context: belongs to the text's own instrument
    broken: bool = False


# A placed compound: (depth, shape, label) outermost first; shapes let a
# following sibling find its level ("9.1.a et c": c is a letter, like a).
_Path = tuple[tuple[int, str, str], ...]


def _atom(match: re.Match[str]) -> _Atom:
    if match["num"]:
        return _Atom("num", match["num"].replace(" ", ""))
    if match["first"]:
        return _Atom("num", "1")
    if match["uroman"]:
        return _Atom("uroman", match["uroman"].lower())
    value = match["paren"] or match["label"]
    if value.isdigit():
        return _Atom("pnum", value)
    if re.fullmatch(r"[ivx]+", value):
        return _Atom("amb" if len(value) == 1 else "roman", value)
    return _Atom("letter", value)


def _label(hierarchy: tuple[str, ...], depth: int, atom: _Atom) -> str:
    if atom.shape == "uroman":
        return str(_roman_to_int(atom.value))
    if hierarchy is PROVISION and depth == SUB and atom.shape == "pnum":
        return _int_to_roman(int(atom.value))  # Benin's "(a)(2)" is sub-point ii
    return atom.value


def _shape_at(depth: int, shape: str) -> str:
    return {POINT: "letter", SUB: "roman"}.get(depth, shape) if shape == "amb" else shape


_ROMAN_VALUES = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman_to_int(numeral: str) -> int:
    digits = [{"i": 1, "v": 5, "x": 10}[c] for c in numeral.lower()]
    return sum(-d if d < nxt else d for d, nxt in zip(digits, digits[1:] + [0]))


def _int_to_roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN_VALUES:
        count, number = divmod(number, value)
        out += numeral * count
    return out


def _sequence(first: str, last: str, roman: bool) -> list[str] | None:
    """The labels from ``first`` to ``last``: "2 à 11", "a) à c)", "i à iii"."""
    if first.isdigit() and last.isdigit():
        values = [str(n) for n in range(int(first), int(last) + 1)]
    elif roman:
        values = [_int_to_roman(n) for n in range(_roman_to_int(first), _roman_to_int(last) + 1)]
    elif len(first) == len(last) == 1:
        values = [chr(c) for c in range(ord(first), ord(last) + 1)]
    else:
        return None
    return values if len(values) > 1 else None


def _item(hierarchy: tuple[str, ...], path: _Path) -> _Item:
    # An empty path stands for a range that could not be read.
    return _Item(hierarchy, {depth: label for depth, _, label in path}, broken=not path)


def _kind(word: str) -> tuple[tuple[str, ...], int]:
    return _KIND_LEVELS[word.lower().rstrip("s")]


class _Scanner:
    def __init__(self, text: str, context: Context, exists: Callable[[Target], bool] | None):
        # The patterns are written with "'": a curly apostrophe ("de l’article
        # 17") is read as one, one character for one, so offsets stay those
        # of the text and the words reported are the text's own.
        self.source = text
        self.text = text.replace("’", "'")
        self.context = context
        self.exists = exists
        # Last labels built per hierarchy, for "dudit paragraphe", "ledit
        # chapitre" and a bare "sous-alinéa ii)" after "alinéa e) de l'article 2".
        self.last: dict[tuple[str, ...], dict[int, str]] = {}

    def scan(self) -> list[Reference]:
        found: list[Reference] = []
        end = 0
        for match in _KIND_RE.finditer(self.text):
            if match.start() < end:
                continue  # already read as part of a chain
            end, reference = self._positional(match) or self._chain(match)
            if reference:
                found.append(reference)
        return found

    # -- by position: "au présent chapitre", "ledit chapitre", "deux paragraphes précédents"

    def _positional(self, kind: re.Match[str]) -> tuple[int, Reference | None] | None:
        before = _BEFORE.search(self.text, max(0, kind.start() - 24), kind.start())
        if not before:
            return None
        hierarchy, depth = _kind(kind.group())
        start, end = before.start(), kind.end()
        if before["count"]:
            following = _PRECEDING.match(self.text, end)
            if not following or depth != PARA:
                return None
            count = 2 if before["count"].lower() == "deux" else 3
            current = self.context.paragraph or ""
            numbers = range(int(current) - count, int(current)) if current.isdigit() else range(0)
            items = [_Item(hierarchy, {PARA: str(n)}) for n in numbers if n > 0]
            items = items or [_Item(hierarchy, {}, broken=True)]
            return following.end(), self._reference(start, following.end(), items, None)
        if hierarchy is DIVISION and depth == TITLE:
            return None  # "à ce titre" is an idiom, not a division
        if before["self"] and hierarchy is PROVISION:
            return end, None  # "le présent article": the reader is already there
        item = _Item(hierarchy, {})
        (self._from_context if before["self"] else self._from_antecedent)(item, depth)
        return end, self._reference(start, end, [item], None)

    # -- chains of numbered references ---------------------------------------

    def _chain(self, kind: re.Match[str]) -> tuple[int, Reference | None]:
        hierarchy, depth = _kind(kind.group())
        pos, paths, head = self._compounds(kind.end(), hierarchy, depth, None)
        if head is None:
            return kind.end(), None
        items = [_item(hierarchy, path) for path in paths]
        while True:
            if (end := self._parent(pos, hierarchy, items)) is not None:
                pos = end
            elif (end := self._refine(pos, hierarchy, items)) is not None:
                pos = end
            elif (more := self._compounds(pos, hierarchy, depth, head))[1]:
                # the list resumes after a refinement: "6, paragraphe 1(b), 7"
                pos, paths, head = more
                items.extend(_item(hierarchy, path) for path in paths)
            elif group := self._group(pos, hierarchy):
                pos, depth, paths, head = group
                items.extend(_item(hierarchy, path) for path in paths)
            else:
                break
        if above := _ABOVE.match(self.text, pos):
            pos = above.end()
        instrument = None
        if owner := _OWNER.match(self.text, pos):
            instrument = self._owner(owner)
            if instrument is None:
                return owner.end(), None
            pos = owner.end()
        return pos, self._reference(kind.start(), pos, items, instrument)

    def _owner(self, owner: re.Match[str]) -> str | None:
        """The instrument a closing "de la Convention" names; None if foreign."""
        if owner["un"] or owner["budapest"]:
            return "un" if owner["un"] else "budapest"
        if owner["protocol"]:
            # Only the Budapest texts have a protocol among our instruments.
            return "budapest-p1" if self.context.instrument in _BUDAPEST_FAMILY else None
        if owner["convention"]:
            return _CONVENTION_OF.get(self.context.instrument, self.context.instrument)
        return None

    def _compounds(
        self, pos: int, hierarchy: tuple[str, ...], depth: int, prev: _Path | None, single: bool = False
    ) -> tuple[int, list[_Path], _Path | None]:
        """A list "2, 3 et 5 à 7" at ``depth``; given ``prev``, only what continues it."""
        paths: list[_Path] = []
        if prev is None:
            first = self._compound(pos, hierarchy, depth, None)
            if first is None:
                return pos, [], None
            pos, prev = first
            paths.append(prev)
            if single:
                return pos, paths, prev
        while sep := _LIST_SEP.match(self.text, pos):
            following = self._compound(sep.end(), hierarchy, depth, prev)
            if following is None:
                break
            pos, path = following
            paths.extend(self._range(hierarchy, prev, path) if sep["range"] else [path])
            prev = path
        return pos, paths, prev

    def _compound(
        self, pos: int, hierarchy: tuple[str, ...], depth: int, prev: _Path | None
    ) -> tuple[int, _Path] | None:
        atoms: list[_Atom] = []
        while True:
            dot = _DOT.match(self.text, pos) if atoms else None
            match = _ATOM.match(self.text, dot.end() if dot else pos)
            # Without a dot only a bracket or a letter hangs on a label:
            # "1(b)", "1 a", "a) i)", but "2 3" is two numbers.
            if not match or (atoms and not dot and not (match["paren"] or match["label"])):
                break
            atoms.append(_atom(match))
            pos = match.end()
        if not atoms:
            return None
        shapes = _LEVEL_SHAPES[hierarchy]
        level = self._align(prev, atoms[0], depth, shapes) if prev else None
        if level is None:
            level = next((d for d in range(depth, len(shapes)) if atoms[0].shape in shapes[d]), None)
            if level is None:
                return None
        path = [step for step in prev or () if step[0] < level]
        for index, atom in enumerate(atoms):
            if index:
                level = next((d for d in range(level + 1, len(shapes)) if atom.shape in shapes[d]), -1)
                if level < 0:
                    return None
            path.append((level, _shape_at(level, atom.shape), _label(hierarchy, level, atom)))
        return pos, tuple(path)

    @staticmethod
    def _align(prev: _Path, atom: _Atom, depth: int, shapes: tuple[set[str], ...]) -> int | None:
        """The level of ``prev`` whose label looks like ``atom``, deepest first."""
        wanted = {"letter", "roman"} if atom.shape == "amb" else {atom.shape}
        for level, shape, _ in reversed(prev):
            if level >= depth and shape in wanted and atom.shape in shapes[level]:
                return level
        return None

    @staticmethod
    def _range(hierarchy: tuple[str, ...], first: _Path, last: _Path) -> list[_Path]:
        """Every path after ``first`` up to ``last``; ``[()]`` if unreadable."""
        if [s[0] for s in first] == [s[0] for s in last] and first[:-1] == last[:-1]:
            level, shape, _ = first[-1]
            roman = hierarchy is PROVISION and level == SUB
            values = _sequence(first[-1][2], last[-1][2], roman)
            if values:
                return [first[:-1] + ((level, shape, value),) for value in values[1:]]
        return [()]

    def _parent(self, pos: int, hierarchy: tuple[str, ...], items: list[_Item]) -> int | None:
        """"du paragraphe 1", "de l'article 17", "du présent article", "dudit paragraphe"."""
        match = _PARENT.match(self.text, pos)
        if not match:
            return None
        kind_hierarchy, depth = _kind(match["kind"])
        orphans = [i for i in items if i.labels and depth not in i.labels and min(i.labels) > depth]
        if kind_hierarchy is not hierarchy or not orphans:
            return None
        if match["ana"] or match["self"]:
            for item in orphans:
                (self._from_antecedent if match["ana"] else self._from_context)(item, depth)
            return match.end()
        end, paths, _ = self._compounds(match.end(), hierarchy, depth, None)
        if not paths:
            return None
        for item in orphans:
            index = items.index(item)
            items[index : index + 1] = [self._extend(item, path) for path in paths]
        return end

    def _refine(self, pos: int, hierarchy: tuple[str, ...], items: list[_Item]) -> int | None:
        """", paragraphe 3" after "article 14" narrows that last item."""
        match = _REFINE.match(self.text, pos)
        last = items[-1]
        if not match or not last.labels:
            return None
        kind_hierarchy, depth = _kind(match["kind"])
        if kind_hierarchy is not hierarchy or depth <= max(last.labels):
            return None
        # A singular word takes one label, so in "6, paragraphe 1(b), 7" the
        # 7 is an article again.
        single = not match["kind"].lower().endswith("s")
        end, paths, _ = self._compounds(match.end(), hierarchy, depth, None, single)
        if not paths:
            return None
        items[-1:] = [self._extend(last, path) for path in paths]
        return end

    @staticmethod
    def _extend(item: _Item, path: _Path) -> _Item:
        more = _item(item.hierarchy, path)
        return _Item(item.hierarchy, {**item.labels, **more.labels}, item.anchored, item.broken or more.broken)

    def _group(self, pos: int, hierarchy: tuple[str, ...]) -> tuple[int, int, list[_Path], _Path] | None:
        """"et à l'article 41", ", Article 6": a further group of the same chain."""
        match = _GROUP.match(self.text, pos)
        if not match or _kind(match["kind"])[0] is not hierarchy:
            return None
        depth = _kind(match["kind"])[1]
        end, paths, head = self._compounds(match.end(), hierarchy, depth, None)
        return (end, depth, paths, head) if head else None

    # -- what the words leave implicit ---------------------------------------

    def _context_labels(self, hierarchy: tuple[str, ...]) -> dict[int, str]:
        ctx = self.context
        if hierarchy is PROVISION:
            if ctx.article is None:
                return {}
            return {ART: str(ctx.article), **({PARA: ctx.paragraph} if ctx.paragraph else {})}
        eid = ctx.section or ctx.chapter or ""
        return {depth: part.split("_", 1)[1] for depth, part in enumerate(eid.split("__")) if "_" in part}

    def _from_context(self, item: _Item, depth: int) -> None:
        """Levels down to ``depth`` from where the text sits."""
        available = self._context_labels(item.hierarchy)
        if depth not in available:
            item.broken = True
            return
        item.anchored = True
        for level in range(depth + 1):
            item.labels.setdefault(level, available[level])
        # A point of "the present article" is one of the paragraph being read.
        if item.hierarchy is PROVISION and PARA in available and max(item.labels) >= POINT:
            item.labels.setdefault(PARA, available[PARA])

    def _from_antecedent(self, item: _Item, depth: int) -> None:
        """Levels down to ``depth`` from the last reference read."""
        last = self.last.get(item.hierarchy, {})
        if depth not in last:
            item.broken = True
            return
        for level in range(depth + 1):
            if level in last:
                item.labels.setdefault(level, last[level])

    def _complete(self, item: _Item) -> None:
        if item.broken:
            return
        if item.hierarchy is PROVISION and min(item.labels) == SUB:
            self._from_antecedent(item, POINT)
        top = min(item.labels)
        if top == 0 or item.broken:
            return
        if item.hierarchy is DIVISION:
            self._from_context(item, top - 1)
        elif self.context.article is None and ART in self.last.get(PROVISION, {}):
            # Commentary outside the articles: "L'article 19 transpose …
            # perquisition dans un ordinateur (paragraphe 1)".
            self._from_antecedent(item, ART)
        else:
            self._from_context(item, ART)

    @staticmethod
    def _eid(item: _Item) -> str | None:
        depths = sorted(item.labels)
        contiguous = depths == list(range(len(depths)))
        point_in_article = item.hierarchy is PROVISION and depths[:2] == [ART, POINT] and depths[1:] == list(
            range(POINT, POINT + len(depths) - 1)
        )
        if item.broken or not (contiguous or point_in_article):
            return None
        return "__".join(f"{item.hierarchy[d]}_{item.labels[d]}" for d in depths)

    def _reference(self, start: int, end: int, items: list[_Item], instrument: str | None) -> Reference:
        end = start + len(self.text[start:end].rstrip(" ,\n"))
        targets: list[Target] = []
        resolved = True
        for item in items:
            self._complete(item)
            eid = self._eid(item)
            if eid is None:
                resolved = False
                continue
            self.last[item.hierarchy] = dict(item.labels)
            target = Target(self.context.instrument if item.anchored or not instrument else instrument, eid)
            if self.exists is not None and not self.exists(target):
                resolved = False
            elif target not in targets:
                targets.append(target)
        return Reference(start, end, self.source[start:end], targets, resolved and bool(targets))
