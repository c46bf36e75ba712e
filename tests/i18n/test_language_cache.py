"""The whole-response cache keeps each language's page apart (issue 18 §1)."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils import translation

from concordance.versioning import versions
from concordance.versioning.middleware import ResponseCache

PAGES = ["/", "/concordance/?from=un&chapter=chp_2", "/compare/un/art_25/budapest/art_16/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_the_two_languages_never_serve_each_others_cached_bytes(reader, path, django_assert_num_queries):
    french, english = reader.get(path), reader.get("/en" + path)
    assert french["ETag"] != english["ETag"]
    assert b'<html lang="fr"' in french.content and b'<html lang="en"' in english.content
    # Now both are stored: each is served from the cache, without a query, in its own language.
    with django_assert_num_queries(0):
        french_again, english_again = reader.get(path), reader.get("/en" + path)
    assert french_again.content == french.content and french_again["ETag"] == french["ETag"]
    assert english_again.content == english.content and english_again["ETag"] == english["ETag"]
    assert french_again["Content-Language"] == "fr" and english_again["Content-Language"] == "en"


@pytest.mark.django_db
def test_an_etag_of_one_language_does_not_validate_the_other(reader):
    french = reader.get("/concordance/")
    english = reader.get("/en/concordance/", HTTP_IF_NONE_MATCH=french["ETag"])
    assert english.status_code == 200 and b'<html lang="en"' in english.content
    assert reader.get("/concordance/", HTTP_IF_NONE_MATCH=french["ETag"]).status_code == 304


def test_the_cache_key_names_the_language_of_the_address_not_of_the_thread():
    """A language left active by another request must not decide which page is served."""
    factory = RequestFactory()
    version = versions.Version(counter=1, token="t", changed_at=datetime.datetime(2026, 12, 6, tzinfo=datetime.UTC))
    with translation.override("en"):
        french = ResponseCache.validator(factory.get("/glossary/"), version)
    with translation.override("fr"):
        french_again = ResponseCache.validator(factory.get("/glossary/"), version)
        english = ResponseCache.validator(factory.get("/en/glossary/"), version)
    assert french == french_again != english
