import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concordance.corpus.models import Provision
from tests.analysis.helpers import block

pytestmark = pytest.mark.django_db

ENTRIES = len(
    json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "glossary.json").read_text(encoding="utf-8"))[
        "entries"
    ]
)


def occurrences_in_article(slug: str, article: int, phrase: str) -> int:
    texts = Provision.objects.filter(
        edition__instrument__slug=slug, edition__is_primary=True, article_eid=f"art_{article}"
    ).values_list("text", flat=True)
    return sum(len(re.findall(rf"(?<!\w){phrase}(?!\w)", text, re.IGNORECASE)) for text in texts)


def test_every_entry_is_listed_with_its_terms_per_instrument(client):
    page = client.get("/glossary/").content.decode()
    assert page.count('class="glossary-entry"') == ENTRIES
    entry = block(page, "entry-computer-system")
    assert "système informatique (définition)" in entry
    assert "système d&#x27;information et de communication" in entry
    assert 'data-instrument="un"' in entry and 'data-instrument="budapest"' in entry


def test_each_term_links_the_articles_where_it_occurs_with_counts(client):
    page = client.get("/glossary/").content.decode()
    entry = block(page, "entry-expedited-preservation")
    budapest = entry[entry.index('data-instrument="budapest"') :]
    # "conservation rapide": Budapest 16 (domestic) and 29 (international).
    assert re.search(r'href="/budapest/art-16/#art_16[^"]*"', budapest)
    assert re.search(r'href="/budapest/art-29/#art_29[^"]*"', budapest)
    un = block(page, "entry-computer-system")
    un = un[un.index('data-instrument="un"') : un.index('data-instrument="budapest"')]
    first_form = un[: un.index("</li>")]
    assert "système d&#x27;information et de communication" in first_form
    in_article_2 = occurrences_in_article("un", 2, "système d['’]information et de communication")
    assert in_article_2 > 1
    assert f'>2</a> <span class="count">({in_article_2})</span>' in first_form
    assert 'href="/un/art-2/#art_2__point_a"' in first_form


def test_a_term_used_only_in_headings_links_them_as_headings(client):
    # "préservation accélérée" is in the UN headings only, never in the article texts.
    texts = Provision.objects.filter(edition__instrument__slug="un", edition__is_primary=True).values_list(
        "text", flat=True
    )
    assert not any("préservation accélérée" in text.casefold() for text in texts)
    entry = block(client.get("/glossary/").content.decode(), "entry-expedited-preservation")
    un = entry[entry.index('data-instrument="un"') : entry.index('data-instrument="budapest"')]
    form = un[un.index("préservation accélérée") :]
    form = form[: form.index("</li>")]
    assert "absent du texte" not in form
    assert '>25</a> <span class="count">(intitulé)</span>' in form
    assert '>42</a> <span class="count">(intitulé)</span>' in form
    # Budapest 16 has the term in its heading and its text.
    budapest = entry[entry.index('data-instrument="budapest"') :]
    assert '>16</a> <span class="count">(2, dont l\'intitulé)</span>' in budapest


def test_a_term_an_instrument_never_uses_says_so(client):
    entry = block(client.get("/glossary/").content.decode(), "entry-expedited-preservation")
    protocol = entry[entry.index('data-instrument="budapest-p1"') :]
    form = protocol[protocol.index("conservation rapide") :]
    assert "absent du texte" in form[: form.index("</li>")]
    assert not Provision.objects.filter(
        edition__instrument__slug="budapest-p1", text__icontains="conservation rapide"
    ).exists()


def test_filter_by_instrument_keeps_only_its_column(client):
    page = client.get("/glossary/?instrument=budapest-p1").content.decode()
    results = page[page.index('id="results"') :]
    assert 'data-instrument="budapest-p1"' in results
    assert 'data-instrument="un"' not in results and 'data-instrument="budapest"' not in results
    # The Protocol borrows the Convention's terms: "système informatique" is there.
    assert 'id="entry-computer-system"' in results


def test_text_filter_is_case_and_accent_insensitive(client):
    page = client.get("/glossary/?q=ETAT+PARTIE+REQUIS").content.decode()
    results = page[page.index('id="results"') :]
    assert 'id="entry-requested-party"' in results
    assert 'id="entry-computer-system"' not in results
    assert "1 notion" in results


def test_no_match_says_so(client):
    page = client.get("/glossary/?q=zzzz").content.decode()
    assert "Aucune notion ne répond à ces filtres" in page


def test_unknown_instrument_is_a_clear_400(client):
    response = client.get("/glossary/?instrument=nope")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filtre ignoré" in page and "« nope »" in page
    assert page.count('class="glossary-entry"') == ENTRIES


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/glossary/?q=donn%C3%A9es", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert "<html" not in page
    assert 'id="entry-traffic-data"' in page


def test_the_filter_form_works_with_and_without_javascript(client):
    page = client.get("/glossary/").content.decode()
    form = page[page.index('<form class="filters"') : page.index("</form>")]
    assert 'action="/glossary/"' in form and 'method="get"' in form
    assert 'hx-get="/glossary/"' in form and 'hx-push-url="true"' in form


def test_queries_are_few_and_do_not_depend_on_the_filters(client):
    client.get("/glossary/")  # warms the cache
    counts = []
    for url in ("/glossary/", "/glossary/?instrument=un&q=donn%C3%A9es"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5, counts


def test_each_entry_names_the_conventions_english_wording_and_is_found_by_it(client):
    # An English-speaking reader finds "conservation rapide" by the words of the English texts.
    english = client.get("/en/glossary/?q=expedited+preservation").content.decode()
    entry = block(english, "entry-expedited-preservation")
    assert '<h2 lang="fr">conservation rapide</h2>' in entry
    # Each convention's wording under its name; the UN wording, not yet checked
    # against the official English text (fixtures/glossary.json), says so.
    un, budapest = re.findall(r'<span lang="en">([^<]*)</span>( <small class="unverified")?', entry)
    assert un == (
        "expedited preservation · expedited preservation of stored electronic data",
        ' <small class="unverified"',
    )
    assert budapest == ("expedited preservation · expedited preservation of stored computer data", "")
    assert "(unverified)" in entry and "In the English texts:" in entry
    checked = block(client.get("/en/glossary/?q=computer+system").content.decode(), "entry-computer-system")
    assert "information and communications technology system" in checked and "unverified" not in checked
    french = client.get("/glossary/?q=traffic+data").content.decode()
    assert "Dans les textes anglais :" in french and 'id="entry-traffic-data"' in french
