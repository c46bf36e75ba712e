"""Two provisions side by side: aligned rows, word differences, quantities.

Pure: takes the texts of the units to compare (one unit per paragraph,
point or sub-point that carries words) and returns rows ready to display.
The diff, glossary and quantity modules do the work; this one composes them.

Rows
----
A row holds one or more *consecutive* units of each side (or none: a gap),
diffed as one text; each unit keeps its own block, label and anchor.

Curated paragraph links come first.  Links that share a unit are one group
(UN 14 §1 a) against Budapest 9 §1 a), b) and c)); a group whose units are
consecutive on both sides is one row.  Groups that keep both texts' order
are fixed rows, and the free units between them are aligned by similarity.
A group that would cross another cannot be a row without reordering a
text, which this page never does: each side is shown at its own place, as
a *moved* half-row whose other cell names the partner, says whether it is
higher or lower and links to it.  The pair is still diffed together, the
left half carrying the left words and the right half the right words, so
every word of each text is shown exactly once and in its order.

Kinds of pieces
---------------
Beyond the glossary's terminology, two refinements keep the substance
visible: a change that lies inside the same quantity on both sides
("minimum de 60 jours" / "au moins soixante jours") is terminology, and the
formatting of list items (a capital first word against lower case, the
closing ";", "; et" or ".") is ``form``.  Neither counts as substantive.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from typing import Sequence

from concordance.lib import quantities
from concordance.lib.diffing import Group, align_groups, diff, strip_marker, token_key, tokenise
from concordance.lib.terminology import QUANTITY_ENTRY, ClassifiedSegment, Glossary

# Joins the units of a row for the diff.  Whitespace, so it only ever trails
# a token and never becomes one; it is cut out again before display (no
# provision text holds a newline).
SEPARATOR = "\n"

# What may close a list item: ";", "; et", "," or a full stop.  "ou" is not
# here: "; ou" makes the points alternatives, which is substance.
_LIST_END = frozenset([";", ",", ".", ":", "et"])


@dataclass(frozen=True)
class Unit:
    eid: str
    label: str  # as a reader cites it inside the article: "par. 2", "a)", "2 b) ii)"
    text: str


@dataclass(frozen=True)
class Piece:
    """A run of text in one cell: ``kind`` is equal, deleted, inserted, term or form.

    ``start`` is the offset of the text in the unit ``eid`` of ``side``
    ("left" or "right"), which tells the page where its cross-references are.
    """

    kind: str
    text: str
    counterpart: str = ""  # for a term or a form: the words the other side uses
    start: int = 0
    eid: str = ""
    side: str = ""


@dataclass
class Block:
    """One unit's words in a cell."""

    unit: Unit
    pieces: list[Piece]


@dataclass(frozen=True)
class Elsewhere:
    """Units of the other text, linked to this row but shown at their own place."""

    units: tuple[Unit, ...]
    direction: str  # "up" or "down": where they are, from this row

    @property
    def labels(self) -> str:
        return " + ".join(unit.label for unit in self.units)

    @property
    def eid(self) -> str:
        return self.units[0].eid


