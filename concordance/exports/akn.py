"""An instrument's edition as Akoma Ntoso 3.0 (OASIS LegalDocML): ``/<slug>/akn.xml``.

The eIds are the site's identifiers (``art_25__para_2``, ``chp_2``), the
numbers as the source prints them ("a)", "Article premier"), the headings
and every word of the stored text unchanged; the notes of the instrument
(interpretative notes, explanatory statement, resolution, footnotes) go in
``meta/notes``, each tied to the articles it discusses. The FRBR metadata
names the instrument as the work (adopted on its date), the edition as the
French expression (its source document and that document's date), and this
file as the manifestation.

A provision with words and parts (a paragraph opening a list) gives its
words as ``intro`` and the words closing the list, stored as a ``wrapup``
provision, as ``wrapUp``.
"""

from __future__ import annotations

import datetime

from lxml import etree

from concordance.corpus import texts
from concordance.corpus.models import Division, Edition, Instrument, Note, Provision
from concordance.lib import eids

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The site's provision kinds as Akoma Ntoso hierarchy elements; a sub-point
# is a point inside a point, as the schema has no level below.
HIERARCHY = {"article": "article", "paragraph": "paragraph", "point": "point", "subpoint": "point", "alinea": "alinea"}
DIVISIONS = {"part": "part", "chapter": "chapter", "section": "section", "title": "title"}
CONTENT_TYPE = "application/akn+xml; charset=utf-8"


