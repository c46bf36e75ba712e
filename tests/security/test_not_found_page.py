"""A bad address is a 404 that looks like the site and says where to go."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
@pytest.mark.parametrize("path", ["/nowhere/", "/un/art-999/", "/compare/un/art_25/budapest/art_999/"])
def test_a_bad_address_gets_the_sites_not_found_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Page introuvable</h1>" in page
    assert f"<code>{path}</code>" in page
    # The site's own navigation, so the reader is not stranded.
    assert 'aria-label="Navigation principale"' in page
    assert 'href="/concordance/"' in page


@override_settings(DEBUG=False)
def test_the_requested_address_is_shown_escaped(client):
    response = client.get("/<script>alert(1)</script>/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<h1>Page introuvable</h1>" in page
    shown = page[page.index("<code>") + 6 : page.index("</code>")]
    assert "<" not in shown and "script" in shown
