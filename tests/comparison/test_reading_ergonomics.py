"""Reading ergonomics of the comparison and reading pages (issue 18 §3), as the HTML says them;
tests/browser/test_layouts.py checks what only a browser can (sticking, widths, folding)."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAIR = "/compare/un/art_25/budapest/art_16/"


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_legend_names_the_instrument_of_one_sided_text_and_folds_away(client):
    html = html_of(client, PAIR)
    legend = html[html.index('<details class="legend-details">') :]
    legend = legend[: legend.index("</details>")]
    assert '<del class="change">ONU seulement</del>' in legend
    assert '<ins class="change">Budapest seulement</ins>' in legend
    assert "supprimé" not in legend and "ajouté" not in legend
    reversed_html = html_of(client, "/compare/budapest/art_16/un/art_25/")
    assert '<del class="change">Budapest seulement</del>' in reversed_html


def test_the_comparison_region_has_a_heading(client):
    html = html_of(client, PAIR)
    assert re.search(r'<section id="rows"[^>]*aria-labelledby="comparison-title"', html)
    assert '<h2 id="comparison-title" class="comparison-title">Comparaison' in html
    # The outline goes h1 → the comparison's h2 before "Autres correspondants".
    assert html.index('id="comparison-title"') < html.index("<h2>Autres correspondants</h2>")


def test_the_shortcut_switch_is_in_the_legend(client):
    html = html_of(client, PAIR)
    assert '<input type="checkbox" id="compare-keys" checked disabled>' in html


def test_the_pair_form_folds_on_the_comparison_page_and_not_on_its_own(client):
    compare = html_of(client, PAIR)
    assert '<details class="pair-form-details"><summary>Comparer deux autres dispositions</summary>' in compare
    choose = html_of(client, "/compare/")
    assert "pair-form-details" not in choose
    assert "Comparer deux autres dispositions" not in choose


def test_a_blank_pair_form_defaults_the_other_side_to_the_other_instrument(client):
    html = html_of(client, "/compare/")
    left = re.search(r'<select name="left"[^>]*>(.*?)</select>', html, re.S).group(1)
    right = re.search(r'<select name="right"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert '<option value="un" selected>' in left
    assert '<option value="budapest" selected>' in right


def test_the_article_fields_offer_the_articles_with_their_titles(client):
    html = html_of(client, "/compare/")
    assert re.search(r'<input type="text" name="left_ref"[^>]*list="articles-un"', html)
    assert re.search(r'<input type="text" name="right_ref"[^>]*list="articles-budapest"', html)
    budapest = re.search(r'<datalist id="articles-budapest">(.*?)</datalist>', html, re.S).group(1)
    # The headings are the treaty's French, marked so (the option holds no markup of its own).
    heading = "Art. 16 — Conservation rapide de données informatiques stockées"
    assert f'<option value="16" label="{heading}" lang="fr">' in budapest
    assert 'id="articles-un"' in html and 'id="articles-budapest-p1"' in html


def test_the_comparison_page_still_costs_the_same_queries(client, django_assert_num_queries):
    client.get(PAIR)  # warm the caches, as test_compare_page does
    with django_assert_num_queries(11):
        client.get(PAIR)


def test_the_navigation_is_also_a_menu_that_needs_no_script(client):
    html = html_of(client, "/")
    assert '<details class="nav-menu">' in html
    menu = html[html.index('<details class="nav-menu">') :]
    assert "<summary>Menu</summary>" in menu[:200]
    assert menu.index('href="/search/"') < menu.index("</details>")


def test_the_table_of_contents_numbers_nothing_but_the_articles(client):
    html = html_of(client, "/un/")
    toc = html[html.index('<nav class="toc"') :]
    toc = toc[: toc.index("</nav>")]
    assert "<ol" not in toc
    assert "Art. 25 — " in toc


def test_the_editions_summary_scrolls_in_its_own_box(client):
    html = html_of(client, "/budapest/editions/")
    assert re.search(r'<div class="editions-table-wrap" role="region" aria-label="[^"]+" tabindex="0">\s*<table', html)


def test_the_interpretative_notes_have_an_index(client, django_assert_num_queries):
    html = html_of(client, "/un/")
    assert 'href="/un/notes/"' in html
    # The instrument and its editions, the notes, their articles: whatever the number of notes.
    with django_assert_num_queries(4):
        client.get("/un/notes/")
    notes = html_of(client, "/un/notes/")
    assert "<h2" in notes and "Notes interprétatives" in notes
    # Each note links where the reader finds it, under its first article.
    for article in (2, 17, 23, 35):
        assert re.search(rf'href="/un/art-{article}/#art_{article}-note-interpretative-\d+"', notes), article


def test_an_instrument_without_notes_says_so_and_an_unknown_one_is_404(client):
    html = html_of(client, "/budapest-p1/notes/")
    assert "n'a ni note interprétative ni exposé des motifs" in html
    # The Convention's explanatory statement (bill n° 905) is indexed article by article.
    assert "Exposé des motifs" in html_of(client, "/budapest/notes/")
    assert client.get("/nowhere/notes/").status_code == 404
