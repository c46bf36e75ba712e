"""Internal references are links in the instrument page, without touching the text."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Edition, Provision
from concordance.crossrefs.linking import page_references
from concordance.crossrefs.models import Reference
from tests.crossrefs.helpers import TEXT_PARAGRAPH, links, plain, section

pytestmark = pytest.mark.django_db


def test_paragraph_of_the_present_article_links_to_that_paragraph(client):
    page = client.get("/un/").content.decode()
    assert links(section(page, "art_25__para_2")) == [("paragraphe 1 du présent article", "/un/art-25/#art_25__para_1")]


def test_two_articles_named_together_get_one_link_each(client):
    page = client.get("/budapest/").content.decode()
    assert links(section(page, "art_16__para_4")) == [
        ("articles 14", "/budapest/art-14/#art_14"),
        ("15", "/budapest/art-15/#art_15"),
    ]


def test_protocol_links_to_the_articles_of_the_convention(client):
    page = client.get("/budapest-p1/").content.decode()
    found = links(section(page, "art_8__para_1"))
    assert found[0] == ("articles 1", "/budapest/art-1/#art_1")
    assert found[-1] == ("46 de la Convention", "/budapest/art-46/#art_46")
    assert {href for _, href in found} == {f"/budapest/art-{n}/#art_{n}" for n in (1, 12, 13, 22, 41, 44, 45, 46)}


def test_links_carry_a_title_with_the_start_of_the_target_text(client):
    page = client.get("/un/").content.decode()
    fragment = section(page, "art_25__para_2")
    assert 'title="Chaque État partie adopte les mesures législatives' in fragment
    assert 'data-preview="/references/preview/un/art_25__para_1/"' in fragment


@pytest.mark.parametrize("url", ["/un/", "/budapest/", "/budapest/?edition=coe-benin-2024", "/budapest-p1/"])
def test_linking_changes_no_character_of_the_text(client, url):
    page = client.get(url).content.decode()
    shown = [plain(fragment) for fragment in TEXT_PARAGRAPH.findall(page)]
    slug = url.split("/")[1]
    edition = "coe-benin-2024" if "edition=" in url or slug == "budapest-p1" else None
    provisions = Provision.objects.filter(edition__instrument__slug=slug).exclude(text="")
    provisions = provisions.filter(edition__slug=edition) if edition else provisions.filter(edition__is_primary=True)
    assert shown == [p.text for p in provisions.order_by("position")]
    assert page.count('class="xref"') > 20


def test_the_other_edition_keeps_its_edition_in_links_to_its_own_articles(client):
    page = client.get("/budapest/?edition=coe-benin-2024").content.decode()
    assert links(section(page, "art_16__para_4"))[0] == (
        "articles 14",
        "/budapest/art-14/?edition=coe-benin-2024#art_14",
    )


def test_commentary_of_the_explanatory_statement_links_to_the_articles(client):
    page = client.get("/budapest/").content.decode()
    article_19 = page[page.index('id="art_19"') : page.index('id="art_20"')]
    note = article_19[article_19.index('id="art_19-note-commentary-16"') :]
    assert ("article 19", "/budapest/art-19/#art_19") in links(note)
    assert ("paragraphe 1", "/budapest/art-19/#art_19__para_1") in links(note)


def test_chapter_named_by_position_links_to_the_division(client):
    page = client.get("/budapest/").content.decode()
    hrefs = {href for _, href in links(page)}
    assert any(href.startswith("/budapest/#chp_") for href in hrefs)


def test_queries_do_not_depend_on_the_references(client):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with_references = {url: count(url) for url in ("/un/", "/budapest/", "/budapest/?edition=coe-benin-2024")}
    assert len(set(with_references.values())) == 1, with_references
    Reference.objects.all().delete()
    assert count("/un/") == with_references["/un/"]


def test_the_references_of_a_whole_page_are_one_query(django_assert_num_queries):
    edition = Edition.objects.get(instrument__slug="un", is_primary=True)
    with django_assert_num_queries(1):
        references = page_references(edition)
    assert len(references) > 100
    assert any(kind == "note" for kind, _ in references)


def test_the_text_tags_render_the_references_they_are_given_without_a_query(django_assert_num_queries):
    from django.template import Context, Template

    edition = Edition.objects.get(instrument__slug="un", is_primary=True)
    references = page_references(edition)
    key = next(key for key in references if key[0] == "provision")
    provision = Provision.objects.get(pk=key[1])
    template = Template("{% load crossrefs %}{% linked_text provision %}")
    with django_assert_num_queries(0):
        linked = template.render(Context({"edition": edition, "references": references, "provision": provision}))
        bare = template.render(Context({"edition": edition, "provision": provision}))
    assert 'class="xref"' in linked and 'class="xref"' not in bare
    assert plain(linked) == plain(bare) == provision.text
    # Nothing is kept on the model instance: the data flows through the context only.
    assert not [name for name in vars(edition) if "reference" in name or "crossrefs" in name]


def test_the_resolution_and_the_footnote_link_to_the_articles_they_cite(client):
    page = client.get("/un/").content.decode()
    start = page.index('id="resolution"')
    resolution = page[start : page.index("</details>", start)]
    found = links(resolution)
    assert ("article 56 de la Convention", "/un/art-56/#art_56") in found
    assert ("article 58 de la Convention", "/un/art-58/#art_58") in found
    assert ("alinéa g) du paragraphe 5 de l'article 57", "/un/art-57/#art_57__para_5__point_g") in found
    assert ("articles 61", "/un/art-61/#art_61") in found and ("62 de la Convention", "/un/art-62/#art_62") in found
    footnotes = page[page.index('<ol class="footnotes">') :]
    assert [href for _, href in links(footnotes)] == [f"/un/art-{n}/#art_{n}" for n in (2, 17, 23, 35)]
    # The words are the source's: only tags were added.
    assert "Des notes interprétatives se rapportant aux articles 2, 17, 23 et 35 de la présente Convention" in plain(
        footnotes
    )


def test_linked_text_links_notes_without_an_article_and_footnotes():
    from django.template import Context, Template

    from concordance.corpus.models import Note

    edition = Edition.objects.get(slug="onu-2024")
    note = Note.objects.get(kind="resolution", text__contains="article 58 de la Convention")
    template = Template("{% load crossrefs %}{% linked_text note %}|{% linked_text footnote %}")
    context = {
        "edition": edition,
        "references": page_references(edition),
        "note": note,
        "footnote": edition.footnotes[0],
    }
    html = template.render(Context(context))
    words = [w for w, _ in links(html)]
    assert "article 58 de la Convention" in words and "35 de la présente Convention" in words
