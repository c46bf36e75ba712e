"""The collation page's model: the differing articles, each with the rows that carry a variant.

The collation itself (plain, cached data) is ``editions.collation``; this
module chooses what the page shows of it and adds the cross-reference links
of each edition's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from concordance.corpus.models import Edition
from concordance.crossrefs.linking import Link, edition_provision_references
from concordance.crossrefs.rendering import link_spans
from concordance.editions.collation import ArticleCollation, EditionCollation, displayed_unit_label
from concordance.languages import translate
from concordance.lib.collation import CLASS_LABELS, CLASSES, CollatedRow, Variant

# A side's cross-references: (start, end, link) spans of its text.
LinkSpans = tuple[tuple[int, int, Link], ...]


@dataclass(frozen=True)
class LinkedRow:
    """A row as the page shows it, with the spans of its cross-reference links on each side."""

    row: CollatedRow
    left_links: LinkSpans = ()
    right_links: LinkSpans = ()

    def __getattr__(self, name: str):
        # left, right, collated, variants: the row's own.
        return getattr(self.row, name)

    @property
    def label(self) -> str:
        return row_label(self.row)


def row_label(row: CollatedRow) -> str:
    """A row's label in the page's language (the cached row's own is French): "par. 1, a)", "para. 1, a)"."""
    if row.left and row.right and row.left.label != row.right.label:
        return f"{displayed_unit_label(row.left)} / {displayed_unit_label(row.right)}"
    unit = row.left or row.right
    assert unit is not None, "a row has a unit on at least one side"
    return displayed_unit_label(unit)


@dataclass
class ArticleVariants:
    """A differing article as the page shows it: the rows that carry a variant."""

    article: ArticleCollation
    rows: list[LinkedRow]
    identical: int


@dataclass(frozen=True)
class SubstantiveVariant:
    """A variant that changes the meaning, listed first on the page, with where it is."""

    article: ArticleCollation
    row_label: str
    variant: Variant


@dataclass
class CollationPage:
    collation: EditionCollation
    chosen: str
    articles: list[ArticleVariants] = field(default_factory=list)

    @property
    def classes(self) -> list[dict[str, object]]:
        totals = self.collation.totals
        return [{"code": cls, "label": translate(CLASS_LABELS[cls]), "count": totals[cls]} for cls in CLASSES]

    @property
    def variant_count(self) -> int:
        return sum(self.collation.totals.values())

    @property
    def substantive(self) -> list[SubstantiveVariant]:
        """Every variant that changes the meaning, in the order of the text: what a reader checks first."""
        return [
            SubstantiveVariant(article, row_label(row), variant)
            for article in self.collation.differing
            for row in article.rows
            for variant in row.variants
            if variant.cls == "substantive"
        ]

    @property
    def chosen_label(self) -> str:
        return translate(CLASS_LABELS.get(self.chosen, ""))


def collation_page(
    collation: EditionCollation, chosen: str = "", editions: tuple[Edition, Edition] | None = None
) -> CollationPage:
    """What the page shows: every differing article, or those with a variant of ``chosen``.

    Given the two editions, the provisions' cross-references become links
    in the collated text (one query).
    """
    page = CollationPage(collation, chosen)
    references = edition_provision_references(list(editions)) if editions else {}

    def linked(row: CollatedRow) -> LinkedRow:
        if not editions:
            return LinkedRow(row)
        sides: list[LinkSpans] = []
        for edition, unit in zip(editions, (row.left, row.right), strict=True):
            if unit is None or unit.kind != "text":
                sides.append(())
                continue
            found = references.get((edition.pk, unit.eid), [])
            sides.append(tuple(link_spans(unit.text, found)) if found else ())
        return LinkedRow(row, *sides)

    for article in collation.differing:
        if chosen and not article.has(chosen):
            continue
        rows = [
            row for row in article.rows if row.variants and (not chosen or any(v.cls == chosen for v in row.variants))
        ]
        page.articles.append(
            ArticleVariants(
                article, [linked(row) for row in rows], identical=sum(1 for r in article.rows if not r.variants)
            )
        )
    return page