@dataclass
class Row:
    lefts: list[Unit] = field(default_factory=list)
    rights: list[Unit] = field(default_factory=list)
    pinned: bool = False
    left_blocks: list[Block] = field(default_factory=list)
    right_blocks: list[Block] = field(default_factory=list)
    inline_pieces: list[Piece] = field(default_factory=list)
    # Offsets in the row's units joined by SEPARATOR (what the diff saw);
    # ``located_quantity_pairs`` makes them local to each paragraph.
    quantity_pairs: list[quantities.QuantityPair] = field(default_factory=list)
    # A moved half-row: its partner on the other side, shown at its own place.
    left_elsewhere: Elsewhere | None = None
    right_elsewhere: Elsewhere | None = None
    substantive_tokens: int = 0
    terminology_tokens: int = 0
    total_tokens: int = 0

    @property
    def left(self) -> Unit | None:
        """The first unit of the left side, the partner's when it is shown elsewhere."""
        units = self.lefts or (self.left_elsewhere.units if self.left_elsewhere else ())
        return units[0] if units else None

    @property
    def right(self) -> Unit | None:
        units = self.rights or (self.right_elsewhere.units if self.right_elsewhere else ())
        return units[0] if units else None

    @property
    def moved(self) -> bool:
        return self.left_elsewhere is not None or self.right_elsewhere is not None

    @property
    def has_substantive_change(self) -> bool:
        return self.moved or not self.lefts or not self.rights or self.substantive_tokens > 0

    @property
    def has_terminology_change(self) -> bool:
        return self.terminology_tokens > 0

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        return [pair for pair in self.quantity_pairs if pair.status == "divergent"]

    def located_quantity_pairs(self) -> list[tuple[quantities.QuantityPair, str, str]]:
        """Every pair of the row with the eids of the paragraphs its quantities lie in.

        A row may hold several paragraphs a side, diffed joined; the analysis
        pages place each quantity in its own paragraph, so the offsets are
        made local to it. A quantity-less side takes the side's first eid.
        """
        lefts = self.lefts or list(self.left_elsewhere.units if self.left_elsewhere else ())
        rights = self.rights or list(self.right_elsewhere.units if self.right_elsewhere else ())
        if not lefts or not rights:
            return []
        located = []
        for pair in self.quantity_pairs:
            left, left_eid = _in_unit(pair.left, lefts)
            right, right_eid = _in_unit(pair.right, rights)
            located.append((dataclasses.replace(pair, left=left, right=right), left_eid, right_eid))
        return located


def _in_unit(quantity: quantities.Quantity | None, units: Sequence[Unit]) -> tuple[quantities.Quantity | None, str]:
    """The quantity with offsets in the unit it lies in (units joined by SEPARATOR), and that unit's eid."""
    if quantity is None:
        return None, units[0].eid
    offset = 0
    for unit in units:
        end = offset + len(unit.text)
        if quantity.start < end:
            return dataclasses.replace(quantity, start=quantity.start - offset, end=quantity.end - offset), unit.eid
        offset = end + len(SEPARATOR)
    raise ValueError(f"quantity {quantity.text!r} lies outside the row's paragraphs")


@dataclass(frozen=True)
class AcrossPair:
    """Two quantities set against each other from paragraphs in different rows
    (offsets local to each paragraph): see ``pair_across_rows``."""

    pair: quantities.QuantityPair
    left: Unit
    right: Unit


@dataclass
class Comparison:
    rows: list[Row]
    across: list[AcrossPair] = field(default_factory=list)

    @property
    def substantive_share(self) -> float:
        """Share of the words of both sides touched by a substantive change."""
        total = sum(row.total_tokens for row in self.rows)
        changed = sum(row.substantive_tokens for row in self.rows)
        return changed / total if total else 0.0

    @property
    def divergent_quantities(self) -> list[quantities.QuantityPair]:
        """Every divergence of the pair, within a row or across rows."""
        return [pair for row in self.rows for pair in row.divergent_quantities] + [
            found.pair for found in self.across if found.pair.status == "divergent"
        ]

    @property
    def divergent_across(self) -> list[AcrossPair]:
        return [found for found in self.across if found.pair.status == "divergent"]


@dataclass(frozen=True)
class Collapsed:
    """Identical rows left out by "changes only"."""

    count: int


def visible_rows(comparison: Comparison, *, changes_only: bool, terms_shown: bool) -> list[Row | Collapsed]:
    """The rows to show; with ``changes_only``, each run of unchanged rows becomes one ``Collapsed``."""
    if not changes_only:
        return list(comparison.rows)
    shown: list[Row | Collapsed] = []
    hidden = 0
    for row in comparison.rows:
        if row.has_substantive_change or (terms_shown and row.has_terminology_change):
            if hidden:
                shown.append(Collapsed(hidden))
                hidden = 0
            shown.append(row)
        else:
            hidden += 1
    if hidden:
        shown.append(Collapsed(hidden))
    return shown


# --------------------------------------------------------------------------
# Classification refinements
# --------------------------------------------------------------------------


def number_in(span: str) -> int | None:
    words = span.strip()
    return int(words) if words.isdigit() else quantities.parse_french_number(words)


