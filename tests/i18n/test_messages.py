"""The English catalogue translates every message the code and templates ask for (issue 18 §1).

The test extracts the messages afresh with `manage.py makemessages` into a
copy of the catalogue, as a developer would before committing, so a string
marked in a template or in Python but not yet translated fails here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.i18n.catalogue import messages_of, untranslated

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _needs_gettext() -> None:
    if shutil.which("xgettext") is None or shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext is not installed: run `make messages` as root, or `sudo apt-get install gettext`.")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> str:
    """The English catalogue as `makemessages -l en --no-obsolete` leaves it, made in a copy of the project."""
    _needs_gettext()
    copy = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "templates", copy / "templates")
    shutil.copytree(ROOT / "concordance", copy / "concordance", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "locale", copy / "locale")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    finally:
        monkeypatch.undo()
    return (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")


def test_every_message_has_an_english_translation(extracted):
    missing = untranslated(extracted)
    assert not missing, (
        f"{len(missing)} message(s) without an English translation (empty or fuzzy msgstr) — run "
        "`manage.py makemessages -l en --no-obsolete`, then translate in locale/en/LC_MESSAGES/django.po:\n"
        + "\n".join(f"{entry.occurrences[:1]}: {entry.msgid!r}" for entry in missing[:40])
    )


def test_the_extraction_reads_the_pure_library_s_marks_and_the_contexts(extracted):
    # N_ (concordance/lib, which may not import Django) is a keyword of our makemessages.
    found = {(entry.msgctxt, entry.msgid) for entry in messages_of(extracted)}
    assert (None, "conservation rapide des données") in found
    assert ("relation", "plus large") in found
    assert len(found) > 500


def test_the_committed_catalogue_is_what_makemessages_extracts(extracted):
    """No message missing from the committed file, none left over from strings that are gone."""
    assert {entry.msgid for entry in messages_of(extracted)} == {
        entry.msgid for entry in messages_of(CATALOGUE.read_text())
    }


def test_the_catalogue_compiles_and_its_placeholders_match():
    """msgfmt --check: each translation keeps the %(name)s placeholders of its French source."""
    _needs_gettext()
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "entry, reported",
    [
        ('msgid "Filtrer"\nmsgstr "Filter"', False),
        ('msgid "Filtrer"\nmsgstr ""', True),
        ('#, fuzzy\nmsgid "Filtrer"\nmsgstr "Filter"', True),
        ('msgid "%(n)s ligne"\nmsgid_plural "%(n)s lignes"\nmsgstr[0] "%(n)s row"\nmsgstr[1] ""', True),
        ('msgid ""\n"Une longue "\n"phrase"\nmsgstr ""\n"A long "\n"sentence"', False),
    ],
)
def test_a_missing_or_fuzzy_translation_is_reported(entry, reported):
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    assert bool(untranslated(header + entry)) is reported
