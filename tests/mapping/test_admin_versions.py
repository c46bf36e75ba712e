"""The admin's deletions and reverts follow the curation pages' rules (issue 17 §1, review D1 and D15):
a deletion carries the version it was read at and is refused when stale, nothing deleted;
it is recorded in the history with its curator; a revert that changes themes writes one record."""

import html
import re

import pytest
from django.contrib.admin.models import DELETION, LogEntry

from concordance.mapping import curation
from concordance.mapping.models import Correspondence, MissingCounterpart, Theme
from tests.mapping.test_curation_history import admin_form

pytestmark = pytest.mark.django_db


def a_correspondence() -> Correspondence:
    return Correspondence.objects.get(left__eid="art_25", right__eid="art_16")


def a_gap() -> MissingCounterpart:
    return MissingCounterpart.objects.order_by("pk").first()


def admin_url(obj, action: str) -> str:
    return f"/admin/mapping/{obj._meta.model_name}/{obj.pk}/{action}/"


def version_on(page) -> str:
    found = re.findall(r'name="version(?:-\d+)?" value="(\d*)"', page.content.decode())
    assert found, "the confirmation page carries no version"
    return found[0]


def shown(response) -> str:
    return html.unescape(response.content.decode())


def edit_meanwhile(obj) -> None:
    """Another curator's change, through the path that records history."""
    if isinstance(obj, Correspondence):
        obj.note = "Modifiée entre-temps"
        curation.save_correspondence(obj, list(obj.themes.all()))
    else:
        obj.reason = "Motif modifié entre-temps"
        obj.save()


@pytest.mark.parametrize("record", [a_correspondence, a_gap], ids=["correspondence", "without-counterpart"])
def test_an_admin_delete_is_recorded_like_the_curators(curator_client, record):
    obj = record()
    history = type(obj).history.filter(id=obj.pk)
    before = history.count()
    page = curator_client.get(admin_url(obj, "delete"))
    assert page.status_code == 200
    assert version_on(page) == curation.version_of(curation.latest_record(obj.pk, type(obj)))

    response = curator_client.post(admin_url(obj, "delete"), {"post": "yes", "version": version_on(page)})

    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    assert history.count() == before + 1
    deletion = history.order_by(*curation.NEWEST_FIRST).first()
    assert deletion.history_type == "-" and deletion.history_user.username == "curatrice"


@pytest.mark.parametrize("record", [a_correspondence, a_gap], ids=["correspondence", "without-counterpart"])
def test_a_stale_admin_delete_is_refused_and_deletes_nothing(curator_client, record):
    obj = record()
    page = curator_client.get(admin_url(obj, "delete"))
    edit_meanwhile(obj)
    records = type(obj).history.filter(id=obj.pk).count()

    response = curator_client.post(admin_url(obj, "delete"), {"post": "yes", "version": version_on(page)}, follow=True)

    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert type(obj).history.filter(id=obj.pk).count() == records
    assert not LogEntry.objects.filter(action_flag=DELETION, object_id=str(obj.pk)).exists()
    assert "modifié" in shown(response) and "rien n'a été supprimé" in shown(response)
    # Back on the confirmation page, at the current version: confirming again deletes it.
    assert response.redirect_chain[-1][0].endswith(admin_url(obj, "delete"))
    again = curator_client.post(admin_url(obj, "delete"), {"post": "yes", "version": version_on(response)})
    assert again.status_code == 302 and not type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("version", ["", "abc", "0"])
def test_an_admin_delete_without_a_valid_version_is_refused(curator_client, version):
    obj = a_correspondence()
    curator_client.post(admin_url(obj, "delete"), {"post": "yes", "version": version})
    assert Correspondence.objects.filter(pk=obj.pk).exists()


