"""The history says what curators did, once per change, in the site's time zone, without their names to strangers
(review D7, D11, D15)."""

import html

import pytest
from django.test import Client
from django.utils import timezone

from concordance.mapping.models import Correspondence, Theme

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


def edit_form(client, correspondence: Correspondence, **changes) -> dict:
    response = client.get(f"/concordance/correspondences/{correspondence.pk}/")
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if name != "themes"}
    data["themes"] = [theme.pk for theme in form.initial["themes"]]
    data["version"] = response.context.get("version") or ""
    return {**data, **changes}


@pytest.mark.parametrize("reversed_pair", [False, True])
def test_the_loser_of_a_race_to_create_a_pair_gets_the_form_error(curator_client, monkeypatch, reversed_pair):
    """Another curator's identical pair is committed between this form's validation and its save."""
    from concordance.mapping import forms

    validate = forms.CorrespondenceForm.clean

    def validated_then_another_curator_saves(self):
        cleaned = validate(self)
        if not self.errors:
            left, right = (cleaned["right"], cleaned["left"]) if reversed_pair else (cleaned["left"], cleaned["right"])
            Correspondence.objects.create(left=left, right=right, relation="related", note="L'autre curateur")
        return cleaned

    monkeypatch.setattr(forms.CorrespondenceForm, "clean", validated_then_another_curator_saves)
    response = curator_client.post("/concordance/correspondences/new/", NEW)
    assert response.status_code == 200
    assert "existe déjà" in response.context["form"].errors["right_provision"][0]
    assert 'value="Lien de test"' in response.content.decode() or "Lien de test</textarea>" in response.content.decode()
    assert not Correspondence.objects.filter(note="Lien de test").exists()
    assert Correspondence.objects.filter(note="L'autre curateur").count() == 1


def test_creating_with_themes_writes_one_record_holding_them(curator_client):
    themes = list(Theme.objects.order_by("pk")[:2])
    curator_client.post("/concordance/correspondences/new/", {**NEW, "themes": [t.pk for t in themes]})
    created = Correspondence.objects.get(note="Lien de test")
    records = list(created.history.all())
    assert [r.history_type for r in records] == ["+"]
    assert {row.theme_id for row in records[0].themes.all()} == {t.pk for t in themes}


