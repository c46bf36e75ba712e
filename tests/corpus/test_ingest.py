import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from concordance.corpus.models import Division, Edition, Instrument, Note, Provision, Source
from concordance.mapping.models import Correspondence, MissingCounterpart, Relation

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "sources": sorted(Source.objects.values_list("pk", "filename", "sha256", "parse_fingerprint")),
        "provisions": sorted(Provision.objects.values_list("pk", "edition__slug", "eid", "text")),
        "divisions": sorted(Division.objects.values_list("pk", "eid", "heading")),
        "notes": sorted(Note.objects.values_list("pk", "kind", "position", "text")),
        # With their own ids: a link row deleted and recreated is a change.
        "note_links": sorted(Note.articles.through.objects.values_list("pk", "note_id", "provision_id")),
        "editions": sorted(Edition.objects.values_list("pk", "slug", "is_primary", "closing")),
        "correspondences": sorted(Correspondence.objects.values_list("pk", "left_id", "right_id", "relation", "note")),
    }


def test_expected_counts_are_loaded():
    articles = Provision.objects.filter(kind="article")
    chapters = Division.objects.filter(kind="chapter")
    assert articles.filter(edition__slug="onu-2024").count() == 68
    assert chapters.filter(edition__slug="onu-2024").count() == 9
    for slug in ("pjl-905-2003", "coe-benin-2024"):
        assert articles.filter(edition__instrument__slug="budapest", edition__slug=slug).count() == 48
        assert chapters.filter(edition__instrument__slug="budapest", edition__slug=slug).count() == 4
    assert articles.filter(edition__instrument__slug="budapest-p1").count() == 16


def test_provenance_of_every_source_is_recorded():
    sources = {source.filename: source for source in Source.objects.all()}
    assert set(sources) == {
        "un-resolution-79-243-fr.txt",
        "budapest-bill-905-2003-fr.txt",
        "budapest-benin-decree-2024-773-fr.txt",
    }
    assert sources["budapest-benin-decree-2024-773-fr.txt"].issuer == "Présidence de la République du Bénin"
    assert str(sources["budapest-bill-905-2003-fr.txt"].issued_on) == "2003-06-11"
    # The document's date ("Distr. générale 31 décembre 2024"); the adoption
    # date is the instrument's.
    assert str(sources["un-resolution-79-243-fr.txt"].issued_on) == "2024-12-31"
    assert str(Instrument.objects.get(slug="un").adopted_on) == "2024-12-24"


def test_budapest_has_two_editions_and_the_bill_is_primary():
    budapest = Instrument.objects.get(slug="budapest")
    editions = {edition.slug: edition.is_primary for edition in budapest.editions.all()}
    assert editions == {"pjl-905-2003": True, "coe-benin-2024": False}


def test_resolution_and_notes_are_stored_and_attached():
    un_notes = Note.objects.filter(instrument__slug="un")
    resolution = un_notes.filter(kind="resolution").order_by("position")
    assert resolution.count() == 27
    # Stored with the line the source prints each block on.
    title = resolution.get(text__startswith="79/243.")
    assert (title.heading, title.line) == ("Titre", 22)
    assert resolution.last().text == "55e séance plénière (reprise)\n24 décembre 2024"
    assert not resolution.filter(line=0).exists()
    interpretative = {
        note.pk: sorted(a.eid for a in note.articles.all()) for note in un_notes.filter(kind="interpretative")
    }
    attached = sorted({eid for eids in interpretative.values() for eid in eids})
    assert attached == ["art_17", "art_2", "art_23", "art_35"]
    commentary = Note.objects.filter(kind="commentary", articles__eid="art_16")
    assert commentary.exists()


def test_running_ingest_again_changes_nothing():
    before = snapshot()
    out = StringIO()
    call_command("ingest", stdout=out)
    assert "already up to date" in out.getvalue()
    call_command("ingest", "--force", stdout=StringIO())
    assert snapshot() == before


def copy_sources(tmp_path):
    folder = tmp_path / "sources"
    # copyfile, not copy2: the copies must be writable whatever the mode of
    # the originals.
    shutil.copytree(settings.SOURCES_DIR, folder, copy_function=shutil.copyfile)
    return folder


