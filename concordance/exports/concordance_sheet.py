"""The concordance table as a spreadsheet (CSV, XLSX): the rows the page shows, with its filters.

``mapping.table.concordance_rows`` builds the table of ``/concordance/``; the
sheet reads those very rows, so the file has what the screen has: one line
per article and counterpart (article-level first, then the paragraph links
the page folds under "correspondances entre paragraphes"), one line per
"without counterpart" record, one line for an article with neither. Beside
the identifiers each side gets its citation ("art. 25, par. 2") and its
article's heading, and with ``text`` the provision's own words.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from concordance.corpus.models import Instrument, Provision
from concordance.csv_cells import BOM, neutralised
from concordance.lib import eids
from concordance.mapping.table import ArticleConcordance, ConcordanceFilters, Counterpart, concordance_rows

COLUMNS = [
    "kind",
    "left_instrument",
    "left_eid",
    "left_citation",
    "left_heading",
    "right_instrument",
    "right_eid",
    "right_citation",
    "right_heading",
    "relation",
    "note",
    "themes",
    "article_themes",
    "status",
    "origin",
    "reason",
]
TEXT_COLUMNS = ["left_text", "right_text"]
# Between the units of a provision (its paragraphs, its points) in a text cell.
UNIT_SEPARATOR = "\n"


@dataclass(frozen=True)
class Sheet:
    columns: list[str]
    rows: list[dict[str, str]]


def counterpart_line(row: ArticleConcordance, counterpart: Counterpart) -> dict[str, str]:
    correspondence = counterpart.correspondence
    return {
        "kind": "correspondence",
        "left_eid": counterpart.own.eid,
        "left_citation": counterpart.own_citation,
        "right_instrument": counterpart.provision.edition.instrument.slug,
        "right_eid": counterpart.provision.eid,
        "right_citation": counterpart.citation,
        "right_heading": counterpart.article.heading,
        "relation": counterpart.relation,
        "note": correspondence.note,
        "themes": ";".join(theme.slug for theme in correspondence.themes.all()),
        "status": correspondence.status,
        "origin": correspondence.origin,
    }


def article_lines(instrument: Instrument, row: ArticleConcordance) -> list[dict[str, str]]:
    """The lines of one article of the table, in the page's order: gaps, article links, paragraph links."""
    article = {
        "left_instrument": instrument.slug,
        "left_eid": row.article.eid,
        "left_citation": row.article.citation,
        "left_heading": row.article.heading,
        "article_themes": ";".join(theme.slug for theme in row.themes),
    }
    lines = [
        {**article, "kind": "without_counterpart", "right_instrument": gap.other_instrument.slug, "reason": gap.reason}
        for gap in row.gaps
    ]
    for counterpart in row.article_counterparts + row.paragraph_counterparts:
        lines.append({**article, **counterpart_line(row, counterpart)})
    return lines or [{**article, "kind": "article"}]


def concordance_sheet(instrument: Instrument, filters: ConcordanceFilters, *, with_text: bool = False) -> Sheet:
    """The filtered table read from ``instrument``: the page's queries, plus one for the texts."""
    rows = concordance_rows(instrument, filters)
    lines = [line for row in rows for line in article_lines(instrument, row)]
    columns = COLUMNS + (TEXT_COLUMNS if with_text else [])
    if with_text:
        add_texts(lines)
    return Sheet(columns, [{name: line.get(name, "") for name in columns} for line in lines])


def add_texts(lines: list[dict[str, str]]) -> None:
    """Each side's words: the provision's own text and that of every unit inside it (one query)."""
    wanted = {
        (line[f"{side}_instrument"], eids.article_of(line[f"{side}_eid"]))
        for line in lines
        for side in ("left", "right")
        if line.get(f"{side}_eid")
    }
    if not wanted:
        return
    # One term per instrument, not one per article: an OR of a hundred terms
    # took longer to compile than to run (performance review, finding 2).
    by_instrument: dict[str, set[str]] = defaultdict(set)
    for slug, article_eid in wanted:
        by_instrument[slug].add(article_eid)
    condition = Q(pk__in=[])
    for slug, article_eids in sorted(by_instrument.items()):
        condition |= Q(edition__instrument__slug=slug, article_eid__in=sorted(article_eids))
    units: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    # Each unit with its number as printed ("2.", "a)"), so the paragraphs stay told apart.
    nodes = (
        Provision.objects.filter(condition, edition__is_primary=True)
        .order_by("edition_id", "position")
        .values_list("edition__instrument__slug", "article_eid", "eid", "marker", "text")
    )
    for slug, article_eid, eid, marker, text in nodes:
        if text.strip():
            units[(slug, article_eid)].append((eid, f"{marker} {text}" if marker else text))
    for line in lines:
        for side in ("left", "right"):
            eid = line.get(f"{side}_eid")
            if eid:
                article = units[(line[f"{side}_instrument"], eids.article_of(eid))]
                line[f"{side}_text"] = UNIT_SEPARATOR.join(text for unit, text in article if eids.is_within(unit, eid))


def as_csv(sheet: Sheet) -> str:
    """UTF-8 with a byte-order mark for Excel; no cell can run as a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=sheet.columns, lineterminator="\r\n")
    writer.writeheader()
    for row in sheet.rows:
        writer.writerow({name: neutralised(value) for name, value in row.items()})
    return BOM + buffer.getvalue()


# Widths (in characters) a reader needs to see each column without widening it.
XLSX_WIDTHS = {"note": 60, "reason": 60, "left_text": 80, "right_text": 80, "left_heading": 40, "right_heading": 40}
XLSX_DEFAULT_WIDTH = 16


def as_xlsx(sheet: Sheet, title: str) -> bytes:
    """A workbook of one sheet: header frozen and filterable, widths set, long text wrapped."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = title[:31]  # Excel's limit on a sheet's name
    worksheet.append(sheet.columns)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    for row in sheet.rows:
        worksheet.append([ILLEGAL_CHARACTERS_RE.sub("", row[name]) for name in sheet.columns])
        for cell in worksheet[worksheet.max_row]:
            # Text, never a formula, even when it opens with "=".
            cell.data_type = "s"
            cell.alignment = wrapped
    for index, name in enumerate(sheet.columns, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = XLSX_WIDTHS.get(name, XLSX_DEFAULT_WIDTH)
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
