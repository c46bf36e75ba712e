"""Two curators at work on the same correspondence: nobody's save is lost (review D1, D7, D15)."""

import html
import re

import pytest

from concordance.mapping.models import Correspondence
from tests.mapping.curating import edit_url, opened_form

pytestmark = pytest.mark.django_db


def pair(left: str = "art_25", right: str = "art_16") -> Correspondence:
    return Correspondence.objects.get(left__eid=left, right__eid=right)


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_a_stale_edit_is_refused_with_what_changed_and_the_typed_text_kept(curator_client, second_curator):
    correspondence = pair()
    seen_by_a = opened_form(curator_client, correspondence)
    seen_by_b = opened_form(second_curator, correspondence)

    assert curator_client.post(edit_url(correspondence), {**seen_by_a, "note": "Note de A"}).status_code == 302
    response = second_curator.post(edit_url(correspondence), {**seen_by_b, "relation": "partial", "note": "Note de B"})

    assert response.status_code == 409
    correspondence.refresh_from_db()
    assert (correspondence.note, correspondence.relation) == ("Note de A", "equivalent")
    text = page(response)
    assert "depuis que vous l'avez ouverte" in text and "par curatrice" in text
    assert re.search(r"note : <del>.*</del> → <ins>Note de A</ins>", text)
    assert re.search(r">\s*Note de B</textarea>", text)  # B's typed text is still in the form
    assert "Réappliquer mes modifications" in text

    # One step: the form as shown, submitted again, applies B's values over A's version.
    again = {**seen_by_b, "relation": "partial", "note": "Note de B", "version": response.context["version"]}
    assert second_curator.post(edit_url(correspondence), again).status_code == 302
    correspondence.refresh_from_db()
    assert (correspondence.note, correspondence.relation) == ("Note de B", "partial")


def test_an_edit_without_the_version_it_was_read_at_is_refused(curator_client):
    correspondence = pair()
    form = opened_form(curator_client, correspondence)
    del form["version"]
    assert curator_client.post(edit_url(correspondence), {**form, "note": "Sans version"}).status_code == 409
    correspondence.refresh_from_db()
    assert correspondence.note != "Sans version"


def test_a_form_opened_before_a_restore_cannot_undo_it(curator_client, second_curator):
    correspondence = pair()
    first = correspondence.history.order_by("history_date").first()
    form = opened_form(curator_client, correspondence)
    assert curator_client.post(edit_url(correspondence), {**form, "note": "Première retouche"}).status_code == 302

    stale_form = opened_form(curator_client, correspondence)
    history = second_curator.get(f"/concordance/correspondences/{correspondence.pk}/history/")
    version = history.context["version"]
    restore = f"/concordance/correspondences/{correspondence.pk}/history/{first.history_id}/restore/"
    assert second_curator.post(restore, {"version": version}).status_code == 302
    correspondence.refresh_from_db()
    restored_note = correspondence.note
    assert restored_note != "Première retouche"

    response = curator_client.post(edit_url(correspondence), {**stale_form, "relation": "related"})
    assert response.status_code == 409
    correspondence.refresh_from_db()
    assert (correspondence.note, correspondence.relation) == (restored_note, "equivalent")


def test_a_stale_restore_is_refused(curator_client, second_curator):
    correspondence = pair()
    first = correspondence.history.order_by("history_date").first()
    version = curator_client.get(f"/concordance/correspondences/{correspondence.pk}/history/").context["version"]
    form = opened_form(second_curator, correspondence)
    assert second_curator.post(edit_url(correspondence), {**form, "note": "Retouche de B"}).status_code == 302

    restore = f"/concordance/correspondences/{correspondence.pk}/history/{first.history_id}/restore/"
    response = curator_client.post(restore, {"version": version})
    assert response.status_code == 409
    assert "rien n'a été restauré" in page(response) and "Retouche de B" in page(response)
    correspondence.refresh_from_db()
    assert correspondence.note == "Retouche de B"
    # The page shown carries the current version: restoring again from it works.
    assert curator_client.post(restore, {"version": response.context["version"]}).status_code == 302
    correspondence.refresh_from_db()
    assert correspondence.note != "Retouche de B"