def same_quantity(left: str, right: str) -> bool:
    """True when two spans write the same number or quantities ("quatre-vingt-dix" / "90")."""
    number = number_in(left)
    if number is not None:
        return number == number_in(right)
    found_left = quantities.extract_quantities(left)
    found_right = quantities.extract_quantities(right)
    return bool(found_left) and [(q.value, q.unit) for q in found_left] == [
        (q.value, q.unit) for q in found_right
    ]


def _spans(segments: Sequence[ClassifiedSegment]) -> list[tuple[int, int, int, int]]:
    out = []
    lpos = rpos = 0
    for seg in segments:
        out.append((lpos, lpos + len(seg.left), rpos, rpos + len(seg.right)))
        lpos += len(seg.left)
        rpos += len(seg.right)
    return out


# Little words that introduce a quantity without being part of what the
# extractor takes: "une période d'au moins soixante jours".
_LEAD_IN = frozenset("de d' du des à au aux pour une un la le l' les".split())


def _within(start: int, text: str, q: quantities.Quantity) -> bool:
    """The words of ``text`` (at ``start``) lie inside the quantity's words, or lead into them."""
    words = text.rstrip()
    if not words.strip():
        return q.start <= start <= q.end
    lead = len(words) - len(words.lstrip())
    begin, end = start + lead, start + len(words)
    if begin < q.start:
        before = words[lead : q.start - start] if q.start < end else ""
        if not before or any(token_key(t).casefold() not in _LEAD_IN for t in tokenise(before)):
            return False
    return end <= q.end and end > q.start


def settle_quantities(
    segments: list[ClassifiedSegment], pairs: Sequence[quantities.QuantityPair]
) -> list[ClassifiedSegment]:
    """A change that lies inside the same quantity on both sides is its spelling, not substance.

    "minimum de 60 jours" against "au moins soixante jours": same value, unit
    and bound, so the words between are terminology at most.
    """
    same = [p for p in pairs if p.left and p.right and p.status == "same" and not p.bound_differs]
    if not same:
        return segments
    out = []
    for seg, (l0, _, r0, _) in zip(segments, _spans(segments)):
        if seg.kind == "substantive" and any(
            _within(l0, seg.left, p.left) and _within(r0, seg.right, p.right) for p in same
        ):
            seg = ClassifiedSegment(seg.op, seg.left, seg.right, "terminology", QUANTITY_ENTRY)
        out.append(seg)
    return out


def _keys(text: str) -> list[str]:
    return [token_key(t) for t in tokenise(text)]


def _is_list_end(text: str) -> bool:
    keys = [k.casefold() for k in _keys(text)]
    return bool(keys) and all(k in _LIST_END for k in keys)


def _list_tail(text: str) -> str:
    """The closing list punctuation at the end of ``text`` ("; et", "."), or ""."""
    tokens = tokenise(text)
    k = len(tokens)
    while k and token_key(tokens[k - 1]).casefold() in _LIST_END:
        k -= 1
    return "".join(tokens[k:])


def _op(left: str, right: str) -> str:
    return "replace" if left and right else ("delete" if left else "insert")


def mark_form(segments: list[ClassifiedSegment], *, points: bool) -> list[ClassifiedSegment]:
    """List-item formatting as its own kind, ``form``: a capital first word against
    lower case, and (for points) the closing ";", "; et" or "." of the item.

    Only the first and the last words of a row are looked at, where list
    formatting lives; a case change inside a sentence stays a change.
    """
    out = list(segments)
    if out and out[0].kind == "substantive" and out[0].left and out[0].right:
        first = out[0]
        ltoks, rtoks = tokenise(first.left), tokenise(first.right)
        lkey, rkey = token_key(ltoks[0]), token_key(rtoks[0])
        if lkey != rkey and lkey.casefold() == rkey.casefold():
            rest_l, rest_r = first.left[len(ltoks[0]) :], first.right[len(rtoks[0]) :]
            out[0:1] = [ClassifiedSegment("replace", ltoks[0], rtoks[0], "form")] + (
                [ClassifiedSegment(_op(rest_l, rest_r), rest_l, rest_r, "substantive")] if rest_l or rest_r else []
            )
    if points and out and out[-1].kind == "substantive":
        last = out[-1]
        ltail, rtail = _list_tail(last.left), _list_tail(last.right)
        head_l, head_r = last.left[: len(last.left) - len(ltail)], last.right[: len(last.right) - len(rtail)]
        if (ltail or rtail) and not head_l.strip() and not head_r.strip():
            out[-1] = ClassifiedSegment(last.op, last.left, last.right, "form")
        elif ltail and rtail and (head_l or head_r):
            same = _keys(ltail) == _keys(rtail)
            out[-1:] = [
                ClassifiedSegment(_op(head_l, head_r), head_l, head_r, "substantive"),
                ClassifiedSegment("equal" if same else "replace", ltail, rtail, "equal" if same else "form"),
            ]
    return [s for s in out if s.left or s.right]