def test_an_admin_delete_of_a_record_deleted_meanwhile_points_to_its_history(curator_client):
    obj = a_correspondence()
    pk, url = obj.pk, admin_url(obj, "delete")
    page = curator_client.get(url)
    curation.delete(obj, curation.version_of(curation.latest_record(pk)))
    response = curator_client.post(url, {"post": "yes", "version": version_on(page)}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/admin/mapping/correspondence/{pk}/history/")
    assert "supprimé" in shown(response)


@pytest.mark.parametrize("record", [a_correspondence, a_gap], ids=["correspondence", "without-counterpart"])
def test_deleting_a_selection_in_the_admin_carries_each_version(curator_client, record):
    obj = record()
    changelist = f"/admin/mapping/{obj._meta.model_name}/"
    action = {"action": "delete_selected", "_selected_action": [obj.pk]}
    page = curator_client.post(changelist, action)
    assert page.status_code == 200
    read = version_on(page)
    edit_meanwhile(obj)

    stale = curator_client.post(changelist, {**action, "post": "yes", f"version-{obj.pk}": read}, follow=True)
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert "rien n'a été supprimé" in shown(stale)

    current = curation.version_of(curation.latest_record(obj.pk, type(obj)))
    fresh = curator_client.post(changelist, {**action, "post": "yes", f"version-{obj.pk}": current})
    assert fresh.status_code == 302 and not type(obj).objects.filter(pk=obj.pk).exists()
    deletion = type(obj).history.filter(id=obj.pk).order_by(*curation.NEWEST_FIRST).first()
    assert deletion.history_type == "-" and deletion.history_user.username == "curatrice"


def test_an_admin_revert_that_changes_themes_writes_one_record(curator_client):
    correspondence = a_correspondence()
    first = correspondence.history.order_by(*curation.NEWEST_FIRST).first()  # the state before the edit
    added = Theme.objects.exclude(pk__in=correspondence.themes.all()).first()
    change = admin_url(correspondence, "change")
    form = admin_form(correspondence, note="Retouche")
    form["themes"] = [*form["themes"], added.pk]
    assert curator_client.post(change, form).status_code == 302
    records = correspondence.history.count()

    # Back to the version before the edit: other note, one theme fewer.
    revert = f"{admin_url(correspondence, 'history')}{first.history_id}/"
    reverted = admin_form(correspondence, note=first.note)
    reverted["themes"] = [row.theme_id for row in first.themes.all()]
    assert curator_client.post(revert, reverted).status_code == 302

    assert correspondence.history.count() == records + 1
    latest = correspondence.history.order_by(*curation.NEWEST_FIRST).first()
    assert latest.note == first.note and latest.history_user.username == "curatrice"
    assert {row.theme_id for row in latest.themes.all()} == {row.theme_id for row in first.themes.all()}
    assert set(correspondence.themes.values_list("pk", flat=True)) == {row.theme_id for row in first.themes.all()}


@pytest.mark.parametrize("object_id", ["abc", "99999999999999999999", "987654"])
def test_deleting_what_cannot_exist_in_the_admin_is_no_error(curator_client, object_id):
    for method in (curator_client.get, curator_client.post):
        response = method(f"/admin/mapping/correspondence/{object_id}/delete/", {"post": "yes"})
        assert response.status_code in (302, 404)


# --- a note or a reason is bounded on every path (review D9: a 10 MB note was accepted) ---


def test_an_over_long_note_is_refused_by_the_curation_form(curator_client):
    from concordance.mapping.models import NOTE_MAX_LENGTH
    from tests.mapping.test_curation_history import edit_form

    correspondence = a_correspondence()
    url = f"/concordance/correspondences/{correspondence.pk}/"
    response = curator_client.post(url, edit_form(curator_client, correspondence, note="x" * (NOTE_MAX_LENGTH + 1)))
    assert response.status_code == 200 and "note" in response.context["form"].errors
    correspondence.refresh_from_db()
    assert len(correspondence.note) <= NOTE_MAX_LENGTH
    fits = edit_form(curator_client, correspondence, note="x" * NOTE_MAX_LENGTH)
    assert curator_client.post(url, fits).status_code == 302


def test_an_over_long_note_or_reason_is_refused_by_the_admin(curator_client):
    from concordance.mapping.models import NOTE_MAX_LENGTH

    correspondence = a_correspondence()
    response = curator_client.post(
        admin_url(correspondence, "change"), admin_form(correspondence, note="x" * (NOTE_MAX_LENGTH + 1))
    )
    assert response.status_code == 200 and "note" in response.context["adminform"].form.errors
    gap = a_gap()
    response = curator_client.post(
        admin_url(gap, "change"),
        {"article": gap.article_id, "other_instrument": gap.other_instrument_id, "reason": "x" * (NOTE_MAX_LENGTH + 1)},
    )
    assert response.status_code == 200 and "reason" in response.context["adminform"].form.errors
    gap.refresh_from_db()
    assert len(gap.reason) <= NOTE_MAX_LENGTH


def test_a_stale_admin_form_of_a_without_counterpart_record_is_refused(curator_client):
    gap = a_gap()
    change = admin_url(gap, "change")
    opened = curator_client.get(change)
    read = version_on(opened)
    form = {"article": gap.article_id, "other_instrument": gap.other_instrument_id, "version": read}
    assert curator_client.post(change, {**form, "reason": "Premier motif"}).status_code == 302
    response = curator_client.post(change, {**form, "reason": "Second motif, périmé"})
    assert response.status_code == 200 and "modifiée depuis que vous avez ouvert" in shown(response)
    gap.refresh_from_db()
    assert gap.reason == "Premier motif"
