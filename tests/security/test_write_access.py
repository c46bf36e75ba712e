"""Who can write, and what a curator's text can do once written.

- A curator's note is text: HTML in it is shown, never interpreted, on every
  page that shows notes.
- Every POST needs the CSRF token, even from a signed-in curator.
- Anonymous visitors write nothing: not through the pages, not through the
  admin, not through the API (which is read-only).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client

from concordance.corpus.models import Provision
from concordance.mapping.models import Correspondence
from tests.security.urlwalk import SCRIPT, body, distinct_routes

pytestmark = pytest.mark.django_db

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
NOTE = {
    "left_instrument": "un",
    "left_provision": "7",
    "right_instrument": "budapest-p1",
    "right_provision": "2",  # P1 3 is recorded without counterpart in the UN Convention
    "relation": "related",
    "note": f"Voir {SCRIPT} et <b>gras</b>",
    "status": "proposed",
}


@pytest.fixture
def note_with_html(curator_client):
    response = curator_client.post("/concordance/correspondences/new/", NOTE)
    assert response.status_code == 302, response.content.decode()[:500]
    return Correspondence.objects.get(note=NOTE["note"])


def test_a_note_with_html_is_text_on_the_article_page(note_with_html, client):
    for address in ("/un/art-7/", "/budapest-p1/art-2/"):
        page = client.get(address).content.decode()
        assert SCRIPT not in page and "<b>gras</b>" not in page
        assert f"Voir {ESCAPED} et &lt;b&gt;gras&lt;/b&gt;" in page, address


def test_a_note_with_html_is_text_on_the_comparison_page(note_with_html, client):
    page = client.get("/compare/un/art_7/budapest-p1/art_2/").content.decode()
    assert SCRIPT not in page and "<b>gras</b>" not in page
    assert f"Voir {ESCAPED} et &lt;b&gt;gras&lt;/b&gt;" in page


def test_a_note_with_html_is_text_in_the_history(note_with_html, client):
    page = client.get(f"/concordance/correspondences/{note_with_html.pk}/history/").content.decode()
    assert SCRIPT not in page and ESCAPED in page


def test_a_note_with_html_is_data_in_the_csv_and_the_api(note_with_html, client):
    # Not HTML documents: the note is kept as written, and the content type
    # (with nosniff) stops a browser from reading it as HTML.
    export = client.get("/concordance.csv")
    assert export["Content-Type"].startswith("text/csv") and export["X-Content-Type-Options"] == "nosniff"
    assert SCRIPT in body(export).decode()
    api = client.get("/api/concordance/")
    assert api["Content-Type"].startswith("application/json") and api["X-Content-Type-Options"] == "nosniff"
    notes = [c["note"] for c in api.json()["correspondences"]]
    assert NOTE["note"] in notes


ROUTES = distinct_routes()
OUR_ROUTES = [route for route in ROUTES if route.ours]


def values_for(route, correspondence: Correspondence) -> dict[str, str]:
    record = correspondence.history.order_by("history_id").first()
    known = {
        "pk": str(correspondence.pk),
        "history_id": str(record.history_id),
        "slug": "budapest",
        "number": "2",
        "left_slug": "un",
        "left_eid": "art_7",
        "right_slug": "budapest-p1",
        "right_eid": "art_3",
        "eid": "art_2",
    }
    return {name: known[name] for name in route.parameters}


def existing_correspondence() -> Correspondence:
    return Correspondence.objects.order_by("pk").first()


def row_counts() -> dict[str, int]:
    """How many rows every table of the project holds."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_every_post_needs_the_csrf_token_even_from_a_curator(curator):
    """Every page of the project, posted to by a signed-in curator without the
    token, answers 403 and changes nothing."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    correspondence = existing_correspondence()
    before = (Correspondence.objects.count(), Correspondence.history.count())
    refused = []
    for route in OUR_ROUTES:
        address = route.url(values_for(route, correspondence))
        status = client.post(address, {**NOTE, "note": "sans jeton"}).status_code
        if status != 403:
            refused.append(f"{status} for POST {address}")
    assert not refused, "\n".join(refused)
    assert (Correspondence.objects.count(), Correspondence.history.count()) == before
    # The same client, with the token, may write: the 403 was the token's doing.
    form = client.get("/concordance/correspondences/new/")
    token = form.cookies["csrftoken"].value
    response = client.post("/concordance/correspondences/new/", {**NOTE, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_signing_in_and_out_need_the_csrf_token(curator):
    client = Client(enforce_csrf_checks=True)
    assert (
        client.post("/accounts/login/", {"username": "curatrice", "password": "un-mot-de-passe-solide"}).status_code
        == 403
    )
    assert (
        client.post("/admin/login/", {"username": "curatrice", "password": "un-mot-de-passe-solide"}).status_code == 403
    )
    client.force_login(curator)
    assert client.post("/accounts/logout/").status_code == 403


CURATORS_ONLY = {
    "correspondence-new",
    "correspondence-edit",
    "correspondence-accept",
    "correspondence-delete",
    "correspondence-restore",
}


def test_anonymous_visitors_write_nothing_through_the_pages(client):
    """Every page, posted to anonymously (the test client skips the CSRF
    check, so only the permission is tested): the pages for curators send the
    visitor to sign in, the others write nothing; no table changes."""
    correspondence = existing_correspondence()
    before = row_counts()
    wrong = []
    for route in OUR_ROUTES:
        address = route.url(values_for(route, correspondence))
        response = client.post(address, {**NOTE, "note": "anonyme"})
        if response.status_code >= 500:
            wrong.append(f"{response.status_code} for POST {address}")
        sent_to_sign_in = response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        if route.name in CURATORS_ONLY and not sent_to_sign_in:
            wrong.append(f"{response.status_code} for POST {address}: expected a redirect to sign in")
    assert not wrong, "\n".join(wrong)
    assert row_counts() == before


@pytest.mark.parametrize(
    "address",
    ["/admin/", "/admin/mapping/correspondence/", "/admin/mapping/correspondence/add/", "/admin/auth/user/"],
)
def test_the_admin_sends_anonymous_visitors_to_sign_in(client, address):
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_posts_to_the_admin_change_nothing(client, django_user_model):
    users = django_user_model.objects.count()
    for address in ("/admin/auth/user/add/", "/admin/mapping/correspondence/add/"):
        response = client.post(address, {"username": "intrus", "password1": "x" * 20, "password2": "x" * 20})
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert django_user_model.objects.count() == users


def test_a_curator_writes_in_the_admin_only_what_their_permissions_allow(curator_client, django_user_model):
    # Curators are staff (manage.py createcurator): the admin opens for the
    # concordance, but users and the corpus stay out of their reach.
    assert curator_client.get("/admin/mapping/correspondence/").status_code == 200
    users = django_user_model.objects.count()
    assert curator_client.get("/admin/auth/user/").status_code == 403
    response = curator_client.post(
        "/admin/auth/user/add/", {"username": "intrus", "password1": "x" * 20, "password2": "x" * 20}
    )
    assert response.status_code == 403
    assert django_user_model.objects.count() == users
    provision = Provision.objects.order_by("pk").first()
    assert curator_client.post(f"/admin/corpus/provision/{provision.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Provision.objects.filter(pk=provision.pk).exists()
    assert curator_client.get("/admin/corpus/provision/add/").status_code == 403


API_ROUTES = [route for route in ROUTES if route.template.startswith("api/")]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, curator_client_factory, method):
    """Every API path, for an anonymous visitor and a curator: never a 2xx
    nor a 3xx to a write; 405 (or 403/404)."""
    values = {"slug": "un"}
    curator = curator_client_factory()
    written = []
    for route in API_ROUTES:
        address = route.url({name: values.get(name, "x") for name in route.parameters})
        for who, visitor in (("anonymous", client), ("curator", curator)):
            response = getattr(visitor, method)(address, data="{}", content_type="application/json")
            if response.status_code not in {403, 404, 405}:
                written.append(f"{response.status_code} for {who} {method.upper()} {address}")
    assert len(API_ROUTES) >= 4
    assert not written, "\n".join(written)