def test_a_stale_delete_is_refused(curator_client, second_curator):
    correspondence = pair()
    confirm = curator_client.get(f"/concordance/correspondences/{correspondence.pk}/delete/")
    version = confirm.context["version"]
    form = opened_form(second_curator, correspondence)
    assert second_curator.post(edit_url(correspondence), {**form, "note": "Retouche de B"}).status_code == 302

    delete = f"/concordance/correspondences/{correspondence.pk}/delete/"
    response = curator_client.post(delete, {"version": version})
    assert response.status_code == 409 and "Retouche de B" in page(response)
    assert Correspondence.objects.filter(pk=correspondence.pk).exists()
    assert curator_client.post(delete, {"version": response.context["version"]}).status_code == 302
    assert not Correspondence.objects.filter(pk=correspondence.pk).exists()


def test_editing_a_correspondence_deleted_meanwhile_says_so_and_links_its_history(curator_client, second_curator):
    correspondence = pair("art_42", "art_29")
    form = opened_form(curator_client, correspondence)
    version = second_curator.get(f"/concordance/correspondences/{correspondence.pk}/delete/").context["version"]
    second_curator.post(f"/concordance/correspondences/{correspondence.pk}/delete/", {"version": version})

    response = curator_client.post(edit_url(correspondence), {**form, "note": "Ma note tapée"})
    assert response.status_code == 409
    text = page(response)
    assert "a été supprimée" in text and "Ma note tapée" in text
    assert f'href="/concordance/correspondences/{correspondence.pk}/history/"' in text
    opened = curator_client.get(edit_url(correspondence))
    assert opened.status_code == 410 and "a été supprimée" in page(opened)
    assert curator_client.get("/concordance/correspondences/999999/").status_code == 404


@pytest.mark.parametrize("version", ["9" * 30, "-1", "abc", "1e3", " "])
def test_a_malformed_version_is_a_stale_one(curator_client, version):
    correspondence = pair()
    form = opened_form(curator_client, correspondence)
    assert curator_client.post(edit_url(correspondence), {**form, "note": "x", "version": version}).status_code == 409
    delete = f"/concordance/correspondences/{correspondence.pk}/delete/"
    assert curator_client.post(delete, {"version": version}).status_code == 409
    first = correspondence.history.order_by("history_date").first()
    restore = f"/concordance/correspondences/{correspondence.pk}/history/{first.history_id}/restore/"
    assert curator_client.post(restore, {"version": version}).status_code == 409
    correspondence.refresh_from_db()
    assert correspondence.note != "x"


def test_reapplying_keeps_the_other_curators_changes_to_fields_left_alone(curator_client, second_curator):
    correspondence = pair()
    seen_by_a = opened_form(curator_client, correspondence)
    seen_by_b = opened_form(second_curator, correspondence)
    assert curator_client.post(edit_url(correspondence), {**seen_by_a, "relation": "partial"}).status_code == 302

    response = second_curator.post(edit_url(correspondence), {**seen_by_b, "note": "Note de B"})
    assert response.status_code == 409
    shown = response.context["form"]
    assert (shown["relation"].value(), shown["note"].value()) == ("partial", "Note de B")

    as_shown = {name: shown[name].value() for name in shown.fields if name != "themes"}
    as_shown["themes"] = shown["themes"].value()
    as_shown["version"] = response.context["version"]
    assert second_curator.post(edit_url(correspondence), as_shown).status_code == 302
    correspondence.refresh_from_db()
    assert (correspondence.relation, correspondence.note) == ("partial", "Note de B")


def test_a_curator_checking_a_version_holds_the_correspondence_until_their_transaction_ends():
    """Two saves of one correspondence cannot both pass the version check: the second waits for the first."""
    import psycopg
    from django.db import connection, transaction

    from concordance.mapping import curation

    correspondence = pair()
    version = curation.version_of(curation.latest_record(correspondence.pk))
    with transaction.atomic():
        curation.check_version(correspondence.pk, version)
        params = connection.get_connection_params()
        params.pop("cursor_factory", None), params.pop("context", None)
        with psycopg.connect(**params, autocommit=True) as other_curator:
            taken = other_curator.execute(
                "SELECT pg_try_advisory_xact_lock(%s, %s)", [curation.LOCK_NAMESPACE, correspondence.pk]
            ).fetchone()[0]
            other = other_curator.execute(
                "SELECT pg_try_advisory_xact_lock(%s, %s)", [curation.LOCK_NAMESPACE, correspondence.pk + 1]
            ).fetchone()[0]
    assert (taken, other) == (False, True)
