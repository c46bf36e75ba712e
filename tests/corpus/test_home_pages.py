"""The home page past one page of instruments: page links, a title filter, an htmx partial, in both languages."""

import datetime
import re

import pytest

from concordance.corpus.models import Instrument
from concordance.reading.instruments import PER_PAGE

pytestmark = pytest.mark.django_db

COPIES = PER_PAGE + 6  # with the three real instruments: two pages, the second of nine


@pytest.fixture
def many_instruments():
    Instrument.objects.bulk_create(
        Instrument(
            slug=f"copie-{n}",
            title=f"Copie {n} de la Convention",
            short_title=f"Copie {n}",
            short_title_en=f"Copy {n}",
            issuer="Conseil de l'Europe",
            adopted_at="Strasbourg",
            adopted_on=datetime.date(2001, 11, 23),
            position=100 + n,
        )
        for n in range(1, COPIES + 1)
    )


def cards(page: str) -> list[str]:
    return re.findall(r'<h2><a href="/(?:en/)?([a-z0-9-]+)/">', page)


def test_with_three_instruments_the_home_page_has_no_filter_nor_page_links(client):
    page = client.get("/").content.decode()
    assert cards(page) == ["un", "budapest", "budapest-p1"]
    assert 'class="filters"' not in page and "page-links" not in page


def test_the_instruments_come_a_page_at_a_time_the_real_ones_first(client, many_instruments):
    first = client.get("/").content.decode()
    assert cards(first)[:3] == ["un", "budapest", "budapest-p1"]
    assert len(cards(first)) == PER_PAGE
    assert 'href="?page=2"' in first and 'rel="next"' in first
    assert f"1–{PER_PAGE} sur {COPIES + 3}" in first
    second = client.get("/?page=2").content.decode()
    assert cards(second) == [f"copie-{n}" for n in range(PER_PAGE - 2, COPIES + 1)]
    assert client.get("/?page=3").status_code == 404
    response = client.get("/?page=abc")
    assert response.status_code == 400 and "Numéro de page invalide" in response.content.decode()


def test_the_title_filter_keeps_to_its_instruments_and_its_pages_keep_it(client, many_instruments):
    page = client.get("/?q=budapest").content.decode()
    assert cards(page) == ["budapest"]
    assert 'name="q"' in page and 'value="budapest"' in page
    copies = client.get("/?q=copie+2").content.decode()
    assert cards(copies) == ["copie-2", *(f"copie-{n}" for n in range(20, min(COPIES, 29) + 1))]
    none = client.get("/?q=introuvable").content.decode()
    assert cards(none) == [] and "Aucun instrument dont le titre contienne ces mots." in none
    assert 'href="?q=copie&amp;page=2"' in client.get("/?q=copie").content.decode()
    too_long = client.get("/?q=" + "x" * 201)
    assert too_long.status_code == 400 and "Filtre ignoré" in too_long.content.decode()


def test_htmx_swaps_the_list_alone(client, many_instruments):
    fragment = client.get("/?page=2", headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="instruments"')
    assert "<html" not in fragment and 'class="filters"' not in fragment
    assert 'hx-target="#instruments"' in fragment


def test_the_english_home_page_pages_in_english(client, many_instruments):
    page = client.get("/en/?page=2").content.decode()
    assert "Filter the instruments" in page and "Copy 30" in page
    assert cards(client.get("/en/?q=copy+3").content.decode())[0] == "copie-3"


def test_queries_do_not_grow_with_the_instruments(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/")
    Instrument.objects.bulk_create(
        Instrument(
            slug=f"autre-{n}",
            title=f"Autre {n}",
            short_title=f"Autre {n}",
            issuer="x",
            adopted_at="x",
            adopted_on=datetime.date(2001, 1, 1),
            position=200 + n,
        )
        for n in range(300)
    )
    for url in ("/", "/?page=13", "/?q=autre&page=2"):
        with django_assert_num_queries(2):
            assert client.get(url).status_code == 200
