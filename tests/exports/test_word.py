"""The comparison in Word: the document says what the page says, and its tracked changes accept to the right text."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from concordance.comparison.inputs import CorpusSnapshot, compare_pair
from concordance.corpus.models import Provision
from concordance.exports.redline import DELETED, INSERTED, PLAIN, row_changes, row_texts
from concordance.exports.word import CONTENT_TYPE, DIVERGENCE, TERM
from tests.exports.word_reading import column_words, open_docx, redline_paragraphs, redline_words, words

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_25/budapest/art_16/comparison.docx"
DIVERGING = "/compare/un/art_65__para_1/budapest/art_36__para_3/comparison.docx"


def provision_words(slug: str, eid: str) -> list[str]:
    provision = Provision.objects.get(edition__instrument__slug=slug, edition__is_primary=True, eid=eid)
    subtree = Provision.objects.filter(edition=provision.edition, article_eid=provision.article_eid).subtree(provision)
    return words(" ".join(node.text for node in subtree.order_by("position")))


@pytest.fixture
def document(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    assert 'filename="un-25_budapest-16.docx"' in response["Content-Disposition"]
    return open_docx(response.content)


def test_the_title_names_both_provisions_their_headings_sources_and_date(document):
    opening = "\n".join(p.text for p in document.paragraphs[:8])
    assert document.paragraphs[0].text == (
        "Convention des Nations Unies contre la cybercriminalité, art. 25 ↔ "
        "Convention de Budapest sur la cybercriminalité, art. 16"
    )
    assert "Préservation accélérée de données électroniques stockées" in opening
    assert "Conservation rapide de données informatiques stockées" in opening
    assert "A/RES/79/243" in opening and "projet de loi n° 905" in opening
    assert "Document établi le " in opening and "http://testserver/compare/un/art_25/budapest/art_16/" in opening


def test_the_file_says_what_it_is(document):
    properties = document.core_properties
    assert properties.title.startswith("Convention des Nations Unies contre la cybercriminalité, art. 25 ↔ ")
    assert properties.author == "Concordance" and properties.language == "fr-FR"
    dates = {element.get(qn_w("date")) for element in document.element.body.iter(qn_w("ins"), qn_w("del"))}
    assert len(dates) == 1 and dates.pop().endswith("Z")


def test_each_column_holds_its_provision_word_for_word_and_in_order(document):
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Convention des Nations Unies contre la cybercriminalité",
        "Convention de Budapest sur la cybercriminalité",
    ]
    assert column_words(table, 0) == provision_words("un", "art_25")
    assert column_words(table, 1) == provision_words("budapest", "art_16")


def test_the_table_has_one_row_per_aligned_row(client, document):
    page = client.get("/compare/un/art_25/budapest/art_16/")
    assert len(document.tables[0].rows) == 1 + len(page.context["rows"])


def test_accepting_every_change_gives_the_right_text_and_rejecting_the_left(document):
    assert redline_words(document, accept=True) == provision_words("budapest", "art_16")
    assert redline_words(document, accept=False) == provision_words("un", "art_25")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("un", "art_25__para_2"), ("budapest", "art_16__para_2")),  # paragraphs
        (("un", "art_2"), ("budapest", "art_1")),  # definitions, with rows linked elsewhere (moved)
        (("un", "art_40"), ("budapest", "art_27")),  # the longest pair
        (("budapest", "art_16"), ("un", "art_25")),  # the other way round
        (("budapest-p1", "art_3"), ("un", "art_7")),  # any two provisions, unlinked
    ],
)
def test_every_word_once_and_in_order_whatever_the_pair(client, left, right):
    response = client.get(f"/compare/{left[0]}/{left[1]}/{right[0]}/{right[1]}/comparison.docx")
    document = open_docx(response.content)
    assert column_words(document.tables[0], 0) == provision_words(*left)
    assert column_words(document.tables[0], 1) == provision_words(*right)
    assert redline_words(document, accept=False) == provision_words(*left)
    assert redline_words(document, accept=True) == provision_words(*right)


def test_changes_are_attributed_to_the_instruments(document):
    body = document.element.body
    authors = {element.get(qn_w("author")) for element in body.iter(qn_w("ins"))}
    assert authors == {"Convention de Budapest sur la cybercriminalité"}
    authors = {element.get(qn_w("author")) for element in body.iter(qn_w("del"))}
    assert authors == {"Convention des Nations Unies contre la cybercriminalité"}


def test_terminology_has_its_style_and_the_glossary_explanation_as_a_comment(document):
    term_style = document.styles[TERM].style_id
    styled = [e for e in document.element.body.iter(qn_w("rStyle")) if e.get(qn_w("val")) == term_style]
    assert styled
    comments = [comment.text for comment in document.comments]
    assert any(
        "« État partie » (Convention des Nations Unies contre la cybercriminalité) et « Partie »" in text
        for text in comments
    )


def test_a_quantity_divergence_is_a_comment_stating_both_values(client):
    # UN art. 65 (entry into force: 90th day after the 40th instrument) against Budapest art. 36.
    response = client.get("/compare/un/art_65/budapest/art_36/comparison.docx")
    document = open_docx(response.content)
    page = client.get("/compare/un/art_65/budapest/art_36/")
    divergent = page.context["pair"].comparison.divergent_quantities
    assert divergent, "the example pair must diverge on a quantity"
    comments = [comment.text for comment in document.comments]
    in_rows = [p for row in page.context["pair"].comparison.rows for p in row.divergent_quantities]
    assert len(in_rows) == 3  # 90e jour ≠ 3 mois, 40e instrument ≠ 5 États, 30e jour ≠ 3 mois
    for pair in in_rows:
        assert any(f"Quantité divergente : {pair.badge}" in text for text in comments)


def test_a_divergence_across_rows_is_a_comment_too(client):
    from concordance.mapping.models import Correspondence

    # With the curated sentence pin, UN 67 §1's second sentence faces Budapest 47 §2 in one row,
    # and the redline still gives each text whole from the sentence parts.
    document = open_docx(client.get("/compare/un/art_67/budapest/art_47/comparison.docx").content)
    assert any("Quantité divergente : 1 an ≠ 3 mois" in comment.text for comment in document.comments)
    assert redline_words(document, accept=True) == provision_words("budapest", "art_47")
    assert redline_words(document, accept=False) == provision_words("un", "art_67")
    Correspondence.objects.filter(left__eid="art_67__para_1", right__eid="art_47__para_2").delete()
    # Without it, UN art. 67 (denunciation: one year) against Budapest art. 47 (three months), in different rows.
    document = open_docx(client.get("/compare/un/art_67/budapest/art_47/comparison.docx").content)
    comments = [comment.text for comment in document.comments]
    assert any(
        text.startswith("Quantité divergente d'un paragraphe à l'autre") and "1 an ≠ 3 mois" in text
        for text in comments
    )
    assert redline_words(document, accept=True) == provision_words("budapest", "art_47")
    assert redline_words(document, accept=False) == provision_words("un", "art_67")


def test_changes_only_and_hidden_terminology_are_honoured(client):
    response = client.get(URL + "?changes=1&terms=hide")
    document = open_docx(response.content)
    page = client.get("/compare/un/art_25/budapest/art_16/?changes=1&terms=hide")
    assert len(document.tables[0].rows) == 1 + len(page.context["rows"])
    term_style = document.styles[TERM].style_id
    assert not [e for e in document.element.body.iter(qn_w("rStyle")) if e.get(qn_w("val")) == term_style]
    assert "différences seulement, terminologie non marquée" in "\n".join(p.text for p in document.paragraphs)


def test_hidden_rows_are_said_and_their_words_left_out(client):
    response = client.get("/compare/un/art_25/budapest/art_16/comparison.docx?changes=1")
    page = client.get("/compare/un/art_25/budapest/art_16/?changes=1")
    document = open_docx(response.content)
    collapsed = [row for row in page.context["rows"] if hasattr(row, "count")]
    texts = [p.text for p in document.paragraphs]
    for row in collapsed:
        assert any(text.startswith(f"{row.count} paragraphe") for text in texts)
    shown = [row for row in page.context["rows"] if not hasattr(row, "count")]
    assert len(redline_paragraphs(document)) == len(shown)


def test_the_comparison_page_links_to_its_word_document_with_its_options(client):
    page = client.get("/compare/un/art_25/budapest/art_16/?changes=1&terms=hide").content.decode()
    assert 'href="/compare/un/art_25/budapest/art_16/comparison.docx?changes=1&amp;terms=hide"' in page


def test_bad_options_answer_400_with_a_message(client):
    response = client.get(URL + "?terms=perhaps")
    assert response.status_code == 400
    assert "terms" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/compare/un/art_99/budapest/art_16/comparison.docx",
        "/compare/un/art_25/nowhere/art_16/comparison.docx",
        "/compare/un/art_25__para_9/budapest/art_16/comparison.docx",
    ],
)
def test_unknown_provisions_answer_404(client, url):
    assert client.get(url).status_code == 404


def test_every_curated_pair_redlines_word_for_word_without_falling_back():
    """Plain + deleted is the left text and plain + inserted the right, for every row of every curated pair;
    and the fine redline (pieces laid over the texts) is used, not the whole-row fallback."""
    snapshot = CorpusSnapshot()
    for _, inputs in snapshot.curated_pairs():
        for row in compare_pair(inputs).rows:
            left, right = row_texts(row)
            changes = row_changes(row)
            rejected = "".join(c.text for c in changes if c.category in (PLAIN, DELETED))
            accepted = "".join(c.text for c in changes if c.category in (PLAIN, INSERTED))
            assert rejected == left.replace("\n", " ") and accepted == right.replace("\n", " ")
            if left and right and row.inline_pieces:
                whole = [c for c in changes if c.category != PLAIN]
                assert not (len(whole) == 2 and whole[0].text == left and whole[1].text == right and left != right)


def qn_w(tag: str) -> str:
    return qn(f"w:{tag}")


def test_each_sides_own_text_is_a_tinted_passage_named_as_in_the_pages_legend(document):
    legend = next(p for p in document.paragraphs if p.text.startswith("Légende du tableau"))
    assert legend.text == "Légende du tableau : ONU seulement ; Budapest seulement."
    for name, fill in (("ONU seulement", "FDE2E1"), ("Budapest seulement", "DFF3E4")):
        style = document.styles[name]
        # Tinted as on the page, never struck through: neither text was derived from the other.
        assert not style.font.strike
        assert style.element.rPr.find(qn_w("shd")).get(qn_w("fill")) == fill
        used = [e for e in document.tables[0]._tbl.iter(qn_w("rStyle")) if e.get(qn_w("val")) == style.style_id]
        assert used, name


def test_a_pair_within_one_instrument_keeps_a_style_for_each_side(client):
    """Both sides are "ONU seulement" in the legend; Word's styles are named apart, each its own look."""
    document = open_docx(client.get("/compare/un/art_25/un/art_26/comparison.docx").content)
    legend = next(p for p in document.paragraphs if p.text.startswith("Légende du tableau"))
    assert legend.text == "Légende du tableau : ONU seulement, à gauche ; ONU seulement, à droite."
    left, right = document.styles["ONU seulement, à gauche"], document.styles["ONU seulement, à droite"]
    assert not left.font.underline and right.font.underline
    fills = [style.element.rPr.find(qn_w("shd")).get(qn_w("fill")) for style in (left, right)]
    assert fills == ["FDE2E1", "DFF3E4"]


def test_diverging_quantities_are_explained_in_the_documents_language(client):
    """UN 65 §1 and Budapest 36 §3 count ratifications differently: each badge in the language of the page."""

    def badges(address: str) -> list[str]:
        document = open_docx(client.get(address).content)
        cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
        return [p.text for cell in cells for p in cell.paragraphs if p.style.name == DIVERGENCE]

    french, english = badges(DIVERGING), badges("/en" + DIVERGING)
    assert french and len(english) == len(french)
    assert french != english, "the English document's badges are the French ones"
    assert any("months" in badge for badge in english) and not any("mois" in badge for badge in english)
