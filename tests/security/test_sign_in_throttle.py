"""Sign-in attempts are throttled (django-axes): five failures for one
username from one address lock that pair out, even with the right password,
and the page says so; a successful sign-in resets the count."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide"  # the curator fixture's
LOCKED = "Trop de tentatives de connexion infructueuses"


def sign_in(client, password: str, username: str = "curatrice", address: str = "/accounts/login/", **extra):
    return client.post(address, {"username": username, "password": password}, **extra)


def test_five_failures_lock_the_right_password_out(client, curator):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = sign_in(client, "mauvais")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    # The fifth failure reaches the limit: the lockout page replaces the form's error.
    assert sign_in(client, "mauvais").status_code == 429
    response = sign_in(client, PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in page and "15 minutes" in page
    assert '<form method="post" action="/accounts/login/"' in page and 'value="curatrice"' in page
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_for_the_username_from_that_address_only(client, curator, django_user_model):
    for _ in range(5):
        sign_in(client, "mauvais", REMOTE_ADDR="203.0.113.7")
    assert sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    # The same curator from another address, and another user from the first, may sign in.
    assert sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302
    client.logout()
    django_user_model.objects.create_user("autre", password=PASSWORD)
    assert sign_in(client, PASSWORD, username="autre", REMOTE_ADDR="203.0.113.7").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, curator):
    for _ in range(4):
        sign_in(client, "mauvais")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "mauvais").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, curator):
    for _ in range(5):
        sign_in(client, "mauvais", address="/admin/login/")
    response = sign_in(client, PASSWORD, address="/admin/login/")
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_force_login_and_the_test_clients_login_still_work(client, curator, rf):
    # force_login bypasses authentication backends entirely.
    client.force_login(curator)
    assert client.get("/concordance/correspondences/new/").status_code == 200
    client.logout()
    # Client.login authenticates without a request, which the axes backend
    # refuses; passing one (any request) makes it count the attempt as usual.
    assert client.login(request=rf.post("/accounts/login/"), username="curatrice", password=PASSWORD)
    assert client.get("/concordance/correspondences/new/").status_code == 200


# --- behind a proxy (D12) ----------------------------------------------------

PROXY = "127.0.0.1"


def lock_out_from(client, forwarded: str) -> None:
    for _ in range(5):
        sign_in(client, "mauvais", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_a_trusted_proxy_the_lockout_is_for_the_client_s_address(client, curator, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    lock_out_from(client, "203.0.113.7")
    assert sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # Another visitor through the same proxy still signs in.
    assert sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_behind_a_trusted_proxy_a_forged_first_entry_changes_nothing(client, curator, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    # The proxy appends what it saw; what the client wrote before it is not believed.
    lock_out_from(client, "10.9.9.9, 203.0.113.7")
    response = sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.7")
    assert response.status_code == 429


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, curator, settings):
    settings.TRUST_X_FORWARDED_FOR = False
    lock_out_from(client, "203.0.113.7")
    # Forging the header does not escape the lockout of the real address.
    assert sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_by_default_x_forwarded_for_is_not_trusted():
    assert settings.TRUST_X_FORWARDED_FOR is False
