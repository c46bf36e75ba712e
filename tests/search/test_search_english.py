"""English queries answered through the glossary's English terms and the English keywords,
and numbers found in either spelling (issue 18 §2)."""

import re

import pytest

from tests.search.pages import hits, page, results

pytestmark = pytest.mark.django_db

BEST = re.compile(r'<li class="search-best-hit">\s*<a href="([^"]+)"')


def best(html: str) -> list[str]:
    return BEST.findall(html)


def test_expedited_preservation_finds_un_25_and_budapest_16_first(client):
    html = page(client, q="expedited preservation")
    top = best(html)[:2]
    assert sorted(top) == ["/budapest/art-16/#art_16", "/un/art-25/#art_25"], best(html)
    shown = results(html)
    # The page says which French terms were searched for the English one.
    expansion = re.search(r'<li class="search-expansion-english">(.*?)</li>', shown, re.S)
    assert expansion, shown[:2000]
    said = expansion.group(1)
    assert "« expedited preservation »" in said and "termes français cherchés" in said
    assert "« conservation rapide »" in said and "« préservation accélérée »" in said


def test_the_full_official_title_is_understood_too(client):
    html = page(client, q="expedited preservation of stored computer data")
    assert "/budapest/art-16/#art_16" in best(html)[:3]
    assert "/un/art-25/#art_25" in best(html)[:3]


def test_subscriber_information_finds_both_definitions(client):
    html = page(client, q="subscriber information")
    found = hits(html)
    assert "/un/art-2/#art_2__point_f" in found
    assert any(link.startswith("/budapest/art-18/") for link in found)
    assert "« données relatives aux abonnés »" in results(html)


def test_grooming_finds_the_un_solicitation_offence(client):
    html = page(client, q="grooming")
    assert hits(html)[0].startswith("/un/art-15/"), hits(html)
    assert "« manipulation psychologique »" in results(html)


def test_an_english_theme_keyword_links_its_theme(client):
    html = results(page(client, q="jurisdiction"))
    assert "« compétence »" in html
    assert '<a href="/themes/jurisdiction/">Compétence</a>' in html


def test_an_english_word_that_is_french_too_widens_no_french_query(client):
    # "extradition" is both: searched as typed, with no English expansion.
    html = results(page(client, q="extradition"))
    assert "search-expansion-english" not in html


def test_90_jours_finds_quatre_vingt_dix_jours_and_back(client):
    digits = page(client, q="90 jours")
    assert any(link.startswith("/budapest/art-16/#art_16__para_2") for link in hits(digits)), hits(digits)
    assert any(link.startswith("/un/art-25/") for link in hits(digits))
    # The French spelling searched is marked French (lang="fr") for screen readers.
    assert '« 90 » → autre graphie cherchée : <span lang="fr">« quatre-vingt-dix »</span>' in results(digits)
    words = page(client, q="quatre-vingt-dix jours")
    assert any(link.startswith("/un/art-25/") for link in hits(words)), hits(words)
    assert any(link.startswith("/budapest/art-16/#art_16__para_2") for link in hits(words))
    exact = page(client, q="90 jours", exact="1")
    assert not any(link.startswith("/budapest/art-16/") for link in hits(exact)), "exact search keeps the spelling"


def test_a_query_with_no_known_term_and_no_result_says_so_and_suggests_the_closest(client):
    misspelt = results(page(client, q="groomingg"))
    assert "Aucun résultat pour « groomingg »" in misspelt
    assert "n'est aucun terme connu du glossaire (français ou anglais)" in misspelt
    assert '<a href="/search/?q=grooming">grooming</a>' in misspelt
    half_english = results(page(client, q="traffic dta"))
    assert '<a href="/search/?q=traffic+data">traffic data</a>' in half_english
    nothing = results(page(client, q="zzyzx quokka"))
    assert "« zzyzx quokka » n'est aucun terme connu du glossaire, en français ou en anglais" in nothing


def test_a_query_that_finds_something_suggests_nothing(client):
    html = results(page(client, q="conservation"))
    assert "n'est aucun terme connu" not in html
