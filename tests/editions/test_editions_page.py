"""The collation page: /<instrument>/editions/."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Provision

pytestmark = pytest.mark.django_db

URL = "/budapest/editions/"


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def article_section(page: str, eid: str) -> str:
    match = re.search(rf'<article class="editions-article" id="{eid}".*?</article>', page, re.S)
    assert match, f"no section for {eid}"
    return match.group(0)


def class_counts(page: str) -> dict[str, int]:
    """The counts the filter bar announces, by class code."""
    return {
        code: int(count)
        for code, count in re.findall(r'<li class="variant-(\w+)">.*?<span class="count">(\d+)</span>', page, re.S)
    }


def test_counts_per_class_at_the_top_match_the_variants_shown(client):
    page = client.get(URL).content.decode()
    counts = class_counts(page)
    assert set(counts) == {"substantive", "punctuation", "spelling", "number", "typo", "wording"}
    body = page.split('<article class="editions-article"', 1)[1]
    for code, count in counts.items():
        assert body.count(f'class="variant variant-{code}"') == count, code
    # The typing errors of the Benin decree: résERVER ×3, réservé ×3, réservier ×4, interpréter, "1 5".
    assert counts["typo"] >= 11
    assert counts["number"] >= 3


def test_summary_table_has_one_row_per_differing_article_with_per_class_counts(client):
    page = client.get(URL).content.decode()
    table = re.search(r'<table class="editions-summary">.*?</table>', page, re.S).group(0)
    rows = re.findall(r"<tr>\s*<th scope=\"row\"><a href=\"#(art_\d+)\">.*?</tr>", table, re.S)
    assert "art_16" in rows and "art_4" in rows
    # Articles 2 and 3 read the same in both editions: no row, no section.
    assert "art_2" not in rows and 'id="art_2"' not in page
    art_4 = re.search(r'<a href="#art_4">Article 4</a></th>(.*?)</tr>', table, re.S).group(1)
    cells = [plain(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", art_4, re.S)]
    # substantive, punctuation, spelling, number, typo, wording, total
    assert cells == ["", "", "", "", "1", "", "1"]


def test_each_differing_article_is_anchored_and_links_to_its_page(client):
    page = client.get(URL).content.decode()
    section = article_section(page, "art_16")
    assert '<a href="/budapest/art-16/">Article 16</a>' in section


def test_variants_are_inline_with_del_and_ins(client):
    section = article_section(client.get(URL).content.decode(), "art_16")
    number = re.search(r'<span class="variant variant-number"[^>]*>(.*?)</span>', section, re.S).group(1)
    assert '<del class="change">quatre-vingt-dix </del>' in number
    assert '<ins class="change">90 </ins>' in number
    assert re.search(
        r'<span class="variant variant-wording"[^>]*><del class="change">au </del>'
        r'<ins class="change">jusqu&#x27;à </ins>',
        section,
    )


def test_the_text_shown_is_the_text_of_both_editions(client):
    section = article_section(client.get(URL).content.decode(), "art_16")
    row = re.search(r'<li class="editions-row">.*?<p>(.*?)</p>', section, re.S).group(1)
    row = re.sub(r'<sup class="variant-tag">.*?</sup>', "", row)
    left = plain(re.sub(r"<ins[^>]*>.*?</ins>", "", row))
    right = plain(re.sub(r"<del[^>]*>.*?</del>", "", row))
    texts = dict(
        Provision.objects.filter(edition__instrument__slug="budapest", eid="art_16__para_2").values_list(
            "edition__slug", "text"
        )
    )
    assert left == texts["pjl-905-2003"]
    assert right.split() == texts["coe-benin-2024"].split()


def test_typing_errors_say_why(client):
    section = article_section(client.get(URL).content.decode(), "art_4")
    assert "résERVER" in section
    assert "majuscules parasites" in section


def test_filter_by_class_keeps_only_articles_and_rows_with_that_class(client):
    page = client.get(URL + "?class=typo").content.decode()
    shown = re.findall(r'<article class="editions-article" id="(art_\d+)"', page)
    assert {"art_4", "art_10", "art_18"} <= set(shown)
    assert "art_32" not in shown  # only punctuation there
    assert '<strong aria-current="true">faute de frappe ou de copie apparente' in page
    assert "de la classe « faute de frappe ou de copie apparente »" in page
    # Counts at the top stay those of the whole collation.
    assert class_counts(page)["punctuation"] == class_counts(client.get(URL).content.decode())["punctuation"]
    punctuation = client.get(URL + "?class=punctuation").content.decode()
    assert 'id="art_32"' in punctuation


def test_filter_links_work_without_javascript_and_swap_in_place_with_htmx(client):
    page = client.get(URL).content.decode()
    link = re.search(r'<a href="\?class=spelling"[^>]*>', page).group(0)
    assert 'hx-get="?class=spelling"' in link
    assert 'hx-target="#collation"' in link and 'hx-push-url="true"' in link


def test_htmx_request_gets_the_partial_only(client):
    response = client.get(URL + "?class=number", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="collation"')
    assert "<html" not in body
    assert 'id="art_16"' in body and 'id="art_4"' not in body


def test_unknown_class_is_a_clear_400(client):
    response = client.get(URL + "?class=grammar")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Classe de variante inconnue : « grammar »" in body
    assert "typo (faute de frappe ou de copie apparente)" in body


def test_an_instrument_with_one_edition_is_a_404(client):
    response = client.get("/un/editions/")
    assert response.status_code == 404
    assert client.get("/nosuch/editions/").status_code == 404


def test_the_instrument_page_is_still_reachable(client):
    assert client.get("/budapest/").status_code == 200


def test_queries_are_constant(client):
    client.get(URL)  # warm the cache
    counts = []
    for url in (URL, URL + "?class=typo", URL + "?class=wording"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= 4


def test_a_misprinted_point_marker_is_a_typing_error(client):
    section = article_section(client.get(URL).content.decode(), "art_29")
    assert "par. 5, b) — numéro imprimé" in section
    assert re.search(
        r'<span class="variant variant-typo"[^>]*><del class="change">b</del><ins class="change">a</ins>', section
    )


def test_a_provision_printed_in_one_edition_only_is_shown_whole(client):
    section = article_section(client.get(URL).content.decode(), "art_6")
    assert "par. 1, a), fin — absent de l'autre édition" in section
    assert '<del class="change">dans l&#x27;intention qu&#x27;ils soient utilisés' in section


# -- the text outside the articles ----------------------------------------------


def test_the_preamble_is_collated_with_its_variants_classified(client):
    page = client.get(URL).content.decode()
    section = article_section(page, "preamble")
    assert '<a href="/budapest/#preambule">Préambule</a>' in section
    # The issue's own example, twice in the preamble.
    spelling = re.findall(
        r'<span class="variant variant-spelling"[^>]*><del class="change">cyberespace</del>'
        r'<ins class="change">cyber-espace</ins>',
        section,
    )
    assert len(spelling) == 2
    assert re.search(
        r'<span class="variant variant-typo"[^>]*><del class="change">2le </del><ins class="change">21e </ins>', section
    )
    assert re.search(
        r'<span class="variant variant-number"[^>]*><del class="change">2e </del><ins class="change">Deuxième </ins>',
        section,
    )
    assert section.count('class="variant variant-') >= 45


def test_title_division_headings_and_closing_are_collated(client):
    page = client.get(URL).content.decode()
    assert "CONVENTION" in article_section(page, "title")
    heading = article_section(page, "chp_2__sec_1__title_1")
    assert '<a href="/budapest/#chp_2__sec_1__title_1">Titre Ier</a>' in heading
    # "TITRE Ier" / "Titre 1": the same number; the capitals are typography.
    assert re.search(
        r'<span class="variant variant-punctuation"[^>]*><del class="change">Ier</del><ins class="change">1</ins>',
        heading,
    )
    assert "INFRACTIONS CONTRE LA CONFIDENTIALITÉ" in heading and "variant-punctuation" in heading
    closing = article_section(page, "closing")
    assert '<a href="/budapest/#clauses-finales">Clauses finales</a>' in closing
    assert '<ins class="change">et </ins>' in closing  # "et en un seul exemplaire"


def test_counts_at_the_top_include_the_text_outside_the_articles(client):
    page = client.get(URL).content.decode()
    table = re.search(r'<table class="editions-summary">.*?</table>', page, re.S).group(0)
    rows = re.findall(r'<th scope="row"><a href="#([\w]+)">', table)
    assert rows[:2] == ["title", "preamble"] and rows[-1] == "closing"
    assert "chp_2__sec_1__title_1" in rows
    assert re.search(r"variantes dans \d+ articles sur 48 et dans \d+ autres parties du texte", page)
    # The counts per class are those of every section shown, the preamble included.
    body = page.split('<article class="editions-article"', 1)[1]
    assert sum(class_counts(page).values()) == body.count('class="variant variant-')


def test_a_difference_of_spacing_alone_is_shown(client):
    # Art. 9.1: "explicite ;" / "explicite;", "« mineur »" / "«mineur»" used to show no variant.
    section = article_section(client.get(URL + "?class=punctuation").content.decode(), "art_9")
    assert "espace présente dans l&#x27;édition de référence seulement" in section


def test_ou_and_ou_with_an_accent_are_a_typing_error_not_spelling(client):
    section = article_section(client.get(URL).content.decode(), "art_18")
    assert re.search(
        r'<span class="variant variant-typo"[^>]*><del class="change">ou </del><ins class="change">où </ins>', section
    )
    section = article_section(client.get(URL).content.decode(), "art_19")
    assert re.search(
        r'<span class="variant variant-typo"[^>]*><del class="change">l&#x27;</del>'
        r'<ins class="change">un d&#x27;un </ins>',
        section,
    )


def test_references_in_the_collated_text_are_links_to_each_edition(client):
    page = client.get(URL).content.decode()
    section = article_section(page, "art_6")
    # Shared and reference-edition text links to the primary edition…
    assert re.search(r'<a class="xref" href="/budapest/art-\d+/#art_\d+[^"]*"', section)
    # …text only the Benin decree prints links to that edition.
    inserted = re.findall(r'<ins class="change">(.*?)</ins>', section, re.S)
    assert any(
        'href="/budapest/art-6/?edition=coe-benin-2024#art_6__para_1__point_a__subpoint_i"' in i for i in inserted
    )
    # Links add tags only: the text shown is still each edition's.
    test_the_text_shown_is_the_text_of_both_editions(client)
