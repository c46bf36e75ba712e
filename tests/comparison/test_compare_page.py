import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_hiding_terminology_shows_it_as_plain_text(client):
    page = client.get(URL + "?terms=hide").content.decode()
    assert '<span class="term"' not in page.split('class="rows side"')[1]
    assert "<del" in page  # substantive changes stay marked


def test_the_text_shown_is_the_text_of_the_source(client):
    from concordance.corpus.models import Provision

    page = client.get(URL).content.decode()
    cells = re.findall(r'<div class="cell left"[^>]*>(.*?)</div>', page, re.S)
    shown = " ".join(plain(cell) for cell in cells)
    import html

    shown = html.unescape(shown)
    for paragraph in Provision.objects.filter(edition__slug="onu-2024", article_eid="art_25").exclude(text=""):
        assert paragraph.text in shown


def test_divergent_quantities_get_a_badge(client):
    # The domestic period against the international one.
    page = client.get("/compare/un/art_25__para_2/budapest/art_29__para_7/").content.decode()
    assert "90 jours ≠ 60 jours" in page


def test_inline_view_and_changes_only(client):
    inline = client.get(URL + "?view=inline").content.decode()
    assert '<ol class="rows inline">' in inline
    changes = client.get("/compare/un/art_42/budapest/art_29/?changes=1").content.decode()
    full = client.get("/compare/un/art_42/budapest/art_29/").content.decode()
    assert changes.count('id="row-') <= full.count('id="row-')


def test_htmx_gets_the_rows_partial(client):
    response = client.get(URL + "?view=inline", headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<section id="rows"')


def test_correspondence_and_other_counterparts_are_shown(client):
    page = client.get(URL).content.decode()
    assert 'class="badge badge-equivalent"' in page
    assert "Autres correspondants" in page


def test_any_two_provisions_can_be_compared(client):
    response = client.get("/compare/?left=un&left_ref=2.a&right=budapest&right_ref=1.a")
    assert response.status_code == 302
    assert response["Location"] == "/compare/un/art_2__point_a/budapest/art_1__point_a/"
    assert client.get(response["Location"]).status_code == 200


def test_the_pair_form_reports_errors_beside_the_fields(client):
    response = client.get("/compare/?left=un&left_ref=999&right=budapest&right_ref=zz")
    assert response.status_code == 400
    page = response.content.decode()
    assert "n&#x27;a pas cette disposition" in page or "ne se lit pas" in page


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
    assert counts[0] == counts[1], counts
