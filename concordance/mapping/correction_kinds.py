"""The kinds of correction of the accuracy review: a link relabelled, a link added, a link removed.

Each names its two provisions by instrument slug and identifier, and carries
the reason the history will show (``corrections.apply_corrections`` applies
them through the curator's path).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from concordance.mapping.models import Relation


@dataclass(frozen=True)
class Side:
    instrument: str
    eid: str


def un(eid: str) -> Side:
    return Side("un", eid)


def budapest(eid: str) -> Side:
    return Side("budapest", eid)


def protocol(eid: str) -> Side:
    return Side("budapest-p1", eid)


def _check(relation: str | None, reason: str) -> None:
    # The history keeps 100 characters of a reason, and the reason is what marks a correction as done.
    if relation is not None and relation not in Relation.values:
        raise ValueError(f"relation inconnue : {relation}")
    if len(reason) > 100:
        raise ValueError(f"raison trop longue pour l'historique ({len(reason)} > 100) : {reason}")


@dataclass(frozen=True)
class Relabel:
    """An existing link gets another relation or note (``None`` keeps the current one)."""

    left: Side
    right: Side
    reason: str
    relation: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _check(self.relation, self.reason)


@dataclass(frozen=True)
class Link:
    """A new reviewed link; a "without counterpart" record it contradicts is removed first."""

    left: Side
    right: Side
    relation: str
    note: str
    themes: tuple[str, ...]
    reason: str
    # A sentence pin: the sentence (1-based) of each side the link names, if any.
    left_sentence: int | None = None
    right_sentence: int | None = None

    def __post_init__(self) -> None:
        _check(self.relation, self.reason)


@dataclass(frozen=True)
class Unlink:
    """A link removed, replaced by "without counterpart" records that give the reason to readers."""

    left: Side
    right: Side
    reason: str
    gaps: tuple[tuple[Side, str, str], ...] = field(default_factory=tuple)


Correction = Relabel | Link | Unlink
