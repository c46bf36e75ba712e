"""Whole anonymous responses from the cache, validators, 304s, and curators kept apart."""

from __future__ import annotations

import gzip
import json

import pytest
from django.test import Client

from concordance.mapping import curation
from concordance.mapping.models import Correspondence
from concordance.versioning import versions

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/un/art-25/",
    "/concordance/?from=un&chapter=chp_4",
    "/compare/un/art_25/budapest/art_16/",
    "/api/concordance/",
    "/concordance.csv",
]


def text_of(response) -> str:
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8-sig")


@pytest.mark.parametrize("path", PAGES)
def test_an_anonymous_page_is_public_validated_compressed_and_never_varies_on_the_cookie(reader, path):
    response = reader.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Last-Modified"].endswith("GMT")
    assert response["Content-Encoding"] == "gzip"
    assert int(response["Content-Length"]) == len(response.content)
    vary = [part.strip().lower() for part in response["Vary"].split(",")]
    assert "cookie" not in vary
    assert {"accept-encoding", "hx-request"} <= set(vary)
    assert not response.cookies


def test_a_cached_page_is_served_without_a_query_and_identical(reader, django_assert_num_queries):
    first = reader.get("/compare/un/art_25/budapest/art_16/")
    with django_assert_num_queries(0):
        again = reader.get("/compare/un/art_25/budapest/art_16/")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert "Pouvoirs" in text_of(again) or "conservation" in text_of(again)


def test_a_conditional_request_with_the_current_etag_is_answered_304_without_a_query(reader, django_assert_num_queries):
    first = reader.get("/concordance/")
    with django_assert_num_queries(0):
        again = reader.get("/concordance/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, no-cache"


def test_if_modified_since_the_last_modification_gets_304_and_an_older_date_gets_the_page(reader):
    first = reader.get("/glossary/")
    assert reader.get("/glossary/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    older = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert reader.get("/glossary/", HTTP_IF_MODIFIED_SINCE=older).status_code == 200


def test_an_etag_of_another_page_or_an_unknown_one_gets_the_whole_page(reader):
    other = reader.get("/glossary/")
    response = reader.get("/quantities/", HTTP_IF_NONE_MATCH=other["ETag"])
    assert response.status_code == 200
    assert reader.get("/quantities/", HTTP_IF_NONE_MATCH='"0123456789abcdef"').status_code == 200


def test_if_none_match_star_gets_304_only_for_a_page_that_exists(reader):
    reader.get("/glossary/")
    assert reader.get("/glossary/", HTTP_IF_NONE_MATCH="*").status_code == 304
    missing = reader.get("/un/art-999/", HTTP_IF_NONE_MATCH="*")
    assert missing.status_code == 404


def test_a_client_offering_no_compression_gets_the_same_page_uncompressed(reader):
    compressed = reader.get("/divergences/")
    plain = Client().get("/divergences/")
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(compressed.content)
    assert plain["ETag"] != compressed["ETag"], "each representation has its own strong ETag"


def test_brotli_is_served_when_the_client_offers_it(response_cache, db):
    brotli = pytest.importorskip("brotli")
    response = Client(HTTP_ACCEPT_ENCODING="gzip, br").get("/themes/procedural-powers/")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["ETag"].endswith('-br"')
    assert brotli.decompress(response.content).startswith(b"<!doctype html>")


def test_the_htmx_partial_and_the_page_are_cached_apart(reader):
    path = "/concordance/?from=un&chapter=chp_4&theme=&relation="
    page = text_of(reader.get(path))
    partial = text_of(reader.get(path, HTTP_HX_REQUEST="true"))
    assert page.startswith("<!doctype html>")
    assert not partial.startswith("<!doctype html>")
    assert text_of(reader.get(path)) == page


def test_head_answers_the_headers_of_the_cached_page_without_a_body(reader):
    page = reader.get("/glossary/")
    head = reader.head("/glossary/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == page["ETag"]
    assert head["Content-Length"] == page["Content-Length"]


def test_errors_are_not_cached(reader):
    assert reader.get("/un/art-999/").status_code == 404
    assert reader.get("/concordance/?relation=nonsense").status_code == 400
    response = reader.get("/un/art-999/")
    assert response.status_code == 404
    assert "ETag" not in response


PAIR = (("un", "art_25"), ("budapest", "art_16"))


def pairs_of(response) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    return {
        ((c["left"]["instrument"], c["left"]["eid"]), (c["right"]["instrument"], c["right"]["eid"]))
        for c in json.loads(text_of(response))["correspondences"]
    }


def test_a_curators_edit_changes_the_etag_and_the_page_on_the_next_request(
    reader, curator_client, django_capture_on_commit_callbacks
):
    correspondence = Correspondence.objects.curated().filter(left__eid="art_25", right__eid="art_16").first()
    assert correspondence is not None
    before = reader.get("/api/concordance/")
    assert PAIR in pairs_of(before)

    with django_capture_on_commit_callbacks(execute=True):
        # A deletion carries the version it was read at (mapping.curation: no lost update).
        version = curation.version_of(curation.latest_record(correspondence.pk))
        response = curator_client.post(
            f"/concordance/correspondences/{correspondence.pk}/delete/", {"version": version}
        )
    assert response.status_code == 302

    revalidated = reader.get("/api/concordance/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert revalidated.status_code == 200
    assert revalidated["ETag"] != before["ETag"]
    assert PAIR not in pairs_of(revalidated)


def test_a_signed_in_curator_is_never_served_from_nor_stored_in_the_cache(reader, curator_client):
    anonymous = text_of(reader.get("/concordance/"))
    assert "curatrice" not in anonymous
    response = curator_client.get("/concordance/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "curatrice" in text_of(response)
    assert response["ETag"].startswith('"')
    # What the curator saw (their name, the editing links) is not what the next reader gets.
    assert "curatrice" not in text_of(reader.get("/concordance/"))


def test_a_page_with_a_csrf_token_is_private_and_not_stored(reader):
    response = reader.get("/accounts/login/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "csrfmiddlewaretoken" in text_of(response)
    again = reader.get("/accounts/login/")
    assert again["Cache-Control"] == "private, no-store"


def test_a_page_with_a_csrf_token_stays_private_for_a_reader_who_already_has_the_cookie(reader):
    reader.get("/accounts/login/")
    assert "csrftoken" in reader.cookies
    response = reader.get("/accounts/login/")
    assert response["Cache-Control"] == "private, no-store"
    # The token cookie alone is no session: other pages are still shared.
    assert reader.get("/glossary/")["Cache-Control"] == "public, no-cache"


def test_a_pending_message_keeps_the_page_out_of_the_cache(reader):
    reader.cookies["messages"] = "something"
    response = reader.get("/glossary/")
    assert response["Cache-Control"] == "private, no-store"


def test_the_published_version_follows_a_committed_write(db, django_capture_on_commit_callbacks):
    before = versions.published()
    with django_capture_on_commit_callbacks(execute=True):
        Correspondence.objects.filter(pk=Correspondence.objects.first().pk).update(note="changed")
    after = versions.published()
    assert after.token != before.token
    assert after.counter == before.counter + 1