# --------------------------------------------------------------------------
# Filling rows
# --------------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(text.split())


def _cut(pieces: list[Piece], units: Sequence[Unit], side: str) -> list[Block]:
    """Cut one side's pieces (over the units joined by SEPARATOR) into one block per unit."""
    blocks = []
    start = 0
    for unit in units:
        stop = start + len(unit.text)
        found = []
        pos = 0
        for piece in pieces:
            p0, p1 = pos, pos + len(piece.text)
            pos = p1
            lo, hi = max(p0, start), min(p1, stop)
            if lo < hi:
                found.append(
                    Piece(piece.kind, piece.text[lo - p0 : hi - p0], piece.counterpart, lo - start, unit.eid, side)
                )
        blocks.append(Block(unit, found))
        start = stop + len(SEPARATOR)
    return blocks


def _located(kind: str, text: str, at: int, units: Sequence[Unit], side: str, counterpart: str = "") -> list[Piece]:
    """``text`` (at ``at`` in the joined ``units``) as pieces of each unit it covers, separators left out."""
    out = []
    start = 0
    for unit in units:
        stop = start + len(unit.text)
        lo, hi = max(at, start), min(at + len(text), stop)
        if lo < hi:
            out.append(Piece(kind, text[lo - at : hi - at], counterpart, lo - start, unit.eid, side))
        start = stop + len(SEPARATOR)
    return out


def _unjoin(text: str, start: int, cuts: Sequence[int]) -> str:
    """``text`` (at ``start`` in a joined side) without the separators at ``cuts``."""
    for cut in reversed(cuts):
        if start <= cut < start + len(text):
            text = text[: cut - start] + text[cut - start + len(SEPARATOR) :]
    return text


def _cuts(units: Sequence[Unit]) -> list[int]:
    out, pos = [], 0
    for unit in units[:-1]:
        pos += len(unit.text)
        out.append(pos)
        pos += len(SEPARATOR)
    return out


@dataclass
class _Filled:
    left: list[Piece]
    right: list[Piece]
    inline: list[Piece]
    counts: dict[str, list[int]]  # kind → [left words, right words]


def _fill(segments: list[ClassifiedSegment], lunits: Sequence[Unit], runits: Sequence[Unit]) -> _Filled:
    lcuts, rcuts = _cuts(lunits), _cuts(runits)
    left: list[Piece] = []
    right: list[Piece] = []
    inline: list[Piece] = []
    counts = {"substantive": [0, 0], "terminology": [0, 0], "equal": [0, 0], "form": [0, 0]}
    for seg, (l0, _, r0, _) in zip(segments, _spans(segments)):
        lt, rt = _unjoin(seg.left, l0, lcuts), _unjoin(seg.right, r0, rcuts)
        counts[seg.kind][0] += word_count(lt)
        counts[seg.kind][1] += word_count(rt)
        if seg.kind == "equal":
            left.append(Piece("equal", seg.left))
            right.append(Piece("equal", seg.right))
            inline.extend(_located("equal", seg.right, r0, runits, "right"))
        elif seg.kind in ("terminology", "form"):
            kind = "term" if seg.kind == "terminology" else "form"
            left.append(Piece(kind, seg.left, rt))
            right.append(Piece(kind, seg.right, lt))
            # One column shows both wordings of a term, the left's first (as a
            # deletion before an insertion); list formatting only as the right has it.
            if kind == "term" or not seg.right:
                inline.extend(_located(kind, seg.left, l0, lunits, "left", rt if kind == "term" else ""))
            inline.extend(_located(kind, seg.right, r0, runits, "right", lt))
        else:
            if seg.left:
                left.append(Piece("deleted", seg.left))
                inline.extend(_located("deleted", seg.left, l0, lunits, "left"))
            if seg.right:
                right.append(Piece("inserted", seg.right))
                inline.extend(_located("inserted", seg.right, r0, runits, "right"))
    return _Filled(left, right, [p for p in inline if p.text], counts)


