import html

import pytest

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db

NEW = {
    "left_instrument": "un",
    "left_provision": "7",
    "right_instrument": "budapest-p1",
    "right_provision": "2",  # P1 3 is recorded without counterpart in the UN Convention
    "relation": "related",
    "note": "Lien de test",
    "status": "proposed",
}


def version_read(client, page: str) -> str:
    """The version a curator's form carries: the one of the page it was read on."""
    return client.get(page).context["version"]


def test_anonymous_visitors_cannot_write(client):
    assert client.get("/concordance/correspondences/new/").status_code == 302
    response = client.post("/concordance/correspondences/new/", NEW)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Correspondence.objects.filter(note="Lien de test").exists()


def test_signed_in_non_curator_is_forbidden(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("lecteur", password="x-y-z-123456"))
    assert client.post("/concordance/correspondences/new/", NEW).status_code == 403


def test_curator_adds_a_correspondence(curator_client):
    response = curator_client.post("/concordance/correspondences/new/", NEW)
    created = Correspondence.objects.get(note="Lien de test")
    assert response.status_code == 302
    assert created.left.eid == "art_7" and created.right.edition.instrument.slug == "budapest-p1"
    assert created.origin == "curated"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"right_instrument": "un", "right_provision": "7"}, "right_provision", "elle-même"),
        ({"right_instrument": "un", "right_provision": "8"}, "right_provision", "deux instruments différents"),
        ({"right_instrument": "budapest", "right_provision": "999"}, "right_provision", "aucune disposition"),
        ({"left_provision": "abc"}, "left_provision", "aucune disposition"),
        (
            {"left_provision": "25", "right_instrument": "budapest", "right_provision": "16"},
            "right_provision",
            "existe déjà",
        ),
    ],
)
def test_invalid_links_are_refused_beside_the_field(curator_client, changes, field, message):
    before = Correspondence.objects.count()
    response = curator_client.post("/concordance/correspondences/new/", {**NEW, **changes})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert Correspondence.objects.count() == before


