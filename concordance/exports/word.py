"""A comparison as a Word document: a table of the aligned rows, then the left text redlined into the right.

Built from the comparison page's model (``comparison.page.comparison_page``)
and the rows it shows (``visible_rows``), so the document says what the page
says: the same rows, the same pieces, the same options. No word is added to
a provision's text or taken from it; labels, notes and badges stand in runs
and paragraphs of their own styles, which a reader (or a test) tells apart.

The redline is one paragraph per row: words both texts share are plain runs,
the left's own words are deletions attributed to the left instrument, the
right's own words insertions attributed to the right instrument; so "Accept
all" leaves exactly the right text and "Reject all" the left. A moved row's
words are deleted where the left has them and inserted where the right has
them, so neither text is ever reordered.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext, ngettext, pgettext
from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from concordance.comparison.page import ComparisonPage, display_unit_label
from concordance.corpus.citations import written_date
from concordance.corpus.models import Provision
from concordance.exports.redline import DELETED, PLAIN, Change, row_changes
from concordance.exports.revisions import Revisions
from concordance.languages import translate
from concordance.lib.comparison import AlignedRow, Block, Collapsed, Elsewhere, MarkedPiece
from concordance.lib.quantities import Quantity
from concordance.lib.terminology import Glossary

# Character styles of the words, paragraph styles of what is not the texts' words.
# The text one instrument only has is styled under the legend's name for it
# ("ONU seulement", comparison.page.Legend), a passage tinted as on the page.
LABEL = "Repère"
TERM = "Terminologie"
FORM = "Mise en forme"
NEAR = "Quasi-équivalent"
REFERENCE = "Renvoi correspondant"
NOTE = "Note de comparaison"
DIVERGENCE = "Quantité divergente"


@dataclass(frozen=True)
class Looks:
    color: RGBColor
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    # A background tint (hex RGB), as the page's passages of one instrument only.
    shading: str | None = None


CHARACTER_STYLES = {
    LABEL: Looks(RGBColor(0x55, 0x55, 0x55), bold=True),
    TERM: Looks(RGBColor(0x6A, 0x3D, 0x9A), italic=True),
    FORM: Looks(RGBColor(0x70, 0x70, 0x70)),
    NEAR: Looks(RGBColor(0x8A, 0x5A, 0x00), italic=True, underline=True),
    REFERENCE: Looks(RGBColor(0x2F, 0x6F, 0x4F)),
}
# The same tints as static/css/site.css (--del-bg, --ins-bg); the right side is underlined there too.
SIDE_LOOKS = {
    "deleted": Looks(RGBColor(0x1D, 0x1D, 0x1F), shading="FDE2E1"),
    "inserted": Looks(RGBColor(0x1D, 0x1D, 0x1F), underline=True, shading="DFF3E4"),
}
WORD_STYLES = {
    "term": TERM,
    "form": FORM,
    "near": NEAR,
    "reference": REFERENCE,
}
# Kinds that keep their own style inside a tracked change; a near-equivalent is
# never hidden with the terminology, since its scope differs.
STYLED_KINDS = ("term", "form", "near", "reference")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class WordOptions:
    """The display options of the page the document is taken from."""

    changes_only: bool = False
    terms_shown: bool = True


# The interface of the document (titles, notes, legend, comments' explanations)
# is in the language of the address it is asked at (/en/…), as the page it is
# taken from; the treaty words, headings and curated notes stay as written.


def instrument_name(provision: Provision) -> str:
    return str(provision.edition.instrument.display_short_title)


def provision_title(provision: Provision) -> str:
    return f"{provision.edition.instrument.display_short_title}, {provision.display_citation}"


def comparison_docx(
    pair: ComparisonPage,
    rows: Sequence[AlignedRow | Collapsed],
    options: WordOptions,
    *,
    glossary: Glossary,
    made_at: datetime,
    address: str,
) -> bytes:
    """The Word document of ``pair`` showing ``rows`` (the page's visible rows), as bytes."""
    document = new_document()
    side_styles = side_style_names(pair)
    add_styles(document, side_styles)
    landscape(document)
    properties = document.core_properties
    properties.title = f"{provision_title(pair.left)} ↔ {provision_title(pair.right)}"
    properties.author = properties.last_modified_by = "Concordance"
    properties.created = properties.modified = made_at
    properties.language = "fr-FR"
    properties.comments = address
    writer = _Writer(document, pair, options, glossary, Revisions(document, made_at), side_styles)
    writer.front_matter(made_at, address)
    writer.table(rows)
    writer.redline(rows)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def side_style_names(pair: ComparisonPage) -> dict[str, str]:
    """The styles of each side's own text, named as the page's legend names it ("ONU seulement");
    a pair within one instrument has one name for both sides, and Word one style per name."""
    left, right = pair.legend.left[0], pair.legend.right[0]
    if left == right:
        left = pgettext("côté du tableau", "%(name)s, à gauche") % {"name": left}
        right = pgettext("côté du tableau", "%(name)s, à droite") % {"name": right}
    return {"deleted": left, "inserted": right}


def add_styles(document: Document, side_styles: dict[str, str]) -> None:
    """The character and paragraph styles; ``side_styles`` names the styles of each side's own text."""
    looks_of = {**CHARACTER_STYLES, **{side_styles[kind]: SIDE_LOOKS[kind] for kind in SIDE_LOOKS}}
    for name, looks in looks_of.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.bold = looks.bold
        style.font.italic = looks.italic
        style.font.strike = looks.strike
        style.font.underline = looks.underline
        style.font.color.rgb = looks.color
        if looks.shading:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), looks.shading)
            style.element.get_or_add_rPr().append(shading)
    for name, size in ((NOTE, 9), (DIVERGENCE, 9)):
        paragraph_style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        paragraph_style.base_style = document.styles["Normal"]
        paragraph_style.font.size = Pt(size)
        paragraph_style.font.italic = name == NOTE
        paragraph_style.font.bold = name == DIVERGENCE