def test_an_edit_of_fields_and_themes_writes_one_record(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    before = correspondence.history.count()
    other_theme = Theme.objects.exclude(pk__in=correspondence.themes.all()).first()
    form = edit_form(curator_client, correspondence, note="Note et thème")
    form["themes"] = form["themes"] + [other_theme.pk]
    assert curator_client.post(f"/concordance/correspondences/{correspondence.pk}/", form).status_code == 302
    assert correspondence.history.count() == before + 1
    latest = correspondence.history.first()
    assert latest.note == "Note et thème"
    assert other_theme.pk in {row.theme_id for row in latest.themes.all()}
    page = html.unescape(
        curator_client.get(f"/concordance/correspondences/{correspondence.pk}/history/").content.decode()
    )
    assert other_theme.name in page


def test_a_save_that_changes_nothing_writes_no_record(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    before = correspondence.history.count()
    response = curator_client.post(
        f"/concordance/correspondences/{correspondence.pk}/", edit_form(curator_client, correspondence), follow=True
    )
    assert response.status_code == 200
    assert correspondence.history.count() == before
    assert "Aucune modification" in html.unescape(response.content.decode())


def test_the_restore_message_gives_the_time_of_the_history_page(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    curator_client.post(
        f"/concordance/correspondences/{correspondence.pk}/", edit_form(curator_client, correspondence, note="x")
    )
    first = correspondence.history.order_by("history_date").first()
    history = f"/concordance/correspondences/{correspondence.pk}/history/"
    response = curator_client.post(
        f"{history}{first.history_id}/restore/",
        {"version": curator_client.get(history).context.get("version") or ""},
        follow=True,
    )
    paris = timezone.localtime(first.history_date, timezone.get_default_timezone())
    assert str(timezone.get_default_timezone()) == "Europe/Paris"
    message = html.unescape(response.content.decode())
    assert f"Version du {paris:%d/%m/%Y %H:%M} restaurée" in message
    assert f"{paris:%H:%M}" in message.split('<ol class="history">')[1]


def test_curators_names_are_for_curators_only(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_42", right__eid="art_29")
    version = (
        curator_client.get(f"/concordance/correspondences/{correspondence.pk}/delete/").context.get("version") or ""
    )
    curator_client.post(f"/concordance/correspondences/{correspondence.pk}/delete/", {"version": version})
    history = f"/concordance/correspondences/{correspondence.pk}/history/"

    for path in (history, "/concordance/deleted/"):
        anonymous = Client().get(path).content.decode()
        assert "curatrice" not in anonymous and "par un curateur" in anonymous
        assert "par curatrice" in curator_client.get(path).content.decode()
    reader = Client()
    from django.contrib.auth import get_user_model

    reader.force_login(get_user_model().objects.create_user("lecteur", password="x-y-z-123456"))
    assert "par curatrice" not in reader.get(history).content.decode()


@pytest.mark.parametrize("edits", [1, 6])
def test_curation_pages_cost_the_same_queries_whatever_the_history(curator_client, django_assert_num_queries, edits):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    read_before_the_edits = edit_form(curator_client, correspondence, note="périmée")
    for n in range(edits):
        curator_client.post(
            f"/concordance/correspondences/{correspondence.pk}/",
            edit_form(curator_client, correspondence, note=f"n{n}"),
        )
    for other in Correspondence.objects.filter(left__eid__in=["art_42", "art_43"])[:edits]:
        delete = f"/concordance/correspondences/{other.pk}/delete/"
        curator_client.post(delete, {"version": curator_client.get(delete).context.get("version") or ""})
    pk = correspondence.pk
    stale = edit_form(curator_client, correspondence, note="périmée", version="1")
    # Session, user and their permissions (4), then the page's own queries.
    for path, method, data, queries in (
        (f"/concordance/correspondences/{pk}/history/", "get", None, 4 + 6),
        (f"/concordance/correspondences/{pk}/", "get", None, 4 + 5),
        (f"/concordance/correspondences/{pk}/delete/", "get", None, 4 + 2),
        ("/concordance/deleted/", "get", None, 4 + 1),
        # the form's own validation (9), the lock, the latest and the read records, the changes since (4)
        (f"/concordance/correspondences/{pk}/", "post", stale, 20),
        # and when the version read is known: the two records and their themes, the provisions of the
        # changes, the theme names, the provisions of the form re-applying the curator's changes
        (f"/concordance/correspondences/{pk}/", "post", read_before_the_edits, 26),
    ):
        with django_assert_num_queries(queries, info=f"{method} {path}"):
            assert getattr(curator_client, method)(path, data).status_code in (200, 409)
    with django_assert_num_queries(6):
        Client().get(f"/concordance/correspondences/{pk}/history/")
    with django_assert_num_queries(1):
        Client().get("/concordance/deleted/")


def admin_form(correspondence: Correspondence, **changes) -> dict:
    from concordance.mapping import curation

    return {
        "version": curation.version_of(curation.latest_record(correspondence.pk)),
        "left": correspondence.left_id,
        "right": correspondence.right_id,
        "relation": correspondence.relation,
        "note": correspondence.note,
        "status": correspondence.status,
        "origin": correspondence.origin,
        "score": "" if correspondence.score is None else correspondence.score,
        "themes": [t.pk for t in correspondence.themes.all()],
        **changes,
    }


def test_the_admin_writes_one_record_per_change_and_none_without(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    change = f"/admin/mapping/correspondence/{correspondence.pk}/change/"
    before = correspondence.history.count()
    assert curator_client.post(change, admin_form(correspondence)).status_code == 302
    assert correspondence.history.count() == before

    other_theme = Theme.objects.exclude(pk__in=correspondence.themes.all()).first()
    form = admin_form(correspondence, note="Par l'administration")
    form["themes"] = form["themes"] + [other_theme.pk]
    assert curator_client.post(change, form).status_code == 302
    assert correspondence.history.count() == before + 1
    latest = correspondence.history.first()
    assert latest.note == "Par l'administration" and latest.history_user.username == "curatrice"
    assert other_theme.pk in {row.theme_id for row in latest.themes.all()}


def test_deleting_and_restoring_shows_no_change_of_themes(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_42", right__eid="art_29")
    assert correspondence.themes.exists()
    pk = correspondence.pk
    history = f"/concordance/correspondences/{pk}/history/"
    # The import that loaded it set its themes in a record of their own.
    theme_changes = html.unescape(curator_client.get(history).content.decode()).count("thèmes :")
    delete = f"/concordance/correspondences/{pk}/delete/"
    curator_client.post(delete, {"version": curator_client.get(delete).context.get("version") or ""})
    deletion = Correspondence.history.filter(id=pk, history_type="-").get()
    curator_client.post(
        f"{history}{deletion.history_id}/restore/",
        {"version": curator_client.get(history).context.get("version") or ""},
    )
    assert Correspondence.objects.filter(pk=pk).exists()
    assert html.unescape(curator_client.get(history).content.decode()).count("thèmes :") == theme_changes


def test_reverting_in_the_admin_still_reverts(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    original_note = correspondence.note
    change = f"/admin/mapping/correspondence/{correspondence.pk}/change/"
    assert curator_client.post(change, admin_form(correspondence, note="Retouche")).status_code == 302
    first = correspondence.history.order_by("history_date", "history_id").first()
    revert = f"/admin/mapping/correspondence/{correspondence.pk}/history/{first.history_id}/"
    assert curator_client.get(revert).status_code == 200
    response = curator_client.post(revert, admin_form(correspondence, note=first.note))
    assert response.status_code == 302
    correspondence.refresh_from_db()
    assert correspondence.note == original_note


def test_a_stale_admin_form_is_refused(curator_client):
    correspondence = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    change = f"/admin/mapping/correspondence/{correspondence.pk}/change/"
    opened = curator_client.get(change)
    assert 'name="version"' in opened.content.decode()
    read = admin_form(correspondence)
    assert curator_client.post(change, {**read, "note": "Premier"}).status_code == 302
    response = curator_client.post(change, {**read, "note": "Second, périmé"})
    assert response.status_code == 200 and "modifiée depuis que vous avez ouvert" in html.unescape(
        response.content.decode()
    )
    correspondence.refresh_from_db()
    assert correspondence.note == "Premier"
