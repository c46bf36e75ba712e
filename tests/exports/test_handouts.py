import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Instrument
from concordance.exports.handouts import MAX_PAIRS
from concordance.mapping.table import ConcordanceFilters, concordance_rows
from tests.exports.pdf_helpers import (
    is_subsequence,
    needs_weasyprint,
    one_line,
    pdf_words,
    provision_units,
    read_pdf,
    words_of,
)

pytestmark = pytest.mark.django_db

CHAPTER = "/handouts/?from=un&chapter=chp_2"
# Cover, table of correspondences, then the 13 article pairs of the UN offences chapter, each from a new page.
CHAPTER_PAGES = 17


@needs_weasyprint
def test_the_offences_chapter_handout_has_a_cover_a_table_and_every_comparison(client):
    reader = read_pdf(client.get(CHAPTER))
    assert len(reader.pages) == CHAPTER_PAGES
    cover = one_line(reader.pages[0].extract_text())
    assert "Convention des Nations Unies contre la cybercriminalité — Chapitre : Chapitre II — Incrimination" in cover
    assert "13 comparaisons" in cover
    # The date as words ("6 décembre 2026"): the format is not a translated string the {% now %} tag cannot read.
    assert re.search(
        r"Établi le \d{1,2}(er)? [a-zéû]+ \d{4} à partir de http://testserver/handouts/\?from=un&chapter=chp_2", cover
    )
    assert "Texte annexé au projet de loi n° 905" in cover  # the Budapest edition compared
    table = one_line(reader.pages[1].extract_text())
    assert "Table des correspondances" in table
    assert "Convention des Nations Unies contre la cybercriminalité, art. 7" in table
    for number, page in enumerate(reader.pages, start=1):
        assert f"page {number} / {CHAPTER_PAGES}" in page.extract_text()
    words = pdf_words(reader)
    un = Instrument.objects.get(slug="un")
    pairs = [
        (counterpart.own, counterpart.provision)
        for row in concordance_rows(un, ConcordanceFilters(chapter="chp_2"))
        for counterpart in row.article_counterparts
    ]
    assert len(pairs) == 13
    for provision in {side for pair in pairs for side in pair}:
        for text in provision_units(provision.edition.instrument.slug, provision.eid):
            assert is_subsequence(words_of(text), words), (str(provision), text[:60])


@needs_weasyprint
def test_a_handout_of_chosen_pairs_keeps_their_order_and_every_word(client):
    reader = read_pdf(client.get("/handouts/?pairs=un:art_25/budapest:art_16,un:art_7/budapest:art_2"))
    assert len(reader.pages) == 4  # cover, table, one page each
    assert "Comparaisons choisies" in reader.pages[0].extract_text()
    assert "art. 25" in reader.pages[2].extract_text() and "art. 7" in reader.pages[3].extract_text()
    words = pdf_words(reader)
    for slug, eid in (("un", "art_25"), ("budapest", "art_16"), ("un", "art_7"), ("budapest", "art_2")):
        for text in provision_units(slug, eid):
            assert is_subsequence(words_of(text), words), (slug, eid)


def test_the_form_offers_the_concordance_filters_and_pairs(client):
    response = client.get("/handouts/")
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("chapter", "theme", "relation", "pairs"):
        assert f'name="{name}"' in page
    assert "Chapitre II" in page


@pytest.mark.parametrize(
    "query, message",
    [
        ("pairs=un:art_25", "Paire illisible : « un:art_25 »"),
        ("pairs=un:art_25/budapest:article16", "Paire illisible"),
        ("pairs=un:art_25/budapest:art_16&chapter=chp_2", "soit des paires, soit un chapitre"),
        ("relation=equivalent", "Choisissez un chapitre, un thème ou des paires"),
        ("chapter=chp_99", "Filtre invalide — chapter"),
        ("theme=nope", "Filtre invalide — theme"),
        ("pairs=" + ",".join(["un:art_25/budapest:art_16"] * (MAX_PAIRS + 1)), f"au plus {MAX_PAIRS}"),
        ("from=budapest-p1&chapter=chp_1&relation=narrower", "Aucune correspondance"),
    ],
)
def test_a_bad_selection_is_400_with_the_reason_on_the_form(client, query, message):
    response = client.get(f"/handouts/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_unknown_provisions_and_instruments_are_404(client):
    assert client.get("/handouts/?pairs=un:art_99/budapest:art_16").status_code == 404
    assert client.get("/handouts/?from=nowhere&chapter=chp_2").status_code == 404


@needs_weasyprint
def test_a_handouts_queries_do_not_grow_with_its_length(client):
    counts = []
    for query in ("from=un&chapter=chp_2", "from=un&theme=jurisdiction"):
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"/handouts/?{query}").status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1] <= 15


def test_the_concordance_page_offers_the_handout_of_its_chapter_or_theme(client):
    page = client.get("/concordance/?from=un&chapter=chp_2").content.decode()
    assert 'href="/handouts/?from=un&amp;chapter=chp_2">polycopié PDF</a>' in page
    assert "polycopié PDF" not in client.get("/concordance/?from=un").content.decode()


@needs_weasyprint
def test_the_covers_legend_names_each_instrument_as_the_comparison_page_does(client):
    # The offences chapter compares the UN with Budapest and with its Protocol (racist content).
    cover = one_line(read_pdf(client.get(CHAPTER)).pages[0].extract_text())
    for side in (
        "ONU seulement",
        "Budapest seulement",
        "Protocole seulement",
        "quasi-équivalent",
        "quantité divergente",
    ):
        assert side in cover
    for derived in ("colonne de gauche", "colonne de droite", "supprimé", "ajouté"):
        assert derived not in cover
