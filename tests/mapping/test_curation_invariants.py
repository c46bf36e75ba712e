"""An article cannot both have a counterpart in an instrument and be recorded as having none there,
whatever the path: form, restore, admin, import, or the database itself (review D4)."""

import html
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from concordance.corpus.models import Instrument, Provision
from concordance.mapping.interchange.export import export_document
from concordance.mapping.interchange.load import contradictory_gaps
from concordance.mapping.models import Correspondence, MissingCounterpart

pytestmark = pytest.mark.django_db


def provision(instrument: str, eid: str) -> Provision:
    return Provision.objects.get(edition__instrument__slug=instrument, edition__is_primary=True, eid=eid)


def page(response) -> str:
    return html.unescape(response.content.decode())


def checked_now():
    """Run the deferred checks now, as the commit would."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_restoring_a_link_over_a_without_counterpart_record_is_refused(curator_client):
    """The review's steps: delete UN 46's only Budapest link, record UN 46 without counterpart there, restore."""
    link = Correspondence.objects.get(left=provision("un", "art_46"), right__edition__instrument__slug="budapest")
    pk = link.pk
    delete = f"/concordance/correspondences/{pk}/delete/"
    assert (
        curator_client.post(delete, {"version": curator_client.get(delete).context.get("version") or ""}).status_code
        == 302
    )
    added = curator_client.post(
        "/admin/mapping/missingcounterpart/add/",
        {
            "article": provision("un", "art_46").pk,
            "other_instrument": Instrument.objects.get(slug="budapest").pk,
            "reason": "Pas d'équivalent.",
        },
    )
    assert added.status_code == 302 and MissingCounterpart.objects.filter(article__eid="art_46").exists()

    history = f"/concordance/correspondences/{pk}/history/"
    deletion = Correspondence.history.filter(id=pk, history_type="-").get()
    response = curator_client.post(
        f"{history}{deletion.history_id}/restore/",
        {"version": curator_client.get(history).context.get("version") or ""},
        follow=True,
    )
    assert "sans équivalent" in page(response)
    assert not Correspondence.objects.filter(pk=pk).exists()
    assert contradictory_gaps() == []


def test_the_database_refuses_a_link_where_a_record_says_there_is_none():
    # UN 16 is recorded without counterpart in Budapest.
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Correspondence.objects.create(
            left=provision("un", "art_16__para_1"),
            right=provision("budapest", "art_9"),
            relation="related",
            origin="curated",
        )
        checked_now()
    assert "L'article 16 de" in str(error.value) and "sans équivalent" in str(error.value)
    assert error.value.__cause__.diag.constraint_name == "no_link_where_recorded_without_counterpart"


def test_the_database_refuses_a_record_for_an_article_that_has_a_link():
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        MissingCounterpart.objects.create(
            article=provision("budapest", "art_16"), other_instrument=Instrument.objects.get(slug="un"), reason="x"
        )
        checked_now()
    assert "L'article 16 de" in str(error.value)


def test_a_suggestion_may_sit_beside_a_record_but_not_be_accepted():
    suggestion = Correspondence.objects.create(
        left=provision("un", "art_16"), right=provision("budapest", "art_9"), relation="related", origin="suggested"
    )
    checked_now()
    suggestion.origin = "curated"
    with pytest.raises(IntegrityError), transaction.atomic():
        suggestion.save()
        checked_now()


def test_the_admin_refuses_both_contradictions(curator_client):
    before = (Correspondence.objects.count(), MissingCounterpart.objects.count())
    record = curator_client.post(
        "/admin/mapping/missingcounterpart/add/",
        {
            "article": provision("un", "art_25").pk,
            "other_instrument": Instrument.objects.get(slug="budapest").pk,
            "reason": "x",
        },
    )
    assert record.status_code == 200 and "supprimez-la" in page(record)
    link = curator_client.post(
        "/admin/mapping/correspondence/add/",
        {
            "left": provision("un", "art_16").pk,
            "right": provision("budapest", "art_9").pk,
            "relation": "related",
            "note": "",
            "status": "proposed",
            "origin": "curated",
        },
    )
    assert link.status_code == 200 and "sans équivalent" in page(link)
    assert (Correspondence.objects.count(), MissingCounterpart.objects.count()) == before


def test_an_import_with_a_contradiction_is_refused_and_nothing_changes(tmp_path):
    document = export_document()
    document["without_counterpart"].append(
        {"instrument": "un", "eid": "art_25", "other_instrument": "budapest", "reason": "Contradiction."}
    )
    path = tmp_path / "contradiction.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = MissingCounterpart.objects.count()
    with pytest.raises(CommandError, match="also has a correspondence in that instrument"):
        call_command("import_concordance", str(path))
    assert MissingCounterpart.objects.count() == before


def test_after_every_attempt_the_export_imports_again(curator_client, tmp_path):
    form = curator_client.post(
        "/concordance/correspondences/new/",
        {
            "left_instrument": "un",
            "left_provision": "16",
            "right_instrument": "budapest",
            "right_provision": "9",
            "relation": "related",
            "note": "",
            "status": "proposed",
        },
    )
    assert form.status_code == 200 and "sans équivalent" in page(form)
    test_restoring_a_link_over_a_without_counterpart_record_is_refused(curator_client)
    test_the_admin_refuses_both_contradictions(curator_client)
    test_an_import_with_a_contradiction_is_refused_and_nothing_changes(tmp_path)
    exported = tmp_path / "concordance.json"
    call_command("export_concordance", str(exported))
    call_command("import_concordance", str(exported), "--replace")
    checked_now()
    assert contradictory_gaps() == []


def test_a_record_made_between_validation_and_save_comes_back_as_the_forms_error(curator_client, monkeypatch):
    """Validation cannot see another curator's record committed meanwhile: the database's refusal is the message."""
    from concordance.mapping import forms

    validate = forms.CorrespondenceForm.clean

    def validated_then_another_curator_records_a_gap(self):
        cleaned = validate(self)
        if not self.errors:
            MissingCounterpart.objects.create(
                article=provision("un", "art_7"),
                other_instrument=Instrument.objects.get(slug="budapest-p1"),
                reason="Enregistré entre-temps.",
            )
        return cleaned

    monkeypatch.setattr(forms.CorrespondenceForm, "clean", validated_then_another_curator_records_a_gap)
    response = curator_client.post(
        "/concordance/correspondences/new/",
        {
            "left_instrument": "un",
            "left_provision": "7",
            "right_instrument": "budapest-p1",
            "right_provision": "2",  # P1 3 is recorded without counterpart in the UN Convention
            "relation": "related",
            "note": "Lien de test",
            "status": "proposed",
        },
    )
    assert response.status_code == 200
    assert "L'article 7 de" in " ".join(response.context["form"].non_field_errors())
    assert not Correspondence.objects.filter(note="Lien de test").exists()


def test_an_import_the_database_refuses_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    """What validation cannot see (a curator's change committed meanwhile) the trigger refuses: the command says so."""
    from concordance.mapping.interchange import load as data

    monkeypatch.setattr(data, "contradictory_gaps", lambda: [])  # as if the contradiction arrived after the check
    document = export_document()
    document["without_counterpart"].append(
        {"instrument": "un", "eid": "art_25", "other_instrument": "budapest", "reason": "Contradiction."}
    )
    path = tmp_path / "contradiction.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    checked_now()  # at once, as the commit would
    with pytest.raises(CommandError, match="L'article 25 de .* sans équivalent"):
        call_command("import_concordance", str(path))
    assert not MissingCounterpart.objects.filter(article__eid="art_25").exists()