def replace_line(path, old, new):
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    # The line where the replacement's first non-newline character lands.
    start = at + len(new) - len(new.lstrip("\n"))
    return text[:start].count("\n") + 1


def test_a_duplicated_article_stops_ingest_naming_file_and_line(tmp_path):
    folder = copy_sources(tmp_path)
    line = replace_line(folder / "un-resolution-79-243-fr.txt", "\nArticle 26\n", "\nArticle 25\n")
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("ingest", "--force", "--sources", str(folder), stdout=StringIO())
    assert "un-resolution-79-243-fr.txt" in str(error.value)
    assert f"line {line}" in str(error.value)
    assert snapshot() == before


def test_an_article_out_of_sequence_leaves_the_database_as_it_was(tmp_path):
    folder = copy_sources(tmp_path)
    # Break the second file only: the first one parses and would be stored
    # if the ingest were not a single transaction.
    line = replace_line(folder / "budapest-bill-905-2003-fr.txt", "\nArticle 17\n", "\nArticle 71\n")
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("ingest", "--force", "--sources", str(folder), stdout=StringIO())
    assert f"budapest-bill-905-2003-fr.txt, line {line}" in str(error.value)
    assert "Nothing was changed" in str(error.value)
    assert snapshot() == before


def test_a_failure_while_storing_the_last_source_undoes_what_was_already_stored(tmp_path):
    # The first source changes and parses; the last one parses too, but has
    # lost a provision a curated correspondence points to, which only the
    # database can refuse, after the first two sources have been written.
    folder = copy_sources(tmp_path)
    replace_line(folder / "un-resolution-79-243-fr.txt", "au maximum de 90 jours", "au maximum de 91 jours")
    replace_line(
        folder / "budapest-bill-905-2003-fr.txt",
        "Mesdames, Messieurs,\n",
        "Mesdames, Messieurs,\n        Un paragraphe ajouté.\n",
    )
    decree = folder / "budapest-benin-decree-2024-773-fr.txt"
    replace_line(decree, "- 3 Sans préjudice du paragraphe 2 du présent article", "")
    protocol_paragraph = Provision.objects.get(edition__instrument__slug="budapest-p1", eid="art_3__para_3")
    un_paragraph = Provision.objects.get(edition__slug="onu-2024", eid="art_25__para_2")
    # Protocol art. 3 is recorded without UN counterpart: a link to it must first lift that record.
    MissingCounterpart.objects.filter(
        article__edition__instrument__slug="budapest-p1", article__eid="art_3", other_instrument__slug="un"
    ).delete()
    Correspondence.objects.create(
        left=un_paragraph, right=protocol_paragraph, relation=Relation.RELATED, note="lien curé"
    )
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("ingest", "--sources", str(folder), stdout=StringIO())
    assert "correspondences point to" in str(error.value)
    assert "budapest-p1:art_3__para_3" in str(error.value)
    assert snapshot() == before
    assert "au maximum de 90 jours" in Provision.objects.get(pk=un_paragraph.pk).text


def test_a_missing_source_is_reported(tmp_path):
    folder = copy_sources(tmp_path)
    (folder / "budapest-benin-decree-2024-773-fr.txt").unlink()
    with pytest.raises(CommandError, match="budapest-benin-decree-2024-773-fr.txt: source document missing"):
        call_command("ingest", "--sources", str(folder), stdout=StringIO())


def test_a_changed_text_updates_rows_in_place(tmp_path):
    folder = copy_sources(tmp_path)
    paragraph = Provision.objects.get(edition__slug="onu-2024", eid="art_25__para_2")
    replace_line(folder / "un-resolution-79-243-fr.txt", "au maximum de 90 jours", "au maximum de 91 jours")
    call_command("ingest", "--sources", str(folder), stdout=StringIO())
    updated = Provision.objects.get(edition__slug="onu-2024", eid="art_25__para_2")
    assert updated.pk == paragraph.pk
    assert "au maximum de 91 jours" in updated.text