def test_csrf_is_enforced_on_writes(curator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    assert client.post("/concordance/correspondences/new/", NEW).status_code == 403


def test_edit_then_restore_the_earlier_version(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    original_note = correspondence.note
    form = {
        "left_instrument": "un",
        "left_provision": "art_25",
        "right_instrument": "budapest",
        "right_provision": "art_16",
        "relation": "partial",
        "note": "Note modifiée",
        "status": "proposed",
        "version": version_read(curator_client, f"/concordance/correspondences/{correspondence.pk}/"),
    }
    assert curator_client.post(f"/concordance/correspondences/{correspondence.pk}/", form).status_code == 302
    correspondence.refresh_from_db()
    assert (correspondence.relation, correspondence.note) == ("partial", "Note modifiée")

    page = html.unescape(
        curator_client.get(f"/concordance/correspondences/{correspondence.pk}/history/").content.decode()
    )
    assert "Note modifiée" in page and original_note in page
    first = correspondence.history.order_by("history_date").first()
    curator_client.post(
        f"/concordance/correspondences/{correspondence.pk}/history/{first.history_id}/restore/",
        {"version": version_read(curator_client, f"/concordance/correspondences/{correspondence.pk}/history/")},
    )
    correspondence.refresh_from_db()
    assert (correspondence.relation, correspondence.note) == ("equivalent", original_note)
    assert correspondence.history.first().history_user.username == "curatrice"


def test_a_deleted_correspondence_can_be_restored(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_42", right__eid="art_29")
    pk, themes = correspondence.pk, set(correspondence.themes.values_list("slug", flat=True))
    version = version_read(curator_client, f"/concordance/correspondences/{pk}/delete/")
    assert curator_client.post(f"/concordance/correspondences/{pk}/delete/", {"version": version}).status_code == 302
    assert not Correspondence.objects.filter(pk=pk).exists()
    assert f"/concordance/correspondences/{pk}/history/" in curator_client.get("/concordance/deleted/").content.decode()
    deletion = Correspondence.history.filter(id=pk, history_type="-").get()
    curator_client.post(
        f"/concordance/correspondences/{pk}/history/{deletion.history_id}/restore/",
        {"version": version_read(curator_client, f"/concordance/correspondences/{pk}/history/")},
    )
    restored = Correspondence.objects.get(pk=pk)
    assert set(restored.themes.values_list("slug", flat=True)) == themes


def test_anonymous_cannot_restore(client):
    correspondence = Correspondence.objects.first()
    record = correspondence.history.first()
    response = client.post(f"/concordance/correspondences/{correspondence.pk}/history/{record.history_id}/restore/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_history_of_an_unknown_correspondence_is_404(client):
    assert client.get("/concordance/correspondences/999999/history/").status_code == 404


def test_a_note_with_html_is_shown_as_text(curator_client, client):
    curator_client.post("/concordance/correspondences/new/", {**NEW, "note": "<script>alert(1)</script>"})
    page = client.get("/concordance/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_restoring_refuses_a_link_that_now_exists_the_other_way_round(curator_client):
    from concordance.corpus.models import Provision

    # (Not UN 15, which is recorded without counterpart in Budapest: the database now refuses linking it there.)
    un25 = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_25")
    b9 = Provision.objects.get(edition__instrument__slug="budapest", edition__is_primary=True, eid="art_9")
    first = Correspondence.objects.create(left=un25, right=b9, relation="related", origin="curated")
    pk = first.pk
    first.delete()
    Correspondence.objects.create(left=b9, right=un25, relation="related", origin="curated")
    deletion = Correspondence.history.filter(id=pk, history_type="-").get()
    response = curator_client.post(
        f"/concordance/correspondences/{pk}/history/{deletion.history_id}/restore/",
        {"version": version_read(curator_client, f"/concordance/correspondences/{pk}/history/")},
        follow=True,
    )
    assert "relie déjà ces deux dispositions" in html.unescape(response.content.decode())
    assert not Correspondence.objects.filter(pk=pk).exists()
    assert Correspondence.objects.filter(left__in=[un25, b9], right__in=[un25, b9]).count() == 1


def test_a_link_for_an_article_recorded_without_counterpart_is_refused_beside_the_field(curator_client):
    # UN 16 is recorded without counterpart in Budapest.
    before = Correspondence.objects.count()
    response = curator_client.post(
        "/concordance/correspondences/new/",
        {**NEW, "left_provision": "16", "right_instrument": "budapest", "right_provision": "9"},
    )
    assert response.status_code == 200
    message = response.context["form"].errors["left_provision"][0]
    assert "sans équivalent" in message and "retirez d'abord" in message
    assert Correspondence.objects.count() == before
    page = response.content.decode()
    assert 'aria-describedby="id_left_provision_helptext id_left_provision_error"' in page
    assert 'id="id_left_provision_error"' in page


def test_a_link_to_another_instrument_is_still_accepted(curator_client):
    # UN 16 has no Budapest counterpart; a Protocol link says nothing about that.
    response = curator_client.post(
        "/concordance/correspondences/new/", {**NEW, "left_provision": "16", "right_provision": "2"}
    )
    assert response.status_code == 302


def test_recording_without_counterpart_an_article_that_has_one_is_refused():
    from django.core.exceptions import ValidationError

    from concordance.corpus.models import Instrument, Provision
    from concordance.mapping.models import MissingCounterpart

    un25 = Provision.objects.get(edition__instrument__slug="un", edition__is_primary=True, eid="art_25")
    record = MissingCounterpart(article=un25, other_instrument=Instrument.objects.get(slug="budapest"), reason="x")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "supprimez-la" in error.value.message_dict["other_instrument"][0]
    record.other_instrument = Instrument.objects.get(slug="un")
    with pytest.raises(ValidationError):
        record.full_clean()


def test_paragraph_links_have_curator_links_in_the_table(curator_client):
    from django.test import Client

    paragraph = Correspondence.objects.get(left__eid="art_25__para_2", right__eid="art_16__para_2")
    edit = f'href="/concordance/correspondences/{paragraph.pk}/"'
    history = f'href="/concordance/correspondences/{paragraph.pk}/history/"'
    page = curator_client.get("/concordance/").content.decode()
    assert edit in page and history in page
    anonymous = Client().get("/concordance/").content.decode()
    assert edit not in anonymous


def test_filter_errors_are_tied_to_their_field(client):
    page = client.get("/concordance/?relation=pareil").content.decode()
    assert 'aria-describedby="id_relation_error"' in page and 'id="id_relation_error"' in page
