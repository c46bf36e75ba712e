"""Pages rendered in English say what Python writes in English, at the cost of the French page.

An English page is asked for at its ``/en/`` address (the language comes from
the address alone: ``concordance.languages.LanguageFromAddress``).
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PAIR = "/compare/un/art_25/budapest/art_16/"


def address(url: str, language: str) -> str:
    return url if language == "fr" else f"/{language}{url}"


def text_of(client, url: str, language: str) -> str:
    response = client.get(address(url, language))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def queries_of(client, url: str, language: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(address(url, language))
    return len(queries)


def test_the_comparison_page_costs_the_same_queries_in_english(client) -> None:
    client.get(PAIR)  # warm the caches, as test_compare_page does
    assert queries_of(client, PAIR, "fr") == 11
    text_of(client, PAIR, "en")  # its rows are stored apart
    assert queries_of(client, PAIR, "en") == 11


def test_the_comparison_rows_are_cached_per_language(client) -> None:
    french = text_of(client, PAIR, "fr")
    english = text_of(client, PAIR, "en")
    assert "Convention de Budapest sur la cybercriminalité" in french
    assert "Budapest Convention" in english
    # The treaty text itself is the same French on both.
    words = "la conservation rapide de données électroniques spécifiées"
    assert words in french and words in english
    assert text_of(client, PAIR, "fr") == french
    html = client.get(address(PAIR, "en")).content.decode()
    # A terminology swap explained in English, the other text's words quoted in French.
    assert 'title="equivalent term: État partie"' in html or 'title="equivalent term: Partie"' in html


def test_the_quantities_page_in_english(client) -> None:
    text = text_of(client, "/quantities/", "en")
    assert "expedited preservation of data" in text
    assert "at most 90 days" in text
    assert "conservation rapide des données" in text_of(client, "/quantities/", "fr")
    assert queries_of(client, "/quantities/", "en") == queries_of(client, "/quantities/", "fr")


def test_the_editions_page_names_the_variant_classes_in_english(client) -> None:
    text = text_of(client, "/budapest/editions/", "en")
    assert "change of meaning" in text and "wording, same meaning" in text
    assert "para. 1" in text and "heading" in text and "Chapter I" in text
    french = text_of(client, "/budapest/editions/", "fr")
    assert "par. 1" in french and "intitulé" in french and "Chapitre I" in french
    assert "changement de sens" in text_of(client, "/budapest/editions/", "fr")


def test_what_cites_an_article_and_a_reference_preview_in_english(client) -> None:
    english = text_of(client, "/budapest/art-16/", "en")
    assert "Budapest Convention: Explanatory statement, § 12" in english
    assert "Convention de Budapest sur la cybercriminalité : Exposé des motifs, § 12" in text_of(
        client, "/budapest/art-16/", "fr"
    )
    preview = text_of(client, "/references/preview/budapest/art_16__para_1/", "en")
    assert "Budapest Convention, art. 16" in preview
