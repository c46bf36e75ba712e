"""Collating two texts: their pieces and their classified variants."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from concordance.lib.collation.classification import CLASS_LABELS, classify, number_key
from concordance.lib.diffing import diff, token_key, tokenise


@dataclass(frozen=True, slots=True)
class Variant:
    cls: str
    reason: str
    left: str
    right: str

    @property
    def label(self) -> str:
        return CLASS_LABELS[self.cls]


@dataclass(frozen=True, slots=True)
class CollatedPiece:
    """A run of text: ``same`` in both editions, or one side of a variant."""

    kind: str  # "same", "deleted" (left edition only), "inserted" (right edition only)
    text: str
    variant: int | None = None  # index into the collated text's variants
    # A "same" piece as the right edition prints it: the words are equal, the spacing may not be.
    right: str = ""


@dataclass(frozen=True, slots=True)
class Collated:
    pieces: tuple[CollatedPiece, ...]
    variants: tuple[Variant, ...]

    @property
    def left_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.kind in ("same", "deleted"))

    @property
    def right_text(self) -> str:
        return "".join(p.right if p.kind == "same" else p.text for p in self.pieces if p.kind != "deleted")

    @property
    def differs(self) -> bool:
        return bool(self.variants)


def _minor_key(token: str) -> str:
    """A token's key once spelling and numbers are folded; punctuation keeps itself."""
    return number_key(token) or token.strip().replace("’", "'")


def _refine(left: str, right: str, lexicon: Collection[str]) -> list[tuple[str, str, str]]:
    """Split a replace into finer changes when some of them are minor.

    The semantic cleanup of ``diff`` folds "au maximum de quatre-vingt-dix"
    / "jusqu'à maximum 90" into one replace, which would be wording.  Here
    the two sides are matched again token by token on keys that fold
    spelling and numbers ("quatre-vingt-dix" = "90", "Etats" = "États"), so
    the number change stands apart from the wording change around it.  The
    finer cut is kept only when it reveals a spelling, number or typing
    variant: a rewrite whose only minor differences are commas stays one
    wording variant instead of being chopped into confetti.
    """
    ltoks, rtoks = tokenise(left), tokenise(right)
    matcher = difflib.SequenceMatcher(
        None, [_minor_key(t) for t in ltoks], [_minor_key(t) for t in rtoks], autojunk=False
    )
    steps: list[tuple[str, str, str]] = []

    def add(op: str, lt: str, rt: str) -> None:
        # A run of key-equal tokens ("minor") is never merged into a real change beside it.
        if steps and steps[-1][0] == op and op != "equal":
            steps[-1] = (op, steps[-1][1] + lt, steps[-1][2] + rt)
        else:
            steps.append((op, lt, rt))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            add("change", "".join(ltoks[i1:i2]), "".join(rtoks[j1:j2]))
            continue
        for lt, rt in zip(ltoks[i1:i2], rtoks[j1:j2], strict=True):
            same = token_key(lt) == token_key(rt)
            add("equal" if same else "minor", lt, rt)
    changes = [(lt, rt) for op, lt, rt in steps if op != "equal"]
    minor = any(classify(lt, rt, lexicon=lexicon).cls in ("spelling", "number", "typo") for lt, rt in changes)
    if len(changes) < 2 or not minor:
        return [("change", left, right)]
    return [("equal" if op == "equal" else "change", lt, rt) for op, lt, rt in steps]


def _spacing(left: str, right: str) -> list[tuple[str, str, str]]:
    """An equal run cut where one edition has a space and the other none.

    The diff compares words without their spaces, so "explicite ;" and
    "explicite;", "« mineur »" and "«mineur»" are equal to it; a reader of
    French typography sees a difference. Each such gap becomes a "space"
    step; how much space (one or two, a line break) is not a difference.
    """
    ltoks, rtoks = tokenise(left), tokenise(right)
    if len(ltoks) != len(rtoks):
        return [("equal", left, right)]
    steps: list[tuple[str, str, str]] = []
    same_l, same_r = "", ""

    def gap(lt: str, rt: str) -> None:
        nonlocal same_l, same_r
        if same_l or same_r:
            steps.append(("equal", same_l, same_r))
        steps.append(("space", lt, rt))
        same_l = same_r = ""

    for index, (lt, rt) in enumerate(zip(ltoks, rtoks, strict=True)):
        if index == 0:
            lead_l, lead_r = lt[: len(lt) - len(lt.lstrip())], rt[: len(rt) - len(rt.lstrip())]
            if bool(lead_l) != bool(lead_r):
                gap(lead_l, lead_r)
                lt, rt = lt.lstrip(), rt.lstrip()
        core_l, core_r = lt.rstrip(), rt.rstrip()
        space_l, space_r = lt[len(core_l) :], rt[len(core_r) :]
        last = index == len(ltoks) - 1
        if bool(space_l) != bool(space_r) and not last:
            same_l += core_l
            same_r += core_r
            gap(space_l, space_r)
        else:
            same_l += lt
            same_r += rt
    if same_l or same_r:
        steps.append(("equal", same_l, same_r))
    return steps


def _spacing_reason(steps: Sequence[tuple[str, str, str]], k: int) -> str:
    before = steps[k - 1][1].rstrip()[-12:] if k else ""
    after = steps[k + 1][1].lstrip()[:12] if k + 1 < len(steps) else ""
    which = "l'édition de référence" if steps[k][1] else "l'autre édition"
    return f"espace présente dans {which} seulement, entre « {before} » et « {after} »"


def collate(left: str, right: str, lexicon: Collection[str] = frozenset()) -> Collated:
    """Word-level collation of two texts of the same provision."""
    steps: list[tuple[str, str, str]] = []
    for segment in diff(left, right, markers="none"):
        if segment.op == "equal":
            steps.append(("equal", segment.left, segment.right))
        elif segment.op == "replace":
            steps.extend(_refine(segment.left, segment.right, lexicon))
        else:
            steps.append(("change", segment.left, segment.right))
    steps = [part for step in steps for part in (_spacing(step[1], step[2]) if step[0] == "equal" else [step])]
    pieces: list[CollatedPiece] = []
    variants: list[Variant] = []
    for k, (op, lt, rt) in enumerate(steps):
        if op == "equal":
            # The left edition's spacing is shown; the words are the same.
            pieces.append(CollatedPiece("same", lt, right=rt))
            continue
        if op == "space":
            index = len(variants)
            variants.append(Variant("punctuation", _spacing_reason(steps, k), lt, rt))
            pieces.extend(
                CollatedPiece(kind, text, index) for kind, text in (("deleted", lt), ("inserted", rt)) if text
            )
            continue
        before = "".join(s[1] for s in steps[:k])
        after = "".join(s[1] for s in steps[k + 1 :])
        verdict = classify(lt, rt, before=before, after=after, texts=(left, right), lexicon=lexicon)
        index = len(variants)
        variants.append(Variant(verdict.cls, verdict.reason, lt, rt))
        if lt:
            pieces.append(CollatedPiece("deleted", lt, index))
        if rt:
            pieces.append(CollatedPiece("inserted", rt, index))
    return Collated(tuple(pieces), tuple(variants))
