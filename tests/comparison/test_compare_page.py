import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_25/budapest/art_16/"


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_paragraphs_are_aligned_side_by_side(client):
    page = client.get(URL).content.decode()
    assert page.count('class="row changed"') + page.count('class="row"') >= 4
    assert "par. 2" in page
    # Budapest 16 has a paragraph 4 the UN article lacks: a visible gap.
    assert "pas d'équivalent" in page


def test_state_party_against_party_reads_as_terminology(client):
    page = client.get(URL).content.decode()
    assert re.search(r'<span class="term"[^>]*>État partie\s*</span>', page)
    assert re.search(r'<span class="term"[^>]*>Partie\s*</span>', page)
    # 90 written in digits against in words: the same period, not a change.
    assert re.search(r'<span class="term"[^>]*>90\s*</span>', page)
    assert "90 jours ≠" not in page


def test_the_text_shown_is_the_text_of_the_source(client):
    from concordance.corpus.models import Provision

    page = client.get(URL).content.decode()
    cells = re.findall(r'<div class="cell left"[^>]*>(.*?)</div>', page, re.S)
    shown = " ".join(plain(cell) for cell in cells)
    import html

    shown = html.unescape(shown)
    for paragraph in Provision.objects.filter(edition__slug="onu-2024", article_eid="art_25").exclude(text=""):
        assert paragraph.text in shown


def test_differing_quantities_get_a_badge(client):
    # The domestic period against the international one: not counterparts, so not called a divergence.
    page = client.get("/compare/un/art_25__para_2/budapest/art_29__para_7/").content.decode()
    # The badge states the bounds too: a ceiling at home, a floor abroad.
    said = "au plus 90 jours / au moins 60 jours — dispositions que la concordance ne met pas en correspondance"
    assert said in page
    inline = client.get("/compare/un/art_25__para_2/budapest/art_29__para_7/?view=inline").content.decode()
    assert said in inline


def test_correspondence_and_other_counterparts_are_shown(client):
    page = client.get(URL).content.decode()
    assert 'class="badge badge-equivalent"' in page
    assert "Autres correspondants" in page


@pytest.mark.parametrize(
    "url",
    [
        "/compare/un/art_999/budapest/art_16/",
        "/compare/nope/art_1/budapest/art_16/",
        "/compare/un/art_25/budapest/..%2F..%2Fetc/",
        "/compare/un/art_25/budapest/art_16__para_9/",
    ],
)
def test_unknown_provisions_are_404(client, url):
    assert client.get(url).status_code == 404


