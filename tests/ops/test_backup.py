"""Nothing curators did is ever lost: backups restore exactly, and re-ingesting,
migrating or restarting the app leave their work and its history alone.

Everything runs on a scratch database of this module, loaded as `make data`
loads one, through the commands an operator runs (`make backup`,
`make restore FILE=…`, manage.py ...), in subprocesses.
"""

from __future__ import annotations

import json
import re
import secrets
import sys
from pathlib import Path

import psycopg
import pytest

from tests.ops.helpers import (
    ROOT,
    database_state,
    differences,
    environment,
    get,
    libpq_url,
    load_database,
    manage,
    rows,
    run,
    scratch_database,
    section,
    serving,
)

# What a curator would miss: the concordance, its history, the accounts.
CURATED_TABLES = [
    "mapping_correspondence",
    "mapping_correspondence_themes",
    "mapping_historicalcorrespondence",
    "mapping_historicalcorrespondence_themes",
    "mapping_missingcounterpart",
    "mapping_historicalmissingcounterpart",
    "mapping_theme",
    "mapping_theme_articles",
    "auth_user",
    "auth_user_groups",
    "auth_group",
]

# A curator's session, as the views do it: each change is saved with its
# author, so simple-history records who did what.
CURATE = """
import json
from django.contrib.auth import get_user_model
from concordance.mapping.models import Correspondence, MissingCounterpart, Status

user = get_user_model().objects.get(username={username!r})
curated = Correspondence.objects.curated().order_by("pk")
changed, deleted = curated.first(), curated.last()
deleted_pk = deleted.pk  # delete() forgets it
changed.note = {note!r}
changed.status = Status.REVIEWED
changed._history_user = user
changed.save()
deleted._history_user = user
deleted.delete()
missing = MissingCounterpart.objects.order_by("pk").first()
missing.reason = missing.reason + " " + {note!r}
missing._history_user = user
missing.save()
print(json.dumps({{"changed": changed.pk, "deleted": deleted_pk, "missing": missing.pk}}))
"""


def curate(database_url: str, username: str, note: str) -> dict[str, int]:
    """A curator edits one correspondence, deletes another and edits a missing-counterpart record."""
    result = manage(database_url, "shell", "--command", CURATE.format(username=username, note=note))
    return json.loads(result.stdout.strip().splitlines()[-1])


def add_curator(database_url: str, username: str) -> None:
    manage(
        database_url,
        "createcurator",
        username,
        "--password-from-env",
        "CURATOR_PASSWORD",
        CURATOR_PASSWORD=secrets.token_urlsafe(16),
    )


def history_count(database_url: str) -> int:
    return len(rows(database_url, ["mapping_historicalcorrespondence"])["mapping_historicalcorrespondence"])


def script(name: str, database_url: str, *args: str, backups: Path, check: bool = True):
    return run(
        ["bash", str(ROOT / "scripts" / name), *args], environment(database_url, BACKUP_DIR=str(backups)), check=check
    )


def make(target: str, database_url: str, *args: str, backups: Path, check: bool = True):
    """A Makefile target, as an operator types it, with DATABASE_URL naming the scratch database."""
    return run(
        ["make", "--no-print-directory", target, *args], environment(database_url, BACKUP_DIR=str(backups)), check=check
    )


def export(database_url: str) -> dict:
    """The concordance as manage.py export_concordance writes it."""
    return json.loads(manage(database_url, "export_concordance").stdout)


@pytest.fixture(scope="module")
def database():
    """A database of this module's own, loaded like `make data` loads one, with a curator."""
    with scratch_database("ops_backup") as url:
        load_database(url)
        add_curator(url, "relectrice")
        yield url


