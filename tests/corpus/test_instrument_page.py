import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_instrument_page_shows_table_of_contents_then_the_full_text(client):
    page = client.get("/un/").content.decode()
    toc, body = page.split('<div class="body">')
    assert 'href="#chp_1"' in toc and 'href="#art_68"' in toc
    assert 'id="art_25__para_2"' in body
    assert "Sont convenus de ce qui suit" in body  # end of the preamble
    assert body.index('id="art_24"') < body.index('id="art_25"') < body.index('id="art_26"')


def test_instrument_page_attaches_interpretative_notes_to_their_articles(client):
    page = client.get("/un/").content.decode()
    article_17 = page[page.index('id="art_17"') : page.index('id="art_18"')]
    assert "Note interprétative" in article_17


def test_budapest_page_attaches_commentary_of_the_explanatory_statement(client):
    page = client.get("/budapest/").content.decode()
    article_16 = page[page.index('id="art_16"') : page.index('id="art_17"')]
    assert "Exposé des motifs" in article_16


def test_other_edition_is_served_when_asked_for(client):
    primary = client.get("/budapest/").content.decode()
    other = client.get("/budapest/?edition=coe-benin-2024").content.decode()
    assert '<strong aria-current="page">Texte du Conseil de l' in other
    assert '<strong aria-current="page">Texte annexé au projet de loi' in primary


@pytest.mark.parametrize("url", ["/nope/", "/budapest/?edition=nope", "/un/?edition=coe-benin-2024"])
def test_unknown_instrument_or_edition_is_404(client, url):
    assert client.get(url).status_code == 404


def test_queries_do_not_grow_with_the_number_of_articles(client):
    counts = {}
    for slug in ("un", "budapest", "budapest-p1"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{slug}/").status_code == 200
        counts[slug] = len(queries)
    # 68 articles and 48 cost the same; the Protocol saves one query
    # because it has no notes to attach.
    # instrument + editions, provisions, divisions, notes + their articles,
    # cross-references of the whole page.
    assert counts["un"] == counts["budapest"] <= 7, counts
    assert counts["budapest-p1"] <= counts["un"], counts


def test_closing_words_after_the_last_article_are_shown(client):
    page = client.get("/budapest/").content.decode()
    assert "En foi de quoi" in page.split('id="art_48"')[1]


def test_un_page_gives_the_resolution_that_adopted_the_convention(client):
    page = client.get("/un/").content.decode()
    resolution = page[page.index('id="resolution"') : page.index('id="preambule"')]
    assert "Adopte" in resolution and "Hanoï" in resolution
    assert 'id="resolution"' not in client.get("/budapest/").content.decode()


def test_budapest_page_shows_the_explanatory_statement_paragraphs_that_name_no_article(client):
    from concordance.corpus.models import Note

    general = Note.objects.filter(kind="commentary", articles=None).order_by("position")
    assert general.count() == 7
    page = client.get("/budapest/").content.decode()
    section = page[page.index('id="commentary"') : page.index('id="preambule"')]
    assert "observations générales" in section
    for note in general:
        assert f'id="commentary-{note.position}"' in section
        assert note.text[-40:] in section.replace("&#x27;", "'")
    assert 'href="#commentary"' in page.split('<div class="body">')[0]


def test_un_page_gives_the_whole_resolution_with_an_anchor_per_paragraph(client):
    from concordance.corpus.models import Note

    page = client.get("/un/").content.decode().replace("&#x27;", "'")
    resolution = page[page.index('id="resolution"') : page.index('id="preambule"')]
    assert "79/243. Convention des Nations Unies contre la cybercriminalité ;<br>Renforcement" in resolution
    assert "Résolution adoptée par l'Assemblée générale le 24 décembre 2024" in resolution
    assert "55e séance plénière (reprise)<br>24 décembre 2024" in resolution
    notes = Note.objects.filter(kind="resolution").order_by("position")
    anchors = [f'id="resolution-{note.position}"' for note in notes]
    assert all(anchor in resolution for anchor in anchors)
    assert [resolution.index(anchor) for anchor in anchors] == sorted(resolution.index(a) for a in anchors)


def test_the_footnote_call_of_the_un_closing_clause_links_to_the_footnote_and_back(client):
    page = client.get("/un/").content.decode()
    closing = page[page.index('id="clauses-finales"') :]
    call = '<sup class="footnote-call"><a href="#footnote-1329" id="footnote-call-1329" aria-label="Note ¹">¹</a></sup>'
    assert f"ont signé la présente Convention{call}." in closing
    footnote = closing[closing.index('<li id="footnote-1329">') :]
    footnote = footnote[: footnote.index("</li>")]
    assert "Des notes interprétatives se rapportant aux articles 2, 17, 23 et 35" in re.sub(r"<[^>]+>", "", footnote)
    # The articles the footnote names are links to them.
    assert 'href="/un/art-17/#art_17"' in footnote
    assert 'href="#footnote-call-1329"' in footnote