def landscape(document: Document) -> None:
    """Two columns of treaty text read better across an A4 page turned sideways."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.8))


class _Writer:
    def __init__(
        self,
        document: Document,
        pair: ComparisonPage,
        options: WordOptions,
        glossary: Glossary,
        revisions: Revisions,
        side_styles: dict[str, str],
    ) -> None:
        self.document = document
        self.styles = {**WORD_STYLES, **side_styles}
        self.pair = pair
        self.options = options
        self.glossary = glossary
        self.revisions = revisions
        self.left_name = instrument_name(pair.left)
        self.right_name = instrument_name(pair.right)
        # The label run of each paragraph's row in the redline, which comments hang on.
        self.row_labels: dict[str, BaseOxmlElement] = {}

    # -- title, sources, correspondence ----------------------------------

    def front_matter(self, made_at: datetime, address: str) -> None:
        pair = self.pair
        self.document.add_heading(f"{provision_title(pair.left)} ↔ {provision_title(pair.right)}", level=0)
        for provision, heading in ((pair.left, pair.headings[0]), (pair.right, pair.headings[1])):
            instrument = provision.edition.instrument
            line = self.document.add_paragraph()
            line.add_run(f"{instrument.display_title}, {provision.display_citation}").bold = True
            line.add_run(f" — {heading or gettext('(article sans intitulé)')}")
            source = provision.edition.source
            told = {
                "edition": provision.edition.display_label,
                "source": source.title,
                "issuer": source.issuer,
                "date": written_date(source.issued_on),
            }
            self.document.add_paragraph(
                gettext("Texte : %(edition)s (%(source)s, %(issuer)s, %(date)s)") % told, style=NOTE
            )
        self.document.add_paragraph(self.correspondence_line(), style=NOTE)
        shown = gettext("différences seulement") if self.options.changes_only else gettext("tous les paragraphes")
        terms = gettext("terminologie marquée") if self.options.terms_shown else gettext("terminologie non marquée")
        made = {"date": written_date(made_at.date()), "address": address, "shown": shown, "terms": terms}
        self.document.add_paragraph(
            gettext("Document établi le %(date)s depuis %(address)s (%(shown)s, %(terms)s).") % made, style=NOTE
        )
        # The legend of the table: each side's own text under its style, named as on the page.
        legend = self.document.add_paragraph(gettext("Légende du tableau : "), style=NOTE)
        legend.add_run(self.styles["deleted"], style=self.styles["deleted"])
        legend.add_run(pgettext("entre deux éléments d'une liste", " ; "))
        legend.add_run(self.styles["inserted"], style=self.styles["inserted"])
        legend.add_run(".")

    def correspondence_line(self) -> str:
        link = self.pair.correspondence or self.pair.article_correspondence
        if link is None:
            return gettext("Ces deux dispositions ne sont pas liées dans la concordance.")
        prefix = "" if self.pair.correspondence else gettext("Les articles sont liés : ")
        note = f" — {link.note}" if link.note else ""
        return f"{prefix}{link.get_relation_display()}{note}"

    # -- the aligned rows --------------------------------------------------

    def table(self, rows: Sequence[AlignedRow | Collapsed]) -> None:
        self.document.add_heading(gettext("Comparaison alignée"), level=1)
        table = self.document.add_table(rows=1, cols=2)
        table.style = self.document.styles["Table Grid"]
        header = table.rows[0]
        header.cells[0].text, header.cells[1].text = self.left_name, self.right_name
        for cell in header.cells:
            cell.paragraphs[0].runs[0].bold = True
        # The column labels repeat on every printed page.
        header._tr.get_or_add_trPr().append(_table_header_mark())
        for row in rows:
            cells = table.add_row().cells
            if isinstance(row, Collapsed):
                merged = cells[0].merge(cells[1])
                merged.paragraphs[0].text = hidden_rows(row.count)
                merged.paragraphs[0].style = self.document.styles[NOTE]
                continue
            self.cell(cells[0], row.left_blocks, row.left_elsewhere, self.left_name, gap=not row.lefts)
            self.cell(cells[1], row.right_blocks, row.right_elsewhere, self.right_name, gap=not row.rights)
            for quantity in row.divergent_quantities:
                cells[1].add_paragraph(quantity.badge_in(translate), style=DIVERGENCE)

    def cell(
        self, cell: _Cell, blocks: Sequence[Block], elsewhere: Elsewhere | None, instrument: str, *, gap: bool
    ) -> None:
        first = True
        for block in blocks:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            self.revisions.plain(paragraph, display_unit_label(block.unit.label), LABEL)
            self.revisions.plain(paragraph, " ")
            for piece in block.pieces:
                self.revisions.plain(paragraph, piece.text, self.piece_style(piece))
        if elsewhere is not None:
            told = {"instrument": instrument, "labels": display_unit_label(elsewhere.labels)}
            if elsewhere.direction == "up":
                note = gettext("Lié à %(instrument)s, %(labels)s, placé plus haut dans l'article.") % told
            else:
                note = gettext("Lié à %(instrument)s, %(labels)s, placé plus bas dans l'article.") % told
            self.note_in(cell, first, note)
        elif gap:
            self.note_in(cell, first, gettext("— pas d'équivalent —"))

    def note_in(self, cell: _Cell, first: bool, text: str) -> None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.style = self.document.styles[NOTE]
        paragraph.add_run(text)

    def piece_style(self, piece: MarkedPiece) -> str | None:
        if piece.kind == "term" and not self.options.terms_shown:
            return None
        return self.styles.get(piece.kind)

    # -- the redline -------------------------------------------------------

    def redline(self, rows: Sequence[AlignedRow | Collapsed]) -> None:
        names = {"left": self.left_name, "right": self.right_name}
        self.document.add_heading(gettext("Modifications suivies : du texte %(left)s au texte %(right)s") % names, 1)
        self.document.add_paragraph(
            gettext(
                "Accepter toutes les modifications donne le texte %(right)s ; les refuser toutes, "
                "le texte %(left)s. Les suppressions sont attribuées à %(left)s, les insertions à %(right)s."
            )
            % names,
            style=NOTE,
        )
        for row in rows:
            if isinstance(row, Collapsed):
                self.document.add_paragraph(hidden_rows(row.count), style=NOTE)
            else:
                self.redline_row(row)
        for found in self.pair.comparison.divergent_across:
            told = (
                f"{self.left_name}, {display_unit_label(found.left.label)} {quoted(found.pair.left)} ↔ "
                f"{self.right_name}, {display_unit_label(found.right.label)} {quoted(found.pair.right)}"
                f" ({found.pair.badge_in(translate)})"
            )
            self.document.add_paragraph(
                gettext("D'un paragraphe à l'autre : %(told)s") % {"told": told}, style=DIVERGENCE
            )
            # Also a comment on the row that holds the left quantity (or the right one, its row shown).
            anchor = self.row_labels.get(found.left.anchor)
            if anchor is None:  # an lxml element's truth is its child count: test for None
                anchor = self.row_labels.get(found.right.anchor)
            if anchor is not None:
                text = gettext("Quantité divergente d'un paragraphe à l'autre : %(told)s.") % {"told": told}
                self.revisions.comment(anchor, anchor, text, author="Concordance")

    def redline_row(self, row: AlignedRow) -> None:
        paragraph = self.document.add_paragraph()
        lefts = " + ".join(display_unit_label(u.label) for u in row.lefts) or "—"
        rights = " + ".join(display_unit_label(u.label) for u in row.rights) or "—"
        labels = f"{lefts} / {rights}"
        label = self.revisions.plain(paragraph, labels, LABEL)
        for unit in (*row.lefts, *row.rights):
            self.row_labels[unit.anchor] = label
        self.revisions.plain(paragraph, " ")
        _RowRedline(self, paragraph, row).write()
        for quantity in row.divergent_quantities:
            left, right = quoted(quantity.left), quoted(quantity.right)
            self.revisions.comment(
                label,
                label,
                gettext("Quantité divergente : %(badge)s. %(left_name)s : %(left)s ; %(right_name)s : %(right)s.")
                % {
                    "badge": quantity.badge_in(translate),
                    "left_name": self.left_name,
                    "left": left,
                    "right_name": self.right_name,
                    "right": right,
                },
                author="Concordance",
            )

    def term_explanation(self, left: str, right: str, kind: str = "term") -> str:
        entry_id = self.glossary.equivalent(left, right)
        near = kind == "near"
        label = gettext("Quasi-équivalent (même rôle, portée différente)") if near else gettext("Terminologie")
        words = {
            "label": label,
            "left": left,
            "left_name": self.left_name,
            "right": right,
            "right_name": self.right_name,
        }
        told = gettext("%(label)s : « %(left)s » (%(left_name)s) et « %(right)s » (%(right_name)s)") % words
        if entry_id is None:
            return f"{told}." if near else gettext("%(told)s désignent la même chose.") % {"told": told}
        entry = self.glossary.entry(entry_id)
        note = f" {entry.note}" if entry.note else ""
        why = f" {entry.why}" if near and entry.why else ""
        return f"{told} : {entry.concept}.{note}{why}"


class _RowRedline:
    """One row's changes (``redline.row_changes``) as runs and tracked changes, terms commented."""

    def __init__(self, writer: _Writer, paragraph: Paragraph, row: AlignedRow) -> None:
        self.writer = writer
        self.paragraph = paragraph
        self.row = row

    def write(self) -> None:
        # A left term's element and text, waiting for the right wording it is commented with.
        term: tuple[BaseOxmlElement, str] | None = None
        for change in row_changes(self.row):
            style = self.style(change.kind)
            element = self.emit(change, style)
            commented = change.kind == "near" or (change.kind == "term" and self.writer.options.terms_shown)
            if not commented:
                term = None
            elif change.category == DELETED:
                term = (element, change.text)
            elif term is not None:
                first, left = term
                explanation = self.writer.term_explanation(left.strip(), change.text.strip(), change.kind)
                self.writer.revisions.comment(first, element, explanation, author="Concordance")
                term = None

    def style(self, kind: str) -> str | None:
        """A tracked change shows itself as one: only terms and list form keep a style."""
        if kind == "term" and not self.writer.options.terms_shown:
            return None
        return WORD_STYLES.get(kind) if kind in STYLED_KINDS else None

    def emit(self, change: Change, style: str | None) -> BaseOxmlElement:
        revisions = self.writer.revisions
        if change.category == PLAIN:
            return revisions.plain(self.paragraph, change.text, style)
        if change.category == DELETED:
            return revisions.deleted(self.paragraph, change.text, self.writer.left_name, style)
        return revisions.inserted(self.paragraph, change.text, self.writer.right_name, style)


def quoted(quantity: Quantity | None) -> str:
    return f"« {quantity.text} »" if quantity else gettext("(rien)")


def hidden_rows(count: int) -> str:
    return ngettext("%(count)d paragraphe identique masqué.", "%(count)d paragraphes identiques masqués.", count) % {
        "count": count
    }


def _table_header_mark() -> BaseOxmlElement:
    return OxmlElement("w:tblHeader")
