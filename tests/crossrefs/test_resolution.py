"""Computing and storing the references: complete, correct, idempotent."""

from __future__ import annotations

import pytest

from concordance.corpus.models import Provision
from concordance.crossrefs.models import Reference, ReferenceTarget
from concordance.crossrefs.resolution import resolve_references

pytestmark = pytest.mark.django_db


def snapshot() -> set[tuple]:
    return {
        (
            r.pk,
            r.instrument_id,
            r.edition_id,
            r.provision_id,
            r.note_id,
            r.start,
            r.end,
            r.text,
            r.resolved,
            tuple(
                (t.pk, t.position, t.instrument_id, t.eid, t.provision_id, t.division_id, t.excerpt)
                for t in sorted(r.targets.all(), key=lambda t: t.position)
            ),
        )
        for r in Reference.objects.prefetch_related("targets")
    }


def test_running_again_leaves_the_same_rows():
    before = snapshot()
    report = resolve_references()
    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert report.unchanged == len(before) > 300
    assert snapshot() == before


def test_running_again_repairs_what_changed():
    kept = Reference.objects.get(provision__edition__slug="pjl-905-2003", provision__eid="art_16__para_4")
    lost = Reference.objects.filter(note__isnull=False).first()
    lost_words = lost.text
    lost.delete()
    Reference.objects.filter(pk=kept.pk).update(resolved=False)
    ReferenceTarget.objects.filter(reference=kept).delete()
    report = resolve_references()
    assert (report.created, report.updated, report.deleted) == (1, 1, 0)
    kept.refresh_from_db()
    assert kept.resolved and [t.eid for t in kept.targets.order_by("position")] == ["art_14", "art_15"]
    assert Reference.objects.filter(note__isnull=False, text=lost_words).exists()


def test_a_reference_whose_words_are_gone_is_deleted():
    provision = Provision.objects.get(edition__slug="pjl-905-2003", eid="art_16__para_4")
    Reference.objects.create(
        instrument=provision.edition.instrument,
        edition=provision.edition,
        provision=provision,
        start=0,
        end=3,
        text=provision.text[:3],
        resolved=False,
    )
    assert resolve_references().deleted == 1


def test_every_reference_of_every_edition_and_note_is_stored_and_resolved():
    assert not Reference.objects.unresolved().exists()
    editions = set(Reference.objects.exclude(edition=None).values_list("edition__instrument__slug", "edition__slug"))
    assert editions == {
        ("un", "onu-2024"),
        ("budapest", "pjl-905-2003"),
        ("budapest", "coe-benin-2024"),
        ("budapest-p1", "coe-benin-2024"),
    }
    assert set(Reference.objects.exclude(note=None).values_list("note__kind", flat=True)) == {
        "interpretative",
        "commentary",
        "resolution",
    }
    assert Reference.objects.filter(footnote__isnull=False, edition__slug="onu-2024").count() == 1
    assert not ReferenceTarget.objects.filter(provision=None, division=None).exists()


def test_offsets_are_exact():
    for reference in Reference.objects.select_related("provision", "note", "edition"):
        if reference.footnote is not None:
            text = reference.edition.footnotes[reference.footnote]["text"]
        else:
            text = (reference.provision or reference.note).text
        assert text[reference.start : reference.end] == reference.text


def test_the_resolution_cites_the_convention_it_adopts():
    found = {
        r.text: [t.eid for t in r.targets.order_by("position")]
        for r in Reference.objects.filter(note__kind="resolution", instrument__slug="un")
    }
    assert found == {
        "article 56 de la Convention": ["art_56"],
        "alinéa g) du paragraphe 5 de l'article 57": ["art_57__para_5__point_g"],
        "articles 61 et 62 de la Convention": ["art_61", "art_62"],
        "article 57 de la Convention": ["art_57"],
        "article 58 de la Convention": ["art_58"],
    }


def test_an_unresolvable_footnote_reference_is_listed_as_unresolved(client):
    from concordance.corpus.models import Edition

    edition = Edition.objects.get(slug="onu-2024")
    edition.footnotes = [
        *edition.footnotes,
        {"marker": "²", "text": "Voir l'article 99 de la présente Convention.", "line": 1},
    ]
    edition.save()
    report = resolve_references()
    assert report.created == 1 and len(report.unresolved) == 1
    page = client.get("/references/unresolved/").content.decode()
    assert "Note de bas de page ²" in page and "« article 99 de la présente Convention »" in page


def test_targets_lead_to_the_edition_the_link_opens():
    benin = Reference.objects.get(
        provision__edition__slug="coe-benin-2024", provision__eid="art_16__para_4", instrument__slug="budapest"
    )
    assert {t.provision.edition.slug for t in benin.targets.all()} == {"coe-benin-2024"}
    protocol = Reference.objects.filter(instrument__slug="budapest-p1", targets__instrument__slug="budapest").first()
    assert {t.provision.edition.slug for t in protocol.targets.filter(instrument__slug="budapest")} == {"pjl-905-2003"}


def test_present_section_resolves_to_the_division_of_the_article():
    target = (
        ReferenceTarget.objects.filter(
            reference__provision__edition__slug="pjl-905-2003",
            reference__provision__article_eid="art_14",
            reference__text__icontains="présente section",
        )
        .select_related("division")
        .first()
    )
    assert target.division is not None and target.division.eid == "chp_2__sec_2"


def test_excerpt_is_the_start_of_the_target_text():
    target = ReferenceTarget.objects.filter(
        reference__provision__eid="art_25__para_2", reference__instrument__slug="un"
    ).get()
    assert target.excerpt.startswith("Chaque État partie adopte les mesures législatives")
    assert len(target.excerpt) <= 310
