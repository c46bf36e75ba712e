"""The search page: French full-text search, ranking and the glossary, excerpts, notes, typos,
filters, htmx and its query counts (odd queries: test_search_odd_queries.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Provision
from concordance.search.query import clean_query
from concordance.search.results import marked
from concordance.search.sql import RESULTS_PER_PAGE
from tests.search.pages import every_hit, every_result, group, hits, page, results

pytestmark = pytest.mark.django_db


# -- language ------------------------------------------------------------


def test_accents_and_endings_do_not_matter(client):
    unaccented = every_hit(client, q="preserver", exact="1")
    # "Préservation" (title), "préservées" and "Préserver" all answer "preserver".
    assert "/un/art-25/#art_25" in unaccented
    assert "/un/art-44/#art_44__para_1" in unaccented
    assert "/un/art-28/#art_28__para_3__point_c" in unaccented
    feminine_plural = every_hit(client, q="préservées", exact="1")
    assert "/un/art-25/#art_25" in feminine_plural
    assert "/un/art-44/#art_44__para_1" in feminine_plural


def test_quoted_words_are_a_phrase(client):
    loose = hits(page(client, q="préservation rapide", exact="1"))
    phrase = hits(page(client, q='"préservation rapide"', exact="1"))
    # UN 42.4 says "procéder rapidement à la préservation": both words, not the phrase.
    assert "/un/art-42/#art_42__para_4" in loose
    assert "/un/art-42/#art_42__para_4" not in phrase
    assert "/un/art-26/#art_26__point_a" in phrase


def test_minus_excludes_a_word(client):
    with_traffic = hits(page(client, q="préservation", exact="1"))
    without_traffic = hits(page(client, q="préservation -trafic", exact="1"))
    assert "/un/art-26/#art_26" in with_traffic
    assert "/un/art-26/#art_26" not in without_traffic
    assert "/un/art-25/#art_25" in without_traffic


def test_or_finds_either_word(client):
    either = page(client, q="intimes or racistes", exact="1")
    assert "/un/art-16/#art_16" in hits(either)
    assert "/budapest-p1/art-5/#art_5" in hits(either)
    assert "Aucun résultat" in page(client, q="intimes racistes", exact="1")


# -- ranking and the glossary -------------------------------------------


FOUR = {"/un/art-25/#art_25", "/un/art-42/#art_42", "/budapest/art-16/#art_16", "/budapest/art-29/#art_29"}


def page_links(html: str) -> list[str]:
    """Every result link of the results, best block included, in page order."""
    return re.findall(r'<a href="(/(?:un|budapest|budapest-p1)/[^"]*)"', results(html))


@pytest.mark.parametrize("typed", ["préservation rapide", "preservation rapide", "Préservations rapides"])
def test_the_four_articles_come_first_on_the_page_whatever_the_accents_and_number(client, typed):
    html = page(client, q=typed)
    assert "Meilleurs résultats" in html
    links = page_links(html)
    assert set(links[:4]) == FOUR
    # The best block shows nothing else; the groups follow.
    best = html[html.index('class="search-best"') : html.index('class="search-group"')]
    assert set(re.findall(r'href="([^"]+)"', best)) == FOUR
    assert "« conservation rapide »" in html


def test_a_query_found_in_one_instrument_has_no_best_block(client):
    assert "Meilleurs résultats" not in page(client, q="préservation rapide", instrument="budapest")


def test_preservation_rapide_finds_the_four_articles_ahead_of_everything(client):
    html = page(client, q="préservation rapide")
    assert re.findall(r'class="search-group" id="results-([\w-]+)"', html) == ["un", "budapest"]
    assert hits(group(html, "un"))[:2] == ["/un/art-25/#art_25", "/un/art-42/#art_42"]
    assert hits(group(html, "budapest"))[:2] == ["/budapest/art-16/#art_16", "/budapest/art-29/#art_29"]
    # Ahead of everything else in the ranking too, not only inside each group.
    from concordance.glossary import curated_glossary
    from concordance.search.query import SearchFilters
    from concordance.search.searching import search

    outcome = search(clean_query("préservation rapide"), SearchFilters(), curated_glossary())
    ranked = sorted(outcome.results, key=lambda result: -result.rank)
    assert {result.url for result in ranked[:4]} == {
        "/un/art-25/#art_25",
        "/un/art-42/#art_42",
        "/budapest/art-16/#art_16",
        "/budapest/art-29/#art_29",
    }
    assert min(result.rank for result in ranked[:4]) > max(result.rank for result in ranked[4:])


def test_a_title_outranks_a_mention_in_the_text(client):
    perquisition = hits(page(client, q="perquisition"))
    assert perquisition.index("/un/art-28/#art_28") < perquisition.index("/un/art-40/#art_40__para_3__point_c")
    confiscation = hits(page(client, q="confiscation"))
    assert confiscation[0] == "/un/art-50/#art_50"


def test_the_page_names_the_equivalents_it_used_and_links_to_the_exact_search(client):
    html = results(page(client, q="préservation rapide"))
    assert "Équivalents du glossaire inclus" in html
    assert "« préservation rapide » → « conservation rapide », « préservation accélérée »" in html
    assert 'href="/search/?q=pr%C3%A9servation+rapide&amp;exact=1"' in html


def test_without_equivalents_the_budapest_wording_is_not_found(client):
    html = page(client, q="préservation rapide", exact="1")
    assert "/budapest/art-16/#art_16" not in hits(html)
    assert 'id="results-budapest"' not in html
    assert "Recherche sans les équivalents du glossaire" in html
    assert 'href="/search/?q=pr%C3%A9servation+rapide">Inclure les équivalents' in html


def test_an_excluded_term_is_not_expanded(client):
    included = page(client, q="données préservation")
    assert "« préservation » → « conservation »" in included
    excluded = page(client, q="données -préservation")
    assert "Équivalents du glossaire inclus" not in excluded
    assert "/un/art-42/#art_42__para_1" not in every_hit(client, q="données -préservation")
    assert "/un/art-42/#art_42__para_1" in every_hit(client, q="données")


# -- excerpts ---------------------------------------------------------------


def test_excerpts_mark_the_words_found_and_show_where_text_is_left_out(client):
    html = group(page(client, q="préservation rapide", exact="1"), "un")
    assert "<mark>préservation</mark> <mark>rapide</mark>" in html
    # UN 25.1 starts "Chaque État partie…": the excerpt starts later, so it says so.
    paragraph = html[html.index("#art_25__para_1") :]
    assert re.search(r'<p class="excerpt"[^>]*>… ', paragraph)


def set_text(eid: str, text: str) -> None:
    Provision.objects.filter(edition__is_primary=True, edition__instrument__slug="un", eid=eid).update(text=text)


def test_treaty_text_in_an_excerpt_is_escaped(client):
    set_text("art_16__para_1", "Accès 24/7 & « préservation » : 3 < 5 dans tous les cas.")
    html = results(page(client, q="préservation", exact="1"))
    assert "Accès 24/7 &amp; « <mark>préservation</mark> » : 3 &lt; 5 dans tous les cas." in html
    set_text("art_16__para_1", "<script>alert(1)</script> & « préservation » <b>intime</b>")
    html = results(page(client, q="préservation", exact="1"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; « <mark>préservation</mark> » &lt;b&gt;intime&lt;/b&gt;" in html


def test_a_long_text_the_excerpt_would_alter_is_shown_as_written(client):
    # In fragments, ts_headline drops what looks like markup: rather than
    # show altered treaty text, the page shows the opening words unmarked.
    set_text("art_16__para_1", "Début " + "du texte " * 60 + "<b>préservation</b> finale.")
    html = every_result(client, q="préservation", exact="1")
    entry = html[html.index("#art_16__para_1") :]
    assert re.search(r'<p class="excerpt"[^>]*>Début du texte du texte [^<]* …</p>', entry)
    assert "<b>" not in html


def test_only_the_search_markers_become_html():
    assert marked("a <mark>b</mark> \ue000c\ue001") == "a &lt;mark&gt;b&lt;/mark&gt; <mark>c</mark>"


def test_the_database_keeps_the_index_up_to_date(client):
    # The vector is a generated column: a changed text is searchable at once.
    assert "Aucun résultat" in page(client, q="zanzibarite")
    set_text("art_16__para_1", "La zanzibarite.")
    assert "/un/art-16/#art_16__para_1" in hits(page(client, q="zanzibarite"))


# -- notes -----------------------------------------------------------------


def test_notes_and_commentary_are_searched(client):
    html = page(client, q="enquête")
    assert "Note interprétative, art. 23 (et 1 autre)" in html
    # The link leads to the note itself, not to the top of the article.
    assert 'href="/un/art-23/#art_23-note-interpretative-' in html
    assert "Articles 23 et 35, concernant le terme « <mark>enquête</mark> »" in html
    commentary = page(client, q="perquisition", kind="commentary")
    assert ">Exposé des motifs, art. 19</a>" in commentary
    assert re.search(r'href="/budapest/art-19/#art_19-note-commentary-\d+"', commentary)


def test_resolution_paragraphs_link_to_the_resolution_on_the_instrument_page(client):
    html = page(client, q="sensibiliser", kind="notes")
    # The operative paragraph as numbered in the resolution, not a row index.
    assert re.search(r'<a href="/un/#resolution-\d+">Résolution, par. 12</a>', html)
    assert "Décide que, pour <mark>sensibiliser</mark>" in html
    assert "search-hit-label" not in html


def test_general_commentary_links_to_the_budapest_page(client):
    html = page(client, q="Mesdames", kind="commentary")
    assert re.search(r'<a href="/budapest/#commentary-\d+">Exposé des motifs</a>', html)


# -- typos -----------------------------------------------------------------


def test_a_typo_falls_back_to_the_closest_spelling_and_says_so(client):
    html = results(page(client, q="présevation"))
    assert "Aucun résultat pour « présevation »" in html
    assert "Résultats pour « <strong>préservation</strong> »" in html
    assert "recherche approchée" in html
    assert "/un/art-25/#art_25" in hits(html)


def test_a_misspelt_word_missing_a_letter_is_found(client):
    html = results(page(client, q="cybercrimnalité"))
    assert "<strong>cybercriminalité</strong>" in html
    assert "<mark>cybercriminalité</mark>" in html


def test_gibberish_says_nothing_was_found(client):
    html = results(page(client, q="zzqxwv"))
    assert "Aucun résultat pour « zzqxwv », même en orthographe approchante." in html
    assert hits(html) == []


# -- filters ---------------------------------------------------------------


def test_instrument_filter(client):
    html = page(client, q="préservation rapide", instrument="budapest")
    assert re.findall(r'class="search-group" id="results-([\w-]+)"', html) == ["budapest"]


def test_theme_filter(client):
    html = hits(page(client, q="préservation rapide", theme="procedural-powers"))
    assert "/un/art-25/#art_25" in html and "/budapest/art-16/#art_16" in html
    assert "/un/art-42/#art_42" not in html and "/budapest/art-29/#art_29" not in html


def test_kind_filter(client):
    text_only = page(client, q="perquisition", kind="text")
    assert "search-hit-commentary" not in text_only and "search-hit-text" in text_only
    commentary = page(client, q="perquisition", kind="commentary")
    assert "search-hit-text" not in commentary and "search-hit-commentary" in commentary
    notes = page(client, q="enquête", kind="notes")
    assert "search-hit-notes" in notes and "search-hit-text" not in notes


def test_other_editions_are_searched_on_request_and_linked_with_their_edition(client):
    primary = hits(page(client, q="conservation rapide", instrument="budapest"))
    assert not any("edition=" in link for link in primary)
    every = hits(page(client, q="conservation rapide", instrument="budapest", all_editions="on"))
    assert "/budapest/art-16/#art_16" in every
    assert "/budapest/art-16/?edition=coe-benin-2024#art_16" in every


def test_an_unknown_filter_value_is_reported_and_ignored(client):
    # Answered as every filtered page answers a refused filter (concordance.filtering).
    response = client.get("/search/", {"q": "préservation rapide", "instrument": "nope", "kind": "everything"})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="error"') == 2
    assert "/budapest/art-16/#art_16" in hits(html)


# -- htmx and queries --------------------------------------------------------


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/search/", {"q": "préservation"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert "/un/art-25/#art_25" in hits(html)


def test_history_restore_request_gets_the_whole_page(client):
    response = client.get(
        "/search/",
        {"q": "préservation"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_the_page_works_without_javascript_and_searches_as_you_type(client):
    html = page(client, q="préservation")
    assert '<form class="search-form" method="get" action="/search/"' in html
    assert '<button type="submit">Rechercher</button>' in html
    assert 'hx-trigger="input changed delay:300ms, search"' in html
    assert 'hx-push-url="true"' in html and 'hx-target="#results"' in html


def test_a_query_with_many_results_is_shown_a_page_at_a_time(client):
    html = page(client, q="données")
    total = int(re.search(r"Résultats 1 à 25 sur (\d+), les mieux classés d'abord", html).group(1))
    assert total > 2 * RESULTS_PER_PAGE
    assert len(hits(html)) == RESULTS_PER_PAGE
    assert '<a href="?q=donn%C3%A9es&amp;page=2" rel="next"' in html


def count_queries(client, **params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        html = page(client, **params)
    return len(queries), len(hits(html))


def test_queries_do_not_grow_with_the_number_of_results(client):
    few_queries, few = count_queries(client, q="génocide")
    many_queries, many = count_queries(client, q="données")
    assert few == 2 and many == RESULTS_PER_PAGE
    assert few_queries == many_queries


def test_fallback_queries_do_not_grow_with_the_number_of_results(client):
    few_queries, few = count_queries(client, q="génocyde")
    many_queries, many = count_queries(client, q="présevation")
    assert few < many
    assert few_queries == many_queries


def test_references_in_excerpts_are_links_around_the_marks(client):
    html = every_result(client, q="paragraphe 1 du présent article", exact="1", instrument="un")
    link = re.search(
        r'<a class="xref" href="/un/art-25/#art_25__para_1"[^>]*>(.*?)</a>', html[html.index("#art_25__para_2") :]
    )
    assert link, "UN 25.2 cites its paragraph 1"
    assert link.group(1) == "<mark>paragraphe</mark> <mark>1</mark> du <mark>présent</mark> <mark>article</mark>"
    # Marks never straddle a link's edge, and no markup but <a> and <mark> is made.
    excerpts = re.findall(r'<p class="excerpt"[^>]*>(.*?)</p>', html, re.S)
    for fragment in excerpts:
        assert set(re.findall(r"</?(\w+)", fragment)) <= {"a", "mark"}
        assert fragment.count("<mark>") == fragment.count("</mark>")
        assert fragment.count("<a ") == fragment.count("</a>")


def test_a_resolution_hit_links_the_article_it_cites(client):
    html = results(page(client, q="article 58", kind="notes"))
    assert '<a class="xref" href="/un/art-58/#art_58"' in html
