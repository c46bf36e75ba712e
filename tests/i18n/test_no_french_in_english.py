"""No French left in the English interface (issue 18 §1): every page type under /en/, read outside lang="fr".

Each page is parsed, every element marked ``lang="fr"`` (treaty text, curated
notes, quoted treaty words, the "Français" switch) and every script and style
dropped; what is left, text and spoken attributes, must hold no French word
(``tests/i18n/english_text.py``).
"""

from __future__ import annotations

import pytest

from concordance.mapping.models import Correspondence
from tests.i18n.english_text import english_interface, french_words

pytestmark = pytest.mark.django_db

PAIRS = ["/compare/un/art_25/budapest/art_16/", "/compare/un/art_40/budapest/art_27/"]
DISPLAYS = ["", "?view=inline", "?changes=1", "?terms=hide", "?view=inline&changes=1&terms=hide", "?presentation=1"]

# Address under /en/ → the status it answers with.
PAGES = {
    "/": 200,
    "/un/": 200,
    "/budapest-p1/": 200,
    "/un/art-25/": 200,
    "/budapest/art-16/": 200,
    "/un/notes/": 200,
    "/budapest/notes/": 200,
    "/concordance/": 200,
    "/concordance/?from=budapest": 200,
    "/concordance/?from=un&chapter=chp_2": 200,
    "/concordance/?relation=partial&missing=on": 200,
    "/compare/": 200,
    "/compare/?left_instrument=un&left_provision=999&right_instrument=budapest&right_provision=16": 200,
    **{pair + display: 200 for pair in PAIRS for display in DISPLAYS},
    "/compare/un/art_25/budapest/art_16/?view=sideways": 400,
    "/concordance/?chapter=chp_99&relation=nope": 400,
    "/glossary/?class=nope": 400,
    "/divergences/": 200,
    "/quantities/": 200,
    "/glossary/": 200,
    "/glossary/?class=near": 200,
    "/relations/": 200,
    "/themes/": 200,
    "/themes/procedural-powers/": 200,
    "/budapest/editions/": 200,
    "/references/unresolved/": 200,
    "/search/?q=expedited+preservation": 200,
    "/search/?q=conservation+rapide": 200,
    "/search/?q=zzqxwv": 200,
    "/search/?q=preservation&instrument=nope": 400,
    "/handouts/": 200,
    "/handouts/?pairs=un:art_25": 400,
    "/handouts/?from=un&chapter=chp_2&pairs=un:art_25/budapest:art_16": 400,
    "/accounts/login/": 200,
    "/un/art-999/": 404,
}
HTMX = [
    "/concordance/?from=un&chapter=chp_2",
    "/compare/un/art_25/budapest/art_16/?view=inline",
    "/compare/un/art_40/budapest/art_27/?changes=1",
    "/search/?q=expedited+preservation",
]


def assert_english(response, expected_status: int = 200) -> None:
    assert response.status_code == expected_status, response.status_code
    found = french_words(english_interface(response.content.decode()))
    assert not found, "French in the English interface:\n" + "\n".join(found)


@pytest.fixture
def site_pages(settings):
    settings.DEBUG = False  # the site's own 404 page, as readers get it


@pytest.mark.parametrize("path", PAGES)
def test_an_english_page_shows_no_french_outside_lang_fr(client, site_pages, path):
    assert_english(client.get("/en" + path), PAGES[path])


@pytest.mark.parametrize("path", HTMX)
def test_an_english_htmx_partial_shows_no_french_outside_lang_fr(client, path):
    assert_english(client.get("/en" + path, HTTP_HX_REQUEST="true"))


def test_a_theme_s_second_pages_are_english(client, monkeypatch):
    from concordance.mapping import themes

    # Short pages, so that the theme has a second page of rows and of links.
    monkeypatch.setattr(themes, "ROWS_PER_PAGE", 3)
    monkeypatch.setattr(themes, "LINKS_PER_PAGE", 2)
    assert_english(client.get("/en/themes/procedural-powers/?page=2&links=2"))


def test_a_sign_in_answered_with_errors_is_english(client):
    assert_english(client.post("/en/accounts/login/", {"username": "x", "password": "y"}))


def test_the_curator_pages_are_english(curator_client):
    link = Correspondence.objects.filter(left__eid="art_25", right__eid="art_16").first()
    assert link is not None
    for path in [
        "/en/concordance/correspondences/new/",
        f"/en/concordance/correspondences/{link.pk}/",
        f"/en/concordance/correspondences/{link.pk}/history/",
        f"/en/concordance/correspondences/{link.pk}/delete/",
        "/en/concordance/deleted/",
    ]:
        assert_english(curator_client.get(path))


def test_a_correspondence_form_answered_with_errors_is_english(curator_client):
    posted = {"left_instrument": "un", "left_provision": "abc", "right_instrument": "un", "right_provision": "7"}
    assert_english(curator_client.post("/en/concordance/correspondences/new/", posted))


def test_the_word_finder_finds_french_and_leaves_english_and_marked_french_alone():
    html = (
        '<p title="Voir la disposition">Article 25 <span lang="fr">« conservation rapide »</span> of the data</p>'
        "<script>var la = 1;</script><style>.et{}</style>"
        '<p>Preservation <span lang="fr-FR">des données</span> and <em>été</em></p>'
    )
    found = french_words(english_interface(html))
    assert [context.rsplit("[", 1)[1] for context in found] == ["Voir]", "la]", "été]"]


def test_the_printed_filters_mark_the_chapter_s_french_heading(client):
    html = client.get("/en/concordance/?from=un&chapter=chp_2").content.decode()
    assert 'Chapter: <span lang="fr">Chapter II — Incrimination</span>' in html
    french = client.get("/concordance/?from=un&chapter=chp_2").content.decode()
    assert 'Chapitre : <span lang="fr">Chapitre II — Incrimination</span>' in french