def _diff_units(
    lunits: Sequence[Unit],
    runits: Sequence[Unit],
    glossary: Glossary,
    left_instrument: str,
    right_instrument: str,
    left_points: bool,
    right_points: bool,
) -> tuple[_Filled, list[quantities.QuantityPair]]:
    ltext = SEPARATOR.join(u.text for u in lunits)
    rtext = SEPARATOR.join(u.text for u in runits)
    segments = glossary.classify(
        diff(ltext, rtext),
        left_instrument=left_instrument,
        right_instrument=right_instrument,
        same_quantity=same_quantity,
    )
    pairs = quantities.compare(quantities.extract_quantities(ltext), quantities.extract_quantities(rtext))
    segments = settle_quantities(segments, pairs)
    segments = mark_form(segments, points=left_points or right_points)
    return _fill(segments, lunits, runits), pairs


def _is_point(units: Sequence[Unit]) -> bool:
    return bool(units) and ")" in units[-1].label


# --------------------------------------------------------------------------
# Planning rows from curated links
# --------------------------------------------------------------------------


def link_groups(pinned: Sequence[tuple[int, int]]) -> tuple[list[Group], list[tuple[tuple[int, ...], tuple[int, ...], str]]]:
    """Curated links as groups of units, and the links left over.

    Links sharing a unit form one group.  A group whose units are not
    consecutive on a side keeps its first run of consecutive units on each
    side; each other run comes back as a leftover, paired with the units of
    the other side it is linked to.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in set(pinned):
        parent[root(("l", i))] = root(("r", j))
    members: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in list(parent):
        ls, rs = members.setdefault(root(node), (set(), set()))
        (ls if node[0] == "l" else rs).add(node[1])
    groups: list[Group] = []
    leftovers: list[Group] = []
    links = set(pinned)
    for ls, rs in members.values():
        lruns, rruns = _runs(sorted(ls)), _runs(sorted(rs))
        groups.append((lruns[0], rruns[0]))
        # Each other run comes back with the units it is itself linked to.
        for run in lruns[1:]:
            leftovers.append((run, tuple(sorted({j for i, j in links if i in run})), "left"))
        for run in rruns[1:]:
            leftovers.append((tuple(sorted({i for i, j in links if j in run})), run, "right"))
    return sorted(groups), leftovers


def _runs(indices: list[int]) -> list[tuple[int, ...]]:
    runs: list[list[int]] = []
    for index in indices:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [tuple(run) for run in runs]


def ordered_groups(groups: Sequence[Group]) -> list[Group]:
    """The largest set of groups (in units) that keeps both texts' order.

    Between equally large sets, the one whose groups sit nearest the same
    place on both sides wins: the links that moved least stay rows.
    """
    groups = sorted(groups)
    best: list[tuple[tuple[int, int], list[Group]]] = []
    for g in groups:
        chains = [(w, chain) for w, chain in best if max(chain[-1][0]) < min(g[0]) and max(chain[-1][1]) < min(g[1])]
        (units, shift), chain = max(chains, key=lambda c: c[0], default=((0, 0), []))
        weight = (units + len(g[0]) + len(g[1]), shift - abs(min(g[0]) - min(g[1])))
        best.append((weight, chain + [g]))
    return max(best, key=lambda c: c[0], default=((0, 0), []))[1]


def compare_units(
    left: Sequence[Unit],
    right: Sequence[Unit],
    *,
    pinned: Sequence[tuple[int, int]] = (),
    glossary: Glossary,
    left_instrument: str,
    right_instrument: str,
    headings: tuple[str, str] = ("", ""),
) -> Comparison:
    """``headings``: the two articles' headings, which tell what a quantity governs."""
    groups, leftovers = link_groups(pinned)
    anchors = ordered_groups(groups)
    moved = [g for g in groups if g not in anchors]
    placed_l = {i for g in moved for i in g[0]} | {i for ls, _, side in leftovers if side == "left" for i in ls}
    placed_r = {j for g in moved for j in g[1]} | {j for _, rs, side in leftovers if side == "right" for j in rs}
    plan = align_groups(
        [u.text for u in left], [u.text for u in right], anchors, skip_left=placed_l, skip_right=placed_r
    )
    anchor_set = set(anchors)

    def units(indices: Sequence[int], side: Sequence[Unit]) -> list[Unit]:
        return [side[k] for k in indices]

    def compared(ls: Sequence[int], rs: Sequence[int]):
        return _diff_units(
            units(ls, left), units(rs, right), glossary, left_instrument, right_instrument,
            _is_point(units(ls, left)), _is_point(units(rs, right)),
        )

    rows: list[Row] = []
    for ls, rs in plan:
        row = Row(units(ls, left), units(rs, right), pinned=(ls, rs) in anchor_set)
        if ls and rs:
            filled, row.quantity_pairs = compared(ls, rs)
            _set(row, filled, left=True, right=True)
        elif ls:
            row.left_blocks = [Block(u, [Piece("deleted", u.text, "", 0, u.eid, "left")]) for u in row.lefts]
            row.inline_pieces = [b.pieces[0] for b in row.left_blocks]
            row.substantive_tokens = row.total_tokens = sum(word_count(u.text) for u in row.lefts)
        else:
            row.right_blocks = [Block(u, [Piece("inserted", u.text, "", 0, u.eid, "right")]) for u in row.rights]
            row.inline_pieces = [b.pieces[0] for b in row.right_blocks]
            row.substantive_tokens = row.total_tokens = sum(word_count(u.text) for u in row.rights)
        rows.append(row)
    # Moved pairs: a half-row on each side; leftovers: a half-row on their own side only.
    halves: list[tuple[Row, Group, str]] = []
    for ls, rs in moved:
        filled, pairs = compared(ls, rs)
        left_half = Row(units(ls, left), [], pinned=True, quantity_pairs=pairs)
        right_half = Row([], units(rs, right), pinned=True)
        _set(left_half, filled, left=True)
        _set(right_half, filled, right=True)
        halves += [(left_half, (ls, rs), "left"), (right_half, (ls, rs), "right")]
    for ls, rs, side in leftovers:
        filled, _ = compared(ls, rs)
        if side == "right":
            half = Row([], units(rs, right), pinned=True)
            _set(half, filled, right=True)
        else:
            half = Row(units(ls, left), [], pinned=True)
            _set(half, filled, left=True)
        halves.append((half, (ls, rs), side))
    left_index = {u.eid: k for k, u in enumerate(left)}
    right_index = {u.eid: k for k, u in enumerate(right)}
    for half, _, side in halves:
        _insert(rows, half, side, left_index if side == "left" else right_index)
    for half, (ls, rs), side in halves:
        own = next(k for k, row in enumerate(rows) if row is half)
        partner_units = units(rs, right) if side == "left" else units(ls, left)
        partner_first = partner_units[0]
        at = next(
            k for k, row in enumerate(rows)
            if partner_first in (row.rights if side == "left" else row.lefts)
        )
        where = Elsewhere(tuple(partner_units), "down" if at > own else "up")
        if side == "left":
            half.right_elsewhere = where
        else:
            half.left_elsewhere = where
    return Comparison(rows, pair_across_rows(rows, headings))