def test_a_backup_restores_the_database_exactly_as_it_was(database, tmp_path):
    history_before = history_count(database)
    before_backup = curate(database, "relectrice", "Revu avant la sauvegarde.")
    assert history_count(database) == history_before + 2  # one change, one deletion
    dumped = database_state(database)

    backup = make("backup", database, backups=tmp_path)
    folder = Path(backup.stdout.split("Backup written to ")[1].splitlines()[0])
    assert folder.parent == tmp_path and (folder / "concordance.dump").stat().st_size > 0
    # The JSON beside the dump is the concordance as curators left it.
    exported = json.loads((folder / "concordance.json").read_text(encoding="utf-8"))
    assert "Revu avant la sauvegarde." in json.dumps(exported, ensure_ascii=False)

    # Later work that the restore must undo: changes, a new account, and a
    # table such as a newer migration would add.
    after_backup = curate(database, "relectrice", "Changé après la sauvegarde.")
    add_curator(database, "stagiaire")
    with psycopg.connect(libpq_url(database), autocommit=True) as connection:
        connection.execute("CREATE TABLE later_feature (id integer PRIMARY KEY)")
    assert after_backup["deleted"] != before_backup["deleted"]
    assert differences(dumped["rows"], database_state(database)["rows"])

    restore = make("restore", database, f"FILE={folder / 'concordance.dump'}", backups=tmp_path)
    # It says what it replaces before replacing it, and keeps the replaced state.
    assert "replaces everything in database ops_backup_" in restore.stdout
    assert "correspondence history records" in restore.stdout and "accounts" in restore.stdout
    kept = [p for p in tmp_path.iterdir() if p.name.endswith("-before-restore")]
    assert len(kept) == 1 and (kept[0] / "concordance.dump").is_file()

    assert f"Restored {folder / 'concordance.dump'} into database ops_backup_" in restore.stdout
    restored = database_state(database)
    for name in ("mapping_correspondence", "mapping_historicalcorrespondence", "auth_user"):
        assert restored["rows"][name] == dumped["rows"][name], name
    assert differences(dumped["rows"], restored["rows"]) == []
    assert restored["sequences"] == dumped["sequences"]
    assert restored["schema"] == dumped["schema"]  # later_feature is gone

    # The restored database works: the next change gets a fresh number.
    curate(database, "relectrice", "Après la restauration.")


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (None, "no backup file given"),
        ("backups/19700101T000000Z/concordance.dump", "no such file"),
        ("not-a-dump", "is not a backup pg_restore can read"),
        ("tampered", "does not match the checksum"),
    ],
)
def test_restore_refuses_what_it_cannot_restore_and_changes_nothing(database, tmp_path, argument, message):
    if argument == "not-a-dump":
        argument = str(tmp_path / "notes.txt")
        Path(argument).write_text("pas une sauvegarde\n")
    elif argument == "tampered":
        backup = script("backup.sh", database, "--dump-only", backups=tmp_path)
        folder = Path(backup.stdout.split("Backup written to ")[1].splitlines()[0])
        dump = folder / "concordance.dump"
        damaged = bytearray(dump.read_bytes())
        damaged[len(damaged) // 2] ^= 0xFF
        dump.write_bytes(bytes(damaged))
        argument = str(dump)
    before = rows(database, CURATED_TABLES)
    result = make(
        "restore", database, *([f"FILE={argument}"] if argument else []), backups=tmp_path / "kept", check=False
    )
    assert result.returncode != 0
    assert message in result.stderr and "nothing was restored" in result.stderr
    assert rows(database, CURATED_TABLES) == before
    assert not (tmp_path / "kept").exists()  # refused before doing anything


def test_reingest_migrate_and_restart_keep_curated_work_and_history(database):
    changed = curate(database, "relectrice", "Relu avant la ré-ingestion.")
    curated = rows(database, CURATED_TABLES)
    history_page = f"/concordance/correspondences/{changed['changed']}/history/"
    deleted_page = f"/concordance/correspondences/{changed['deleted']}/history/"

    with serving(database) as port:
        status, page = get(port, history_page)
        assert status == 200 and "Relu avant la ré-ingestion." in page
        history = section(page, r'<ol class="history">.*?</ol>')
        assert "par un curateur" in history and "relectrice" not in history  # names are for curators (D11)
        status, page = get(port, deleted_page)
        deleted = section(page, r'<ol class="history">.*?</ol>')
        assert status == 200 and "suppression" in page.lower()

    reingest = manage(database, "ingest", "--force")
    assert "Corpus loaded." in reingest.stdout
    manage(database, "migrate", "--noinput")
    assert differences(curated, rows(database, CURATED_TABLES)) == []

    # A new server process (a restart) shows the same history.
    with serving(database) as port:
        status, page = get(port, history_page)
        assert status == 200 and section(page, r'<ol class="history">.*?</ol>') == history
        assert "Relu avant la ré-ingestion." in page
        status, page = get(port, deleted_page)
        assert status == 200 and section(page, r'<ol class="history">.*?</ol>') == deleted
    assert differences(curated, rows(database, CURATED_TABLES)) == []


def test_the_json_of_a_backup_loads_back_as_the_same_concordance(database, tmp_path):
    """The JSON beside the dump is a second way back: after later changes,
    manage.py import_concordance of that file gives the concordance as it
    was backed up."""
    curate(database, "relectrice", "Dans la sauvegarde JSON.")
    backup = make("backup", database, backups=tmp_path)
    folder = Path(backup.stdout.split("Backup written to ")[1].splitlines()[0])
    saved = json.loads((folder / "concordance.json").read_text(encoding="utf-8"))
    assert saved == export(database)

    curate(database, "relectrice", "Changé après la sauvegarde JSON.")
    assert export(database) != saved
    manage(database, "import_concordance", str(folder / "concordance.json"))
    assert export(database) == saved


def test_migrating_back_and_forth_keeps_curated_work_and_history(database):
    """A roll-back of the corpus and search migrations (as an older version
    would need), then the upgrade again: the schema of the text changes under
    the concordance, whose rows and history must come through unchanged."""
    curate(database, "relectrice", "Relu avant la migration.")
    curated = rows(database, CURATED_TABLES)
    history = history_count(database)
    applied = manage(database, "showmigrations", "--plan").stdout
    manage(database, "migrate", "search", "zero", "--noinput")
    # Back to before the printed list markers and the footnote notes; the
    # concordance's own migrations stand on corpus 0002 and stay applied.
    manage(database, "migrate", "corpus", "0002", "--noinput")
    rolled_back = manage(database, "showmigrations", "--plan").stdout
    assert re.search(r"\[ \] +corpus\.0003_provision_marker", rolled_back), rolled_back
    assert re.search(r"\[ \] +corpus\.0004_footnote_notes", rolled_back), rolled_back
    assert re.search(r"\[ \] +search\.0002_search_columns", rolled_back), rolled_back
    assert differences(curated, rows(database, CURATED_TABLES)) == []

    manage(database, "migrate", "--noinput")
    assert manage(database, "showmigrations", "--plan").stdout == applied
    assert differences(curated, rows(database, CURATED_TABLES)) == []
    assert history_count(database) == history


def test_rolling_the_concordance_back_past_per_instrument_records_is_refused_and_changes_nothing(database):
    """Protocol article 1 is recorded without counterpart in the UN Convention
    and in the Budapest Convention; the schema before mapping 0002 holds one
    record per article, so the roll-back names the articles, says what to do,
    and leaves the schema and the rows as they were."""
    before = database_state(database)
    applied = manage(database, "showmigrations", "--plan").stdout
    refused = run(
        [sys.executable, "manage.py", "migrate", "mapping", "0001", "--noinput"], environment(database), check=False
    )
    assert refused.returncode != 0
    assert "CommandError: Cannot roll mapping back before 0002" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "budapest-p1 art_1," in refused.stderr and "make backup" in refused.stderr
    assert manage(database, "showmigrations", "--plan").stdout == applied
    assert differences(before["rows"], database_state(database)["rows"]) == []
    assert database_state(database)["schema"] == before["schema"]
