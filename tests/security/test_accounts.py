"""Accounts: signing in and out, nothing that needs mail.

The site sends no mail, so a password-reset page would promise a message that
never comes (Django's default SMTP backend fails, quietly for the visitor).
Curators' accounts are made with `manage.py createcurator`.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

RESET_PAGES = [
    "/accounts/password_reset/",
    "/accounts/password_reset/done/",
    "/accounts/reset/MQ/set-password/",
    "/accounts/reset/done/",
    "/accounts/password_change/",
    "/accounts/password_change/done/",
]


@pytest.mark.parametrize("address", RESET_PAGES)
def test_there_is_no_password_reset_page(client, address):
    assert client.get(address).status_code == 404
    assert client.post(address, {"email": "curatrice@example.org"}).status_code == 404


def test_the_sign_in_page_says_how_accounts_are_made_and_has_no_reset_link(client):
    page = client.get("/accounts/login/").content.decode()
    assert "manage.py createcurator" in page and "manage.py changepassword" in page
    assert "password_reset" not in page
    assert "password_reset" not in client.get("/admin/login/").content.decode()


def test_a_signed_in_curator_changes_their_password_in_the_admin(curator_client, curator):
    assert curator_client.get("/admin/password_change/").status_code == 200
    response = curator_client.post(
        "/admin/password_change/",
        {
            "old_password": "un-mot-de-passe-solide",
            "new_password1": "encore-plus-solide-42",
            "new_password2": "encore-plus-solide-42",
        },
    )
    assert response.status_code == 302
    curator.refresh_from_db()
    assert curator.check_password("encore-plus-solide-42")


def test_signing_in_and_out_still_work(client, curator):
    response = client.post("/accounts/login/", {"username": "curatrice", "password": "un-mot-de-passe-solide"})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
