"""Presentation mode of the comparison page (``?presentation=1``): one aligned row at a time.

How it moves without JavaScript: the page holds every row, each an anchor
(``#row-3``) carrying its own "précédent" / "suivant" links and its counter
("3 / 17"); the stylesheet shows only the row the address targets
(CSS ``:target``), or the first one when the address targets none. So moving
is following a link inside one document: no request, the response cache
keeps a single page for the whole presentation, the browser's Back goes to
the row before, and a row's address (``?presentation=1#row-3``) can be
linked. ``static/js/compare.js`` only adds keys (n/p, arrows, Escape) that
follow the same links. A server-side ``?row=N`` would have cost a request,
the page's queries and a cached page per row.

Rows that "changes only" folds into one "n paragraphes identiques masqués"
line are not steps: a presentation of the differences skips them.
"""

from __future__ import annotations

from dataclasses import dataclass

from concordance.lib.comparison import AlignedRow, Collapsed


@dataclass(frozen=True)
class Step:
    """One row of a presentation: its place, and the anchors of the rows before and after it."""

    number: int  # 1 for the first row presented
    total: int
    anchor: str  # the row's id on the page, "row-5" (its place among the rows shown, folded lines included)
    previous: str | None  # None on the first step
    next: str | None  # None on the last step


def row_anchor(position: int) -> str:
    """The id the comparison template gives the row at ``position`` (1-based) of the rows shown."""
    return f"row-{position}"


def presentation_steps(rows: list[AlignedRow | Collapsed]) -> list[Step | None]:
    """For each row shown, in order, its step; ``None`` for a folded line of identical rows."""
    positions = [index + 1 for index, row in enumerate(rows) if not isinstance(row, Collapsed)]
    anchors = [row_anchor(position) for position in positions]
    steps: list[Step | None] = [None] * len(rows)
    for number, position in enumerate(positions, start=1):
        steps[position - 1] = Step(
            number=number,
            total=len(positions),
            anchor=anchors[number - 1],
            previous=anchors[number - 2] if number > 1 else None,
            next=anchors[number] if number < len(positions) else None,
        )
    return steps