def pair_across_rows(rows: Sequence[Row], headings: tuple[str, str]) -> list[AcrossPair]:
    """Pair the quantities left without a counterpart in their own row.

    A row pairs the quantities of its aligned paragraphs; the counterpart of
    one may sit in another paragraph (UN art. 67 §1 "un an" against Budapest
    art. 47 §2 "trois mois", a paragraph with no partner). Left-only and
    right-only quantities, and those of paragraphs with no partner, are
    paired in document order when ``quantities.counterparts_across`` says
    they answer each other; the divergence report pairs them by the same rule.
    Moved half-rows count once, in the half that carries the pair's quantities.
    """
    lefts: list[tuple[quantities.Quantity, Unit]] = []
    rights: list[tuple[quantities.Quantity, Unit]] = []
    for row in rows:
        if row.quantity_pairs:
            units = {unit.eid: unit for unit in [*row.lefts, *row.rights, *_elsewhere_units(row)]}
            for pair, left_eid, right_eid in row.located_quantity_pairs():
                if pair.right is None:
                    lefts.append((pair.left, units[left_eid]))  # type: ignore[arg-type]
                elif pair.left is None:
                    rights.append((pair.right, units[right_eid]))
        elif not row.moved and not (row.lefts and row.rights):
            for unit in row.lefts:
                lefts.extend((q, unit) for q in quantities.extract_quantities(unit.text))
            for unit in row.rights:
                rights.extend((q, unit) for q in quantities.extract_quantities(unit.text))

    def reading(quantity: quantities.Quantity, unit: Unit, heading: str) -> tuple[str, bool]:
        return quantities.subject_of(quantity, unit.text, heading), quantities.takes_effect(quantity, unit.text)

    right_readings = [reading(q, unit, headings[1]) for q, unit in rights]
    used: set[int] = set()
    found = []
    for left_quantity, left_unit in lefts:
        left_subject, left_effect = reading(left_quantity, left_unit, headings[0])
        for k, (right_quantity, right_unit) in enumerate(rights):
            subject, effect = right_readings[k]
            if k not in used and quantities.counterparts_across(
                left_quantity, right_quantity, subjects=(left_subject, subject), effects=(left_effect, effect)
            ):
                used.add(k)
                found.append(AcrossPair(quantities.pair(left_quantity, right_quantity), left_unit, right_unit))
                break
    return found


