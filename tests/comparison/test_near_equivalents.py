"""Near-equivalent terms on the comparison page (issue 14 §2): a change, with the
glossary's reason, never hidden by "masquer la terminologie"."""

import re

import pytest
from django.utils.html import escape

from concordance.glossary import curated_glossary

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_11/budapest/art_6/"


def rows_of(page: str) -> str:
    return page[page.index('<section id="rows"') : page.index("</section>", page.index('<section id="rows"'))]


@pytest.mark.parametrize("terms", ["show", "hide"])
@pytest.mark.parametrize("view", ["side", "inline"])
def test_credentials_against_access_code_is_a_marked_change_with_its_reason(client, terms, view):
    rows = rows_of(client.get(f"{URL}?terms={terms}&view={view}").content.decode())
    marked = r'<span class="near near-(left|right)" title="([^"]*)" aria-describedby="near-access-code">([^<]*)</span>'
    near = re.findall(marked, rows)
    words = " | ".join(text for _, _, text in near)
    assert "justificatifs d&#x27;accès" in words and "code d&#x27;accès" in words
    why = escape(curated_glossary().entry("access-code").why)
    assert any(why in title for _, title, text in near if "code" in text)
    # The reason is written out below the rows, as each marked term's description.
    assert re.search(r'<dt id="near-access-code" lang="fr">.*</dt>\s*<dd lang="fr">', rows, re.S)


def test_supplying_against_obtaining_is_substance_not_terminology(client):
    rows = rows_of(client.get(URL).content.decode())
    assert re.search(r'<del class="change">[^<]*fourniture', rows)
    assert not re.search(r'<span class="term"[^>]*>[^<]*fourniture', rows)


def test_changes_only_keeps_a_row_whose_only_change_is_a_near_equivalent(client):
    page = client.get("/compare/un/art_25/budapest/art_16/?changes=1&terms=hide").content.decode()
    rows = rows_of(page)
    # UN 25 §1 "ordonner ou d'obtenir de façon similaire" / Budapest 16 §1 "d'imposer d'une autre manière".
    assert 'class="near near-left"' in rows and "obtenir de façon similaire" in rows


def test_the_share_reports_near_equivalents_apart(client):
    page = client.get("/compare/un/art_14/budapest/art_9/").content.decode()
    assert re.search(r"changements de fond : \d+ % des mots \(dont quasi-équivalents : \d+ %\)", page)
