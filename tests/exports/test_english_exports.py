"""Exports asked for under /en/ have an English interface and the French treaty text unchanged (issue 18 §1)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from tests.exports.pdf_helpers import is_subsequence, needs_weasyprint, one_line, pdf_words, provision_units, read_pdf
from tests.exports.word_reading import NOTE, column_words, open_docx, paragraph_words
from tests.i18n.english_text import french_words

pytestmark = pytest.mark.django_db

DOCX = "/compare/un/art_25/budapest/art_16/comparison.docx"
PDF = "/compare/un/art_25/budapest/art_16/comparison.pdf"
HANDOUT = "/handouts/?pairs=un:art_25/budapest:art_16,un:art_7/budapest:art_2"


def document_of(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    return open_docx(response.content)


def redline_words(document, *, accept: bool) -> list[str]:
    """The redline's words whatever the language of its heading: the paragraphs after the second heading."""
    paragraphs = document.paragraphs
    headings = [k for k, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    return [
        word
        for p in paragraphs[headings[1] + 1 :]
        if p.style.name == "Normal"
        for word in paragraph_words(p, accept=accept)
    ]


def test_the_word_document_under_en_has_an_english_interface(client):
    document = document_of(client, "/en" + DOCX)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "UN Convention against Cybercrime, art. 25 ↔ Budapest Convention, art. 16"
    assert document.core_properties.title == paragraphs[0]
    assert paragraphs[1].startswith("United Nations Convention against Cybercrime")
    assert any(p.startswith("Document made on ") and "/en/compare/un/art_25/budapest/art_16/" in p for p in paragraphs)
    assert "Key to the table: UN only; Budapest only." in paragraphs
    assert "Aligned comparison" in paragraphs
    assert (
        "Tracked changes: from the UN Convention against Cybercrime text to the Budapest Convention text" in paragraphs
    )
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["UN Convention against Cybercrime", "Budapest Convention"]
    labels = [run.text for row in document.tables[0].rows[1:] for run in row.cells[0].paragraphs[0].runs[:1]]
    assert "para. 1" in labels and "par. 1" not in labels
    # The interface lines (notes, headings, the table's header) hold no French; the source's
    # own title (in brackets) and the curated note (after the relation and a dash) are French.
    interface = [p.text for p in document.paragraphs if p.style.name in ("Title", "Heading 1")]
    interface += [p.text.split(" (")[0].split(" — ")[0] for p in document.paragraphs if p.style.name == NOTE]
    assert french_words(" ".join(interface + header)) == []


def test_the_word_document_under_en_has_the_french_document_s_treaty_words(client):
    french, english = document_of(client, DOCX), document_of(client, "/en" + DOCX)
    for column in (0, 1):
        assert column_words(english.tables[0], column) == column_words(french.tables[0], column)
    for accept in (True, False):
        assert redline_words(english, accept=accept) == redline_words(french, accept=accept)
    assert len(redline_words(english, accept=True)) > 100


def test_the_word_document_s_comments_are_explained_in_english(client):
    response = client.get("/en" + DOCX)
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        xml = archive.read("word/comments.xml").decode()
    assert "Terminology: « État partie » (UN Convention against Cybercrime)" in xml
    assert "Terminologie :" not in xml and "désignent" not in xml


def test_the_concordance_sheets_under_en_cite_in_english_and_keep_the_french_words(client):
    query = "?from=un&chapter=chp_4&text=1"
    french = list(csv.DictReader(io.StringIO(client.get("/concordance.csv" + query).content.decode("utf-8-sig"))))
    english = list(csv.DictReader(io.StringIO(client.get("/en/concordance.csv" + query).content.decode("utf-8-sig"))))
    assert len(english) == len(french) > 10
    assert any("par. " in row["right_citation"] for row in french)
    assert not any("par. " in row["right_citation"] for row in english)
    assert any("para. " in row["right_citation"] for row in english)
    for name in ("left_text", "right_text", "left_heading", "right_heading", "note", "reason", "relation"):
        assert [row[name] for row in english] == [row[name] for row in french], name
    workbook = load_workbook(io.BytesIO(client.get("/en/concordance.xlsx" + query).content))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    assert [cell or "" for cell in rows[1]] == [english[0][name] for name in rows[0]]


def test_a_refused_sheet_under_en_says_why_in_english(client):
    response = client.get("/en/concordance.csv?text=maybe")
    assert response.status_code == 400
    assert response.content.decode().startswith("Invalid filter — text: “maybe”")
    assert client.get("/concordance.csv?text=maybe").content.decode().startswith("Filtre invalide — text : « maybe »")


@needs_weasyprint
def test_the_comparison_pdf_under_en_is_english_with_the_french_text(client):
    french, english = read_pdf(client.get(PDF)), read_pdf(client.get("/en" + PDF))
    first = one_line(english.pages[0].extract_text())
    assert "UN Convention against Cybercrime, art. 25" in first and "UN only" in first
    assert "Convention des Nations Unies" not in first
    words = pdf_words(english)
    for slug, eid in (("un", "art_25"), ("budapest", "art_16")):
        for text in provision_units(slug, eid):
            assert is_subsequence(text.split(), words), text[:60]
    assert french.pages[0].extract_text() != english.pages[0].extract_text()


@needs_weasyprint
def test_the_handout_under_en_has_an_english_cover_and_table(client):
    reader = read_pdf(client.get("/en" + HANDOUT))
    cover = one_line(reader.pages[0].extract_text())
    assert "Selected comparisons" in cover and "2 comparisons" in cover
    assert "Sharing of Evidence in Electronic Form of Serious Crimes (adopted at New York (resolution 79/243)" in cover
    # The issuer and the date in English; the source's own title stays as the source prints it.
    assert "United Nations General Assembly, 31 December 2024" in cover and "(résolution 79/243)" not in cover
    assert "Convention on Cybercrime (adopted at Budapest on 23 November 2001) — French text: Text annexed to" in cover
    assert re.search(r"Produced on \d{1,2} [A-Z][a-z]+ \d{4} from http://testserver/en/handouts/\?pairs=", cover)
    assert "UN only Budapest only" in cover
    table = one_line(reader.pages[1].extract_text())
    assert "Table of correspondences No. Provision Relation Counterpart page" in table
    assert "UN Convention against Cybercrime, art. 25" in table
    words = pdf_words(reader)
    for slug, eid in (("un", "art_25"), ("budapest", "art_16"), ("un", "art_7"), ("budapest", "art_2")):
        for text in provision_units(slug, eid):
            assert is_subsequence(text.split(), words), text[:60]


def test_the_response_cache_keeps_the_two_languages_apart(client, settings):
    settings.RESPONSE_CACHE = True
    french = client.get("/concordance.csv?from=un&chapter=chp_4").content
    english = client.get("/en/concordance.csv?from=un&chapter=chp_4").content
    assert french != english
    assert client.get("/concordance.csv?from=un&chapter=chp_4").content == french
    docx_fr, docx_en = client.get(DOCX).content, client.get("/en" + DOCX).content
    assert open_docx(docx_fr).paragraphs[0].text.startswith("Convention des Nations Unies")
    assert open_docx(docx_en).paragraphs[0].text.startswith("UN Convention against Cybercrime")
    # Asked again, each from the cache, neither in the other's language.
    assert open_docx(client.get(DOCX).content).paragraphs[0].text.startswith("Convention des Nations Unies")
    assert open_docx(client.get("/en" + DOCX).content).paragraphs[0].text.startswith("UN Convention")


@needs_weasyprint
def test_a_cached_pdf_is_never_served_in_the_other_language(client, settings):
    settings.RESPONSE_CACHE = True
    for _ in range(2):  # the second round is served from the caches
        french = one_line(read_pdf(client.get(PDF)).pages[0].extract_text())
        english = one_line(read_pdf(client.get("/en" + PDF)).pages[0].extract_text())
        assert "Convention des Nations Unies contre la cybercriminalité, art. 25" in french
        assert "ONU seulement" in french
        assert "UN Convention against Cybercrime, art. 25" in english and "UN only" in english
        assert "ONU seulement" not in english