def test_queries_do_not_grow_with_the_size_of_the_pair(client):
    counts = []
    for url in (URL, "/compare/un/art_40/budapest/art_27/"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    # Measured: 11 for either pair; a change that adds one should say why here.
    assert counts == [11, 11], counts


def cell_text(page: str, side: str, eid: str) -> str:
    """The words of one unit as the page shows them (tags dropped, entities read)."""
    import html

    found = re.findall(rf'<div class="unit" id="{side}-{eid}"[^>]*>(.*?)</div>', page, re.S)
    assert len(found) == 1, f"{side}-{eid} shown {len(found)} times"
    return html.unescape(plain(found[0]))


def test_moved_paragraph_notes_lead_to_a_paragraph_on_the_page_in_both_views(client):
    for view in ("side", "inline"):
        page = client.get(f"/compare/un/art_40/budapest/art_27/?view={view}").content.decode()
        targets = re.findall(r'<p class="moved-note">[^<]*<a href="#([lr]-\w+)">', page)
        assert "r-art_27__para_8" in targets and "l-art_40__para_20" in targets, view
        for target in targets:
            assert page.count(f'id="{target}"') == 1, (view, target)


def test_every_curated_paragraph_link_has_its_row_even_when_links_cross(client):
    from concordance.corpus.models import Provision

    page = client.get("/compare/un/art_40/budapest/art_27/").content.decode()
    # UN 40 §20 is linked to Budapest 27 §8, which comes later than §7 (linked to UN §25):
    # each is shown once, at its own place, with a marker leading to the other.
    assert re.search(
        r'<div class="unit" id="l-art_40__para_20"[^>]*>.*?'
        r'<p class="moved-note">↓[^<]*par\. 8, placé plus bas[^<]*<a href="#r-art_27__para_8">',
        page,
        re.S,
    )
    assert re.search(r'<p class="moved-note">↑[^<]*par\. 20, placé plus haut[^<]*<a href="#l-art_40__para_20">', page)
    for side, article in (("l", "art_40"), ("r", "art_27")):
        provisions = Provision.objects.filter(article_eid=article, edition__is_primary=True).exclude(text="")
        provisions = provisions.filter(edition__instrument__slug="un" if side == "l" else "budapest")
        for provision in provisions:
            assert provision.text in cell_text(page, side, provision.eid)
    # The costs paragraph is no longer paired with the confidentiality one.
    row = next(row for row in rows_of(page) if 'id="l-art_40__para_30"' in row)
    assert 'id="r-art_27__para_8"' not in row
    # Nor with the channels of §9, which share no content word with it.
    assert 'id="r-art_27__para_9' not in row


def rows_of(page: str) -> list[str]:
    return re.split(r'<div class="row[^"]*" role="row"', page.split('class="rows side"')[1])[2:]


def test_a_service_provider_definition_linked_out_of_order_is_not_a_gap(client):
    page = client.get("/compare/un/art_2/budapest/art_1/").content.decode()
    # UN 2 e) (service provider) is linked to Budapest 1 c), and UN 2 c) to Budapest 1 d):
    # the links cross, so one pair is a row and the other is shown moved, each side in place.
    rows = rows_of(page)
    together = {
        (left, right)
        for row in rows
        for left in re.findall(r'id="l-(art_2__point_[ce])"', row)
        for right in re.findall(r'id="r-(art_1__point_[cd])"', row)
    }
    moved = set(re.findall(r'<p class="moved-note">[^<]*<a href="#([lr]-[\w]+)">', page))
    assert (together, moved) in [
        ({("art_2__point_e", "art_1__point_c")}, {"r-art_1__point_d", "l-art_2__point_c"}),
        ({("art_2__point_c", "art_1__point_d")}, {"r-art_1__point_c", "l-art_2__point_e"}),
    ]
    assert "fournisseur" in cell_text(page, "l", "art_2__point_e")
    assert "gap" not in "".join(row for row in rows if 'id="l-art_2__point_e"' in row)


def test_two_paragraphs_against_one_block_share_a_row(client):
    page = client.get("/compare/un/art_7/budapest/art_2/").content.decode()
    assert "pas d&#x27;équivalent" not in page and "pas d'équivalent" not in page
    row = re.search(r'<div class="row[^"]*" role="row" id="row-1">.*?id="r-art_2"', page, re.S).group(0)
    assert 'id="l-art_7__para_1"' in row and 'id="l-art_7__para_2"' in row


def test_the_same_period_in_words_is_not_a_deletion(client):
    page = client.get("/compare/un/art_42/budapest/art_29/").content.decode()
    assert not re.search(r"<(del|ins) class=\"change\">[^<]*(60|soixante)", page)
    assert re.search(r'<span class="term"[^>]*>d&#x27;au moins soixante\s*</span>', page)


def test_list_formatting_has_its_own_style_and_legend(client):
    page = client.get("/compare/un/art_42/budapest/art_29/").content.decode()
    assert '<span class="form">mise en forme de liste' in page
    assert re.search(r'<span class="form" title="[^"]*">L&#x27;</span>', page)
    assert not re.search(r'<del class="change">L&#x27;</del>', page)


def test_a_term_without_words_opposite_says_so(client):
    page = client.get(URL).content.decode()
    assert 'title="terme équivalent : "' not in page
    assert re.search(r'<span class="term" title="terme équivalent, sans mots en regard[^"]*">qui se révèlent', page)
    assert re.search(r'<span class="term"[^>]*>le gardien\s*</span>', page)


def test_a_paragraph_inside_linked_articles_shows_the_articles_link(client):
    page = client.get("/compare/un/art_25__para_1/budapest/art_16/").content.decode()
    assert "les articles sont liés" in page
    assert 'class="badge badge-equivalent"' in page.split("Autres correspondants")[0]


def test_other_counterparts_leave_out_the_pair_itself(client):
    page = client.get(URL).content.decode()
    aside = page.split("Autres correspondants")[1].split("</aside>")[0]
    assert 'href="/compare/un/art_25/budapest/art_16/"' not in aside


def test_internal_references_are_links_and_the_text_is_unchanged(client):
    from concordance.corpus.models import Provision

    page = client.get("/compare/un/art_42/budapest/art_29/").content.decode()
    assert re.search(r'<a class="xref" href="/un/art-25/#art_25"[^>]*data-preview="[^"]+"', page)
    for provision in Provision.objects.filter(edition__slug="onu-2024", article_eid="art_42").exclude(text=""):
        assert cell_text(page, "l", provision.eid).endswith(provision.text)


def test_references_are_links_in_the_inline_view_too(client):
    import html

    from concordance.corpus.models import Provision

    page = client.get("/compare/un/art_42/budapest/art_29/?view=inline").content.decode()
    inline = page.split('<ol class="rows inline">')[1].split("</ol>")[0]
    assert re.search(r'<a class="xref" href="/un/art-25/#art_25"[^>]*data-preview="[^"]+"', inline)
    # Without what the left text alone has, the column reads as the right-hand text, whole.
    right_only = re.sub(
        r'<del class="change">.*?</del>|<span class="term term-left"[^>]*>[^<]*</span>', "", inline, flags=re.S
    )
    words = html.unescape(plain(right_only))
    for provision in Provision.objects.filter(
        edition__instrument__slug="budapest", edition__is_primary=True, article_eid="art_29"
    ).exclude(text=""):
        assert provision.text in words


def test_every_divergence_of_the_report_is_shown_on_the_comparison_it_links_to(client):
    import html

    from concordance.analysis.findings import findings

    divergent = [link for link in findings().links if link.status == "divergent"]
    assert len(divergent) >= 10
    for link in divergent:
        page = html.unescape(client.get(link.compare_url).content.decode())
        assert f'<span class="badge badge-divergent">{link.badge}</span>' in page or (
            f'<p class="badge badge-divergent">{link.badge}</p>' in page
        ), (link.compare_url, link.badge)


def test_quantities_that_answer_each_other_from_different_paragraphs_are_set_against_each_other(client):
    from concordance.mapping.models import Correspondence

    # With the curated sentence pin, UN 67 §1's second sentence faces Budapest 47 §2: one row.
    page = client.get("/compare/un/art_67/budapest/art_47/").content.decode()
    assert '<div class="across">' not in page and "1 quantité divergente" in page
    # Without it, UN 67 §1 "un an" is aligned with Budapest 47 §1; the three months are in §2.
    Correspondence.objects.filter(left__eid="art_67__para_1", right__eid="art_47__para_2").delete()
    page = client.get("/compare/un/art_67/budapest/art_47/").content.decode()
    across = page[page.index('<div class="across">') :]
    across = across[: across.index("</div>")]
    assert "1 an ≠ 3 mois" in across
    assert 'href="#l-art_67__para_1"' in across and 'href="#r-art_47__para_2"' in across
    assert "« un an »" in across and "« trois mois »" in across
    assert "1 quantité divergente" in page


def test_one_column_shows_both_wordings_of_a_term_and_never_passes_one_texts_words_as_shared(client):
    row = client.get(URL + "?view=inline").content.decode().split('id="row-1"')[1].split("</li>")[0]
    # UN "État partie", then Budapest "Partie": both readable without a tooltip.
    assert re.search(
        r'<span class="term term-left" title="[^"]*">État partie\s*</span><span class="term"[^>]*>Partie\s*</span>', row
    )

    # With terminology hidden the right's wording stands alone...
    row = client.get(URL + "?view=inline&terms=hide").content.decode().split('id="row-1"')[1].split("</li>")[0]
    assert "Chaque Partie adopte" in plain(row) and "État partie" not in row
    # ...and a word only UN has stays marked as the left's.
    hidden = client.get("/compare/un/art_40/budapest/art_25/?view=inline&terms=hide").content.decode()
    assert '<span class="term-left" title="mots du seul texte de gauche, terminologiques">judiciaire' in hidden


def test_both_article_headings_are_shown_as_the_sources_print_them(client):
    from concordance.corpus.models import Provision

    page = client.get("/compare/un/art_25__para_2/budapest/art_16/").content.decode()
    headings = page[page.index('class="article-headings"') :]
    headings = headings[: headings.index("</p>")]
    un = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_25").heading
    budapest = Provision.objects.get(
        edition__instrument__slug="budapest", edition__is_primary=True, eid="art_16"
    ).heading
    assert un and budapest
    assert escape(un) in headings and escape(budapest) in headings


def test_a_rewording_of_the_intent_element_is_shown_and_the_page_says_why(client):
    """Review finding 14, second half: UN 7's « commis intentionnellement, au fait d'accéder »
    against Budapest 2's « l'accès intentionnel » stays a change, and the legend says why."""
    page = client.get("/compare/un/art_7/budapest/art_2/").content.decode()
    assert re.search(r'<del class="change"[^>]*>[^<]*intentionnellement', page)
    legend = re.search(r'<p class="legend-note" id="reformulations">(.*?)</p>', page, re.S)
    assert legend is not None
    assert "comptée dans la part des changements de fond" in legend.group(1)
    assert "élément intentionnel ne sont pas neutres" in legend.group(1)
    assert 'href="#reformulations"' in page
