"""The accuracy review's corrections: in the curated data, and in the history with their reasons."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from concordance.corpus.models import Provision
from concordance.mapping.corrections import CORRECTIONS, Link, Relabel, apply_corrections
from concordance.mapping.models import Correspondence, MissingCounterpart

pytestmark = pytest.mark.django_db


def provision(instrument: str, eid: str) -> Provision:
    return Provision.objects.get(edition__instrument__slug=instrument, edition__is_primary=True, eid=eid)


def link(left: tuple[str, str], right: tuple[str, str]) -> Correspondence | None:
    return Correspondence.objects.filter(left=provision(*left), right=provision(*right)).first()


@pytest.mark.parametrize(
    ("left", "right", "relation"),
    [
        (("un", "art_43"), ("budapest", "art_30"), "narrower"),
        (("un", "art_43__para_1"), ("budapest", "art_30__para_1"), "narrower"),
        (("un", "art_24__para_2"), ("budapest", "art_15__para_2"), "partial"),
        (("un", "art_14__para_1__point_a"), ("budapest", "art_9__para_1__point_b"), "broader"),
        (("un", "art_14__para_1__point_a"), ("budapest", "art_9__para_1__point_c"), "broader"),
        (("un", "art_11__para_2"), ("budapest", "art_6__para_2"), "broader"),
        (("un", "art_41__para_3__point_b"), ("budapest", "art_35__para_1__point_b"), "broader"),
        (("un", "art_40__para_12"), ("budapest", "art_27__para_2"), "partial"),
        (("un", "art_40__para_4"), ("budapest", "art_26__para_1"), "broader"),
        (("un", "art_65__para_2"), ("budapest", "art_37__para_2"), "partial"),
        (("un", "art_65__para_2"), ("budapest-p1", "art_11__para_2"), "partial"),
        (("un", "art_6"), ("budapest", "art_15"), "related"),
        (("un", "art_36"), ("budapest", "art_28"), "related"),
        (("un", "art_62"), ("budapest", "art_46"), "related"),
    ],
)
def test_the_fixture_holds_the_corrected_relations(left, right, relation):
    found = link(left, right)
    assert found is not None and found.relation == relation


def test_no_equivalent_link_has_a_note_recording_an_addition_by_one_side():
    added = re.compile(r"l'ONU ajoute|couvre aussi|ajoute l'|Budapest ajoute", re.IGNORECASE)
    offenders = [str(c) for c in Correspondence.objects.curated().filter(relation="equivalent") if added.search(c.note)]
    assert offenders == []


def test_notes_quote_the_texts():
    un_43 = link(("un", "art_43"), ("budapest", "art_30"))
    assert "dans un autre État partie" in un_43.note and "dans un autre Etat" in un_43.note
    assert "dans un autre État partie" in provision("un", "art_43__para_1").text
    un_24 = link(("un", "art_24"), ("budapest", "art_15"))
    assert "recours efficace" in un_24.note and "recours effectif" not in un_24.note
    assert "recours efficace" in provision("un", "art_24__para_2").text
    un_11 = link(("un", "art_11"), ("budapest", "art_6"))
    # The glossary pairs "justificatifs d'accès" with "code d'accès": the note must not call it a bare addition.
    assert "ajoute justificatifs" not in un_11.note


def test_the_unreviewed_proposal_un_4_protocol_3_is_gone_and_answered_as_protocol_4_to_6_are():
    assert link(("un", "art_4"), ("budapest-p1", "art_3")) is None
    assert not Correspondence.objects.curated().filter(status="proposed").exists()
    reasons = {
        gap.article.eid: gap.reason
        for gap in MissingCounterpart.objects.filter(
            article__edition__instrument__slug="budapest-p1", other_instrument__slug="un"
        ).select_related("article")
    }
    for eid in ("art_3", "art_4", "art_5", "art_6"):
        assert "sans en créer aucune (§2)" in reasons[eid]


def test_related_links_replace_the_records_that_named_them():
    for eid in ("art_6", "art_36", "art_62"):
        assert not MissingCounterpart.objects.filter(
            article=provision("un", eid), other_instrument__slug="budapest"
        ).exists()


def test_on_the_fixture_each_correction_is_recorded_with_its_reason_once():
    report = apply_corrections()
    assert report.applied == []
    assert len(report.recorded) == len(CORRECTIONS)
    for correction in CORRECTIONS:
        if isinstance(correction, Relabel | Link):
            found = Correspondence.objects.filter(
                left=provision(correction.left.instrument, correction.left.eid),
                right=provision(correction.right.instrument, correction.right.eid),
            ).get()
            assert found.history.filter(history_change_reason=correction.reason).count() == 1
    again = apply_corrections()
    assert again.applied == again.recorded == []
    assert len(again.already) == len(CORRECTIONS)


def test_on_an_older_database_the_corrections_are_applied_and_a_later_curator_edit_is_kept():
    old = link(("un", "art_43"), ("budapest", "art_30"))
    old.relation, old.note = "equivalent", "ancienne note"
    old._change_reason = "état d'avant la revue"
    old.save()
    first = next(c for c in CORRECTIONS if isinstance(c, Relabel) and c.left.eid == "art_43")
    report = apply_corrections()
    assert first.reason in report.applied
    old.refresh_from_db()
    assert old.relation == "narrower"
    record = old.history.get(history_change_reason=first.reason)
    assert record.prev_record.relation == "equivalent"

    old.relation = "partial"
    old.save()
    call_command("apply_review_corrections", stdout=StringIO())
    old.refresh_from_db()
    assert old.relation == "partial"


def test_reasons_fit_the_history_column_and_are_distinct():
    reasons = [c.reason for c in CORRECTIONS]
    assert all(len(reason) <= 100 for reason in reasons)
    assert len(set(reasons)) == len(reasons)


def test_concordance_counts_add_up_to_the_articles(client):
    page = client.get("/concordance/").content.decode()
    summary = re.search(r'<p class="summary">(.*?)</p>', page, re.S).group(1)
    total, mapped, missing = (int(n) for n in re.findall(r"(\d+) (?:article|avec|sans aucun)", summary))
    assert total == 68 and mapped + missing == total
    assert "dont 1 sans équivalent dans un autre instrument" in summary  # UN 61: the Protocol only
