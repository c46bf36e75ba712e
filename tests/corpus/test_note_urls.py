"""Every note has a link that lands on the note itself (search hits use it)."""

import pytest

from concordance.corpus.models import Note

pytestmark = pytest.mark.django_db


def landing(client, note):
    path, _, anchor = note.get_absolute_url().partition("#")
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), anchor


def test_an_interpretative_note_links_to_its_first_article(client):
    # "Articles 23 et 35": shown under both, linked under the first.
    note = Note.objects.get(kind="interpretative", heading__startswith="Articles 23")
    assert note.get_absolute_url() == f"/un/art-23/#art_23-note-interpretative-{note.position}"
    page, anchor = landing(client, note)
    assert f'id="{anchor}"' in page


def test_a_commentary_paragraph_links_to_the_article_it_discusses(client):
    note = Note.objects.filter(kind="commentary", articles__eid="art_16").first()
    page, anchor = landing(client, note)
    assert f'id="{anchor}"' in page
    assert note.text.split()[0] in page[page.index(f'id="{anchor}"') :]


def test_a_resolution_paragraph_links_to_the_un_page(client):
    note = Note.objects.filter(kind="resolution").order_by("position")[1]
    assert note.get_absolute_url() == f"/un/#resolution-{note.position}"
    page, anchor = landing(client, note)
    assert f'id="{anchor}"' in page


def test_a_commentary_paragraph_naming_no_article_links_to_the_budapest_page(client):
    note = Note.objects.filter(kind="commentary", articles=None).order_by("position").first()
    assert note.get_absolute_url() == f"/budapest/#commentary-{note.position}"
    page, anchor = landing(client, note)
    assert f'id="{anchor}"' in page


def test_the_url_costs_no_query_when_articles_are_prefetched(django_assert_num_queries):
    notes = list(Note.objects.select_related("instrument").prefetch_related("articles"))
    with django_assert_num_queries(0):
        urls = [note.get_absolute_url() for note in notes]
    assert len(set(urls)) == len(urls)


def test_the_un_footnote_is_a_note_that_links_to_its_place_on_the_un_page(client):
    note = Note.objects.get(kind="footnote")
    assert (note.instrument.slug, note.heading, note.line) == ("un", "¹", 1329)
    assert note.get_absolute_url() == "/un/#footnote-1329"
    page, anchor = landing(client, note)
    footnote = page[page.index(f'id="{anchor}"') :]
    assert footnote[: footnote.index("</li>")].count("Des notes interprétatives") == 1