def element(parent: etree._Element | None, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    if parent is None:
        made = etree.Element(f"{{{NAMESPACE}}}{tag}", nsmap={None: NAMESPACE})
    else:
        made = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    for name, value in attributes.items():
        made.set(name, value)
    if text is not None:
        made.text = text
    return made


def akn_document(instrument: Instrument, edition: Edition, made_on: datetime.date) -> bytes:
    """The Akoma Ntoso document of ``edition`` of ``instrument``."""
    text = texts.instrument_text(instrument, edition)
    root = element(None, "akomaNtoso")
    act = element(root, "act", name=instrument.slug)
    meta = element(act, "meta")
    identification(meta, instrument, edition, made_on)
    references = element(meta, "references", source="#concordance")
    element(
        references,
        "TLCOrganization",
        eId="concordance",
        href="/ontology/organization/concordance",
        showAs="Concordance",
    )
    element(references, "TLCOrganization", eId="issuer", href="/ontology/organization/issuer", showAs=instrument.issuer)
    # Each note once, under the first article it discusses or on its own.
    notes: dict[int, tuple[Note, str]] = {}
    for article in text.articles:
        for note in getattr(article, "attached_notes", []):
            notes.setdefault(note.pk, (note, article.eid))
    for note in [*text.resolution, *text.general_commentary, *text.footnotes]:
        notes.setdefault(note.pk, (note, ""))
    if notes:
        notes_element = element(meta, "notes", source="#concordance")
        for note, prefix in notes.values():
            note_out(notes_element, note, prefix)
    preface = element(act, "preface")
    long_title = element(preface, "longTitle")
    element(long_title, "p", edition.title or instrument.title)
    if edition.preamble:
        preamble = element(act, "preamble")
        for paragraph in edition.preamble:
            element(preamble, "p", paragraph)
    body = element(act, "body")
    for entry in text.outline:
        division_out(body, entry)
    if edition.closing:
        conclusions = element(act, "conclusions")
        for paragraph in edition.closing:
            element(conclusions, "p", paragraph)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def identification(meta: etree._Element, instrument: Instrument, edition: Edition, made_on: datetime.date) -> None:
    work_uri = f"/akn/int/act/convention/{instrument.adopted_on.isoformat()}/{instrument.slug}"
    expression_uri = f"{work_uri}/fra@{edition.source.issued_on.isoformat()}"
    if not edition.is_primary:
        expression_uri += f";{edition.slug}"
    manifestation_uri = f"{expression_uri}/!main.akn"
    identification = element(meta, "identification", source="#concordance")
    work = element(identification, "FRBRWork")
    element(work, "FRBRthis", value=f"{work_uri}/!main")
    element(work, "FRBRuri", value=work_uri)
    element(work, "FRBRalias", value=instrument.title, name="title")
    element(work, "FRBRdate", date=instrument.adopted_on.isoformat(), name=f"adoption ({instrument.adopted_at})")
    element(work, "FRBRauthor", href="#issuer")
    element(work, "FRBRcountry", value="int")
    expression = element(identification, "FRBRExpression")
    element(expression, "FRBRthis", value=f"{expression_uri}/!main")
    element(expression, "FRBRuri", value=expression_uri)
    element(expression, "FRBRalias", value=edition.label, name="edition")
    element(expression, "FRBRalias", value=edition.source.title, name="source")
    element(expression, "FRBRdate", date=edition.source.issued_on.isoformat(), name=edition.source.issuer)
    element(expression, "FRBRauthor", href="#issuer")
    element(expression, "FRBRlanguage", language="fra")
    manifestation = element(identification, "FRBRManifestation")
    element(manifestation, "FRBRthis", value=manifestation_uri)
    element(manifestation, "FRBRuri", value=manifestation_uri)
    element(manifestation, "FRBRalias", value=edition.source.filename, name="source-file")
    element(manifestation, "FRBRdate", date=made_on.isoformat(), name="generation")
    element(manifestation, "FRBRauthor", href="#concordance")


def note_identifier(note: Note, article_eid: str) -> str:
    """ "art_25__note_interpretative_3": the article it discusses (if any), its kind and its place in the source."""
    return eids.join(article_eid, f"note_{note.kind}_{note.position}")


def note_out(parent: etree._Element, note: Note, article_eid: str) -> None:
    made = element(parent, "note", eId=note_identifier(note, article_eid), **{"class": note.kind})
    if note.heading:
        made.set("title", note.heading)
    for paragraph in note.text.split("\n"):
        element(made, "p", paragraph)


def division_out(parent: etree._Element, entry: texts.DivisionEntry) -> None:
    division: Division = entry.division
    if not division.eid:
        # Articles outside any division stand directly in the body.
        for article in entry.articles:
            provision_out(parent, article)
        return
    made = element(parent, DIVISIONS.get(division.kind, "division"), eId=division.eid)
    element(made, "num", str(division))
    if division.heading:
        element(made, "heading", division.heading)
    for child in entry.children:
        division_out(made, child)
    for article in entry.articles:
        provision_out(made, article)


def printed_number(provision: Provision) -> str:
    if provision.kind == "article":
        return f"Article {provision.num}"
    return str(provision.marker or provision.num)


def provision_out(parent: etree._Element, provision: Provision) -> None:
    made = element(parent, HIERARCHY[provision.kind], eId=provision.eid)
    if provision.num or provision.marker:
        element(made, "num", printed_number(provision))
    if provision.heading:
        element(made, "heading", provision.heading)
    parts = [child for child in provision.subprovisions if child.kind != "wrapup"]
    closing = [child for child in provision.subprovisions if child.kind == "wrapup"]
    if not parts:
        content = element(made, "content")
        element(content, "p", provision.text)
        return
    if provision.text:
        element(element(made, "intro"), "p", provision.text, eId=eids.join(provision.eid, "intro"))
    for child in parts:
        provision_out(made, child)
    for child in closing:
        element(element(made, "wrapUp", eId=child.eid), "p", child.text)


def stored_words(root: etree._Element) -> dict[str, str]:
    """Reading back: the text of every provision by eId, as stored (intro, content and wrap-up words)."""
    found: dict[str, str] = {}
    ns = {"a": NAMESPACE}
    for node in root.iterfind(".//a:body//*[@eId]", ns):
        tag = etree.QName(node).localname
        if tag in HIERARCHY.values():
            words = node.xpath("./a:content/a:p/text() | ./a:intro/a:p/text()", namespaces=ns)
            found[node.get("eId")] = "".join(words)
        elif tag == "wrapUp":
            found[node.get("eId")] = "".join(node.xpath("./a:p/text()", namespaces=ns))
    return found