def _elsewhere_units(row: Row) -> tuple[Unit, ...]:
    return (row.left_elsewhere.units if row.left_elsewhere else ()) + (
        row.right_elsewhere.units if row.right_elsewhere else ()
    )


def _set(row: Row, filled: _Filled, *, left: bool = False, right: bool = False) -> None:
    sides = [k for k, on in ((0, left), (1, right)) if on]
    if left:
        row.left_blocks = _cut(filled.left, row.lefts, "left")
    if right:
        row.right_blocks = _cut(filled.right, row.rights, "right")
    if left and right:
        row.inline_pieces = filled.inline
    elif left:
        row.inline_pieces = [p for block in row.left_blocks for p in block.pieces]
    else:
        row.inline_pieces = [p for block in row.right_blocks for p in block.pieces]
    row.substantive_tokens = sum(filled.counts["substantive"][k] for k in sides)
    row.terminology_tokens = sum(filled.counts["terminology"][k] for k in sides)
    row.total_tokens = sum(sum(filled.counts[kind][k] for k in sides) for kind in filled.counts)


def _insert(rows: list[Row], half: Row, side: str, index: dict[str, int]) -> None:
    """Put a half-row at its own side's place; the other side's order is untouched."""
    mine = index[(half.lefts if side == "left" else half.rights)[0].eid]
    for k, row in enumerate(rows):
        units = row.lefts if side == "left" else row.rights
        if units and index[units[0].eid] > mine:
            rows.insert(k, half)
            return
    rows.append(half)


def monotone(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subset of pairs increasing on both sides (curated links may cross)."""
    pairs = sorted(set(pairs))
    best: list[list[tuple[int, int]]] = []
    for pair in pairs:
        candidates = [chain for chain in best if chain[-1][0] < pair[0] and chain[-1][1] < pair[1]]
        longest = max(candidates, key=len, default=[])
        best.append(longest + [pair])
    return max(best, key=len, default=[])
