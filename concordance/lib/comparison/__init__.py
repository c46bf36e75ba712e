"""Two provisions side by side: aligned rows, word differences, quantities.

Pure: takes the texts of the units to compare (one unit per paragraph,
point or sub-point that carries words) and returns rows ready to display.
The diff, glossary and quantity modules do the work; this package composes
them, one module a step:

- ``model``: what a comparison is made of (compared units, aligned rows,
  marked pieces);
- ``plan``: which units go in which row, from the curated links;
- ``refine``: the refinements of the glossary's classification (quantities
  spelled differently, list formatting);
- ``fill``: classified segments cut back into each unit's marked pieces;
- ``across``: quantities that answer each other from different rows;
- ``corresponding``: cross-reference numbers that name corresponding articles;
- ``compose``: the pipeline, ``compare_units``.
"""

from concordance.lib.comparison.across import QuantityReading, pair_across_rows, pair_one_sided
from concordance.lib.comparison.compose import (
    ComparedTexts,
    JoinedTexts,
    PairContext,
    compare_texts,
    compare_units,
)
from concordance.lib.comparison.corresponding import ArticlePair, cited_articles, mark_references
from concordance.lib.comparison.model import (
    SEPARATOR,
    AcrossPair,
    AlignedRow,
    Block,
    Collapsed,
    ComparedUnit,
    Comparison,
    Elsewhere,
    MarkedPiece,
    visible_rows,
)
from concordance.lib.comparison.plan import RowPlan, link_groups, ordered_groups, ordered_pairs, plan_rows
from concordance.lib.comparison.refine import mark_form, same_quantity, settle_quantities

__all__ = [
    "SEPARATOR",
    "AcrossPair",
    "AlignedRow",
    "ArticlePair",
    "Block",
    "Collapsed",
    "ComparedTexts",
    "ComparedUnit",
    "Comparison",
    "Elsewhere",
    "JoinedTexts",
    "MarkedPiece",
    "PairContext",
    "QuantityReading",
    "RowPlan",
    "cited_articles",
    "compare_texts",
    "compare_units",
    "link_groups",
    "mark_form",
    "mark_references",
    "ordered_groups",
    "ordered_pairs",
    "pair_across_rows",
    "pair_one_sided",
    "plan_rows",
    "same_quantity",
    "settle_quantities",
    "visible_rows",
]
