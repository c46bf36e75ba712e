"""Refinements of the glossary's classification that keep the substance visible.

A change that lies inside the same quantity on both sides ("minimum de 60
jours" / "au moins soixante jours") is terminology, and the formatting of
list items (a capital first word against lower case, the closing ";", "; et"
or ".") is ``form``.  Neither counts as substantive.
"""

from __future__ import annotations

from collections.abc import Sequence

from concordance.lib import quantities
from concordance.lib.diffing import Op, token_key, tokenise
from concordance.lib.terminology import QUANTITY_ENTRY, ClassifiedSegment

# What may close a list item: ";", "; et", "," or a full stop.  "ou" is not
# here: "; ou" makes the points alternatives, which is substance.
_LIST_END = frozenset([";", ",", ".", ":", "et"])

# Little words that introduce a quantity without being part of what the
# extractor takes: "une période d'au moins soixante jours".
_LEAD_IN = frozenset(["de", "d'", "du", "des", "à", "au", "aux", "pour", "une", "un", "la", "le", "l'", "les"])


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
    return bool(found_left) and [(q.value, q.unit) for q in found_left] == [(q.value, q.unit) for q in found_right]


def segment_spans(segments: Sequence[ClassifiedSegment]) -> list[tuple[int, int, int, int]]:
    """(left start, left end, right start, right end) of each segment in the two joined texts."""
    out = []
    lpos = rpos = 0
    for seg in segments:
        out.append((lpos, lpos + len(seg.left), rpos, rpos + len(seg.right)))
        lpos += len(seg.left)
        rpos += len(seg.right)
    return out


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
    same = [
        (p.left, p.right)
        for p in pairs
        if p.left is not None and p.right is not None and p.status == "same" and not p.bound_differs
    ]
    if not same:
        return segments
    out = []
    for seg, (l0, _, r0, _) in zip(segments, segment_spans(segments), strict=True):
        if seg.kind == "substantive" and any(
            _within(l0, seg.left, left) and _within(r0, seg.right, right) for left, right in same
        ):
            seg = ClassifiedSegment(seg.op, seg.left, seg.right, "terminology", QUANTITY_ENTRY)
        out.append(seg)
    return out


def _keys(text: str) -> list[str]:
    return [token_key(t) for t in tokenise(text)]


def _list_tail(text: str) -> str:
    """The closing list punctuation at the end of ``text`` ("; et", "."), or ""."""
    tokens = tokenise(text)
    k = len(tokens)
    while k and token_key(tokens[k - 1]).casefold() in _LIST_END:
        k -= 1
    return "".join(tokens[k:])


def _op(left: str, right: str) -> Op:
    return "replace" if left and right else ("delete" if left else "insert")


def mark_form(segments: list[ClassifiedSegment], *, points: bool) -> list[ClassifiedSegment]:
    """List-item formatting as its own kind, ``form``: a capital first word against
    lower case, and (for points) the closing ";", "; et" or "." of the item.

    Only the first and the last words of a row are looked at, where list
    formatting lives; a case change inside a sentence stays a change.
    """
    out = list(segments)
    if out and out[0].kind == "substantive" and out[0].left and out[0].right:
        out[0:1] = _first_word_case(out[0])
    if points and out and out[-1].kind == "substantive":
        out[-1:] = _list_ending(out[-1])
    return [s for s in out if s.left or s.right]


def _first_word_case(first: ClassifiedSegment) -> list[ClassifiedSegment]:
    """A first word that differs only in case is ``form``; the rest of the segment stays substantive."""
    ltoks, rtoks = tokenise(first.left), tokenise(first.right)
    lkey, rkey = token_key(ltoks[0]), token_key(rtoks[0])
    if lkey == rkey or lkey.casefold() != rkey.casefold():
        return [first]
    rest_l, rest_r = first.left[len(ltoks[0]) :], first.right[len(rtoks[0]) :]
    return [ClassifiedSegment("replace", ltoks[0], rtoks[0], "form")] + (
        [ClassifiedSegment(_op(rest_l, rest_r), rest_l, rest_r, "substantive")] if rest_l or rest_r else []
    )


def _list_ending(last: ClassifiedSegment) -> list[ClassifiedSegment]:
    """A closing ";", "; et" or "." of a point is ``form``, cut from the words before it."""
    ltail, rtail = _list_tail(last.left), _list_tail(last.right)
    head_l, head_r = last.left[: len(last.left) - len(ltail)], last.right[: len(last.right) - len(rtail)]
    if (ltail or rtail) and not head_l.strip() and not head_r.strip():
        return [ClassifiedSegment(last.op, last.left, last.right, "form")]
    if ltail and rtail and (head_l or head_r):
        same = _keys(ltail) == _keys(rtail)
        return [
            ClassifiedSegment(_op(head_l, head_r), head_l, head_r, "substantive"),
            ClassifiedSegment("equal" if same else "replace", ltail, rtail, "equal" if same else "form"),
        ]
    return [last]
