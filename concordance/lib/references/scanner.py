"""Reading a text's citations, chain by chain (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable

from concordance.lib import eids
from concordance.lib.references.grammar import (
    _ABOVE,
    _ATOM,
    _BEFORE,
    _BUDAPEST_FAMILY,
    _CONVENTION_OF,
    _DOT,
    _GROUP,
    _KIND_RE,
    _LEVEL_SHAPES,
    _LIST_SEP,
    _OWNER,
    _PARENT,
    _PRECEDING,
    _REFINE,
    ART,
    DIVISION,
    PARA,
    POINT,
    PROVISION,
    SUB,
    TITLE,
)
from concordance.lib.references.labels import (
    _Atom,
    _atom,
    _Item,
    _item,
    _kind,
    _label,
    _Path,
    _sequence,
    _shape_at,
)
from concordance.lib.references.targets import Context, Reference, Target


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
            positional = self._positional(match)
            if positional is not None:
                end, reference = positional
                found.extend([reference] if reference else [])
            else:
                end, references = self._chain(match)
                found.extend(references)
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

    def _chain(self, kind: re.Match[str]) -> tuple[int, list[Reference]]:
        """A chain of references, one ``Reference`` per group.

        "à l'article 4, paragraphe 2, à l'article 6, paragraphe 3, et à l'article 41, paragraphe 1" is one
        chain of three groups: each group is reported on its own words ("article 6, paragraphe 3"), so that
        a link's text names its own target and never the next group's article.
        """
        hierarchy, depth = _kind(kind.group())
        pos, paths, head = self._compounds(kind.end(), hierarchy, depth, None)
        if head is None:
            return kind.end(), []
        items = [_item(hierarchy, path) for path in paths]
        # (where the group's words start, where the one before ends, its first item)
        groups: list[tuple[int, int, int]] = [(kind.start(), kind.start(), 0)]
        while True:
            if (end := self._parent(pos, hierarchy, items)) is not None or (
                end := self._refine(pos, hierarchy, items)
            ) is not None:
                pos = end
            elif (more := self._compounds(pos, hierarchy, depth, head))[1]:
                # the list resumes after a refinement: "6, paragraphe 1(b), 7"
                pos, paths, head = more
                items.extend(_item(hierarchy, path) for path in paths)
            elif group := self._group(pos, hierarchy):
                groups.append((group[4], pos, len(items)))
                pos, depth, paths, head = group[:4]
                items.extend(_item(hierarchy, path) for path in paths)
            else:
                break
        if above := _ABOVE.match(self.text, pos):
            pos = above.end()
        instrument = None
        if owner := _OWNER.match(self.text, pos):
            instrument = self._owner(owner)
            if instrument is None:
                return owner.end(), []
            pos = owner.end()
        bounds = [(start, first) for start, _, first in groups]
        ends = [end for _, end, _ in groups[1:]] + [pos]
        firsts = [first for _, first in bounds[1:]] + [len(items)]
        return pos, [
            self._reference(start, end, items[first:last], instrument)
            for (start, first), end, last in zip(bounds, ends, firsts, strict=True)
        ]

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
        pos, atoms = self._atoms(pos)
        path = self._place(atoms, hierarchy, depth, prev) if atoms else None
        return None if path is None else (pos, path)

    def _atoms(self, pos: int) -> tuple[int, list[_Atom]]:
        """The labels of the compound at ``pos`` ("9.1.a", "1(b)", "a) i)") and where it ends."""
        atoms: list[_Atom] = []
        while True:
            dot = _DOT.match(self.text, pos) if atoms else None
            match = _ATOM.match(self.text, dot.end() if dot else pos)
            # Without a dot only a bracket or a letter hangs on a label:
            # "1(b)", "1 a", "a) i)", but "2 3" is two numbers.
            if not match or (atoms and not dot and not (match["paren"] or match["label"])):
                return pos, atoms
            atoms.append(_atom(match))
            pos = match.end()

    @classmethod
    def _place(cls, atoms: list[_Atom], hierarchy: tuple[str, ...], depth: int, prev: _Path | None) -> _Path | None:
        """The path of a compound's labels: the first at the level of the label of
        ``prev`` it continues (or the first level from ``depth`` its shape fits),
        each next one at the next level that fits; None if one fits nowhere."""
        shapes = _LEVEL_SHAPES[hierarchy]
        level = cls._align(prev, atoms[0], depth, shapes) if prev else None
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
        return tuple(path)

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
        """ "du paragraphe 1", "de l'article 17", "du présent article", "dudit paragraphe"."""
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
        """ ", paragraphe 3" after "article 14" narrows that last item."""
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

    def _group(self, pos: int, hierarchy: tuple[str, ...]) -> tuple[int, int, list[_Path], _Path, int] | None:
        """ "et à l'article 41", ", Article 6": a further group of the same chain (and where its kind word starts)."""
        match = _GROUP.match(self.text, pos)
        if not match or _kind(match["kind"])[0] is not hierarchy:
            return None
        depth = _kind(match["kind"])[1]
        end, paths, head = self._compounds(match.end(), hierarchy, depth, None)
        return (end, depth, paths, head, match.start("kind")) if head else None

    # -- what the words leave implicit ---------------------------------------

    def _context_labels(self, hierarchy: tuple[str, ...]) -> dict[int, str]:
        ctx = self.context
        if hierarchy is PROVISION:
            if ctx.article is None:
                return {}
            return {ART: str(ctx.article), **({PARA: ctx.paragraph} if ctx.paragraph else {})}
        eid = ctx.section or ctx.chapter or ""
        return {depth: level.label for depth, level in enumerate(eids.levels(eid)) if level.label}

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
        point_in_article = (
            item.hierarchy is PROVISION
            and depths[:2] == [ART, POINT]
            and depths[1:] == list(range(POINT, POINT + len(depths) - 1))
        )
        if item.broken or not (contiguous or point_in_article):
            return None
        return eids.join(*(eids.Level(item.hierarchy[d], item.labels[d]) for d in depths))

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
