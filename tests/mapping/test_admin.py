import pytest
from django.test import Client

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db


def test_curator_edits_correspondences_in_the_admin(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    assert curator_client.get("/admin/mapping/correspondence/").status_code == 200
    page = curator_client.get(f"/admin/mapping/correspondence/{correspondence.pk}/change/")
    assert page.status_code == 200
    assert curator_client.get(f"/admin/mapping/correspondence/{correspondence.pk}/history/").status_code == 200


def test_the_admin_refuses_a_link_inside_one_instrument(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    response = curator_client.post(
        f"/admin/mapping/correspondence/{correspondence.pk}/change/",
        {
            "left": correspondence.left_id,
            "right": correspondence.left.parent_id or correspondence.left_id,
            "relation": "equivalent",
            "note": "",
            "status": "reviewed",
            "origin": "curated",
        },
    )
    assert response.status_code == 200  # the form comes back with its error
    correspondence.refresh_from_db()
    assert correspondence.right.eid == "art_16"


def test_anonymous_visitors_are_sent_to_the_admin_login():
    response = Client().get("/admin/mapping/correspondence/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
