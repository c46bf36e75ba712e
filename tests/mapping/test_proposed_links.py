"""A correspondence saved as a proposal is shown as one wherever its relation badge is
(review of 6 December 2026, finding 8: UN 4 ↔ Protocol 3 was "proposed" and read like a reviewed link)."""

import pytest

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "left_instrument": "un",
    "left_provision": "7",
    "right_instrument": "budapest-p1",
    "right_provision": "2",
    "relation": "related",
    "note": "Piste à vérifier",
    "status": "proposed",
}
MARK = "proposition non vérifiée"


def test_a_proposal_is_marked_on_every_page_that_shows_its_relation(client, curator_client):
    assert curator_client.post("/concordance/correspondences/new/", PROPOSAL).status_code == 302
    for page in ("/un/art-7/", "/compare/un/art_7/budapest-p1/art_2/", "/concordance/?from=budapest-p1"):
        assert MARK in client.get(page).content.decode(), page


def test_reviewed_links_carry_no_proposal_mark(client):
    for page in ("/un/art-7/", "/compare/un/art_25/budapest/art_16/", "/concordance/", "/themes/offences/"):
        assert MARK not in client.get(page).content.decode(), page
