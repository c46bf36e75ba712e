"""The article page: linked text, and what cites the article ("Cité par")."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Edition, Provision
from concordance.crossrefs.citing import cited_by as cited_by_article
from concordance.crossrefs.models import Reference
from tests.crossrefs.helpers import links, section

pytestmark = pytest.mark.django_db


def cited_by(page: str) -> str:
    return page[page.index('id="cited-by-heading"') : page.index("</section>", page.index('id="cited-by-heading"'))]


def citing_articles(page: str) -> list[str]:
    return re.findall(r'<li class="cited-by-[a-z]+">\s*<a href="([^"]+)"', cited_by(page))


def test_article_page_links_its_references(client):
    page = client.get("/un/art-25/").content.decode()
    assert links(section(page, "art_25__para_2")) == [("paragraphe 1 du présent article", "/un/art-25/#art_25__para_1")]


def test_protocol_article_links_to_the_convention(client):
    page = client.get("/budapest-p1/art-8/").content.decode()
    hrefs = [href for _, href in links(page)]
    assert "/budapest/art-14/#art_14" in hrefs and "/budapest/art-35/#art_35" in hrefs


def test_article_is_cited_by_the_articles_that_name_it(client):
    page = client.get("/budapest/art-14/").content.decode()
    articles = citing_articles(page)
    assert articles[:6] == [f"/budapest/art-{n}/" for n in range(16, 22)]
    assert "/budapest-p1/art-8/" in articles  # another instrument
    assert "/budapest/art-14/#art_14-note-commentary-14" in articles  # the explanatory statement
    assert "« articles 14 et 15 »" in cited_by(page)
    assert '<a href="/budapest/art-16/#art_16__para_4">art. 16, par. 4</a>' in cited_by(page)


def test_groups_come_in_order_same_instrument_then_others_then_notes(client):
    kinds = re.findall(r'<li class="cited-by-([a-z]+)">', cited_by(client.get("/budapest/art-14/").content.decode()))
    assert kinds == sorted(kinds, key=["article", "instrument", "note"].index)
    assert set(kinds) == {"article", "instrument", "note"}


def test_an_article_citing_itself_is_not_listed(client):
    assert "/un/art-25/" not in citing_articles(client.get("/un/art-25/").content.decode())


def test_the_part_cited_is_named(client):
    page = client.get("/budapest/art-14/").content.decode()
    assert "(→ par. 3)" in cited_by(page)  # art. 42: "à l'article 14, paragraphe 3"


def test_other_edition_lists_its_own_citations_with_its_edition(client):
    page = client.get("/budapest/art-14/?edition=coe-benin-2024").content.decode()
    assert "/budapest/art-16/?edition=coe-benin-2024" in citing_articles(page)
    assert "/budapest-p1/art-8/" in citing_articles(page)


def test_uncited_article_says_so(client):
    page = client.get("/budapest/art-48/").content.decode()
    assert "Aucun autre texte ne cite cet article." in page


def test_the_preview_script_is_included_once(client):
    page = client.get("/budapest/art-14/").content.decode()
    assert page.count('src="/static/js/crossrefs.js"') == 1
    assert client.get("/budapest/").content.decode().count('src="/static/js/crossrefs.js"') == 1


def test_queries_do_not_depend_on_the_references(client):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    cited, uncited = count("/budapest/art-14/"), count("/budapest/art-48/")
    Reference.objects.all().delete()
    assert count("/budapest/art-14/") == cited
    assert count("/budapest/art-48/") == uncited


def test_what_cites_an_article_is_one_query(django_assert_num_queries):
    edition = Edition.objects.get(instrument__slug="budapest", is_primary=True)
    article = Provision.objects.get(edition=edition, eid="art_14")
    with django_assert_num_queries(1):
        groups = cited_by_article(edition, article)
    assert len(groups) >= 9


def test_an_article_the_resolution_cites_lists_it(client):
    page = client.get("/un/art-57/").content.decode()
    cited = page[page.index('class="cited-by"') :]
    assert "Aucun autre texte ne cite cet article" not in cited
    assert re.search(r'<a href="/un/#resolution-\d+">Convention des Nations Unies[^<]*: Résolution', cited) or (
        "Résolution" in cited and 'href="/un/#resolution-' in cited
    )
    assert "« alinéa g) du paragraphe 5 de l&#x27;article 57 »" in cited


def test_an_article_the_footnote_cites_lists_it(client):
    cited = client.get("/un/art-17/").content.decode()
    cited = cited[cited.index('class="cited-by"') :]
    assert "Note de bas de page ¹" in cited
    assert "« articles 2, 17, 23 et 35 de la présente Convention »" in cited
