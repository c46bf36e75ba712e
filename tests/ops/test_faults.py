"""Faults under load (issue 17 §7): the server and the database fail while readers and a curator work.

The app runs as in production (gunicorn --preload, 3 sync workers, DEBUG
off, static files collected) on a throw-away PostgreSQL cluster of this
module's own (never the shared one), loaded as `make data` loads it. Four
readers and a curator saving note after note keep it busy; every answer is
timed. A fault may fail only the requests in flight while it happens; every
request after it is answered as before, and every save the site confirmed
(302 after its commit) is in the database afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ops.helpers import Cluster, environment, gunicorn, load_database, run, server_binaries
from tests.ops.traffic import (
    Curator,
    Traffic,
    create_curator,
    curated_correspondences,
    field,
    notes_in_history,
    post_together,
    production_environment,
)

BINARIES = server_binaries()

pytestmark = pytest.mark.skipif(
    BINARIES is None,
    reason="PostgreSQL server programs (initdb, pg_ctl, postgres) are not installed: "
    "these tests start a cluster of their own (install postgresql, or set PG_BINDIR).",
)

READERS = 4
WORKERS = 3


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A loaded throw-away cluster, a curator, and the static files collected once for the module."""
    folder = tmp_path_factory.mktemp("faults")
    cluster = Cluster(BINARIES)
    try:
        cluster.create()
        load_database(cluster.url)
        # Loaded fast; from here on the cluster keeps PostgreSQL's durability, as scripts/db.sh's does,
        # so that a crash restart loses nothing the site confirmed.
        cluster.restart(durable=True)
        static = folder / "static"
        env = production_environment(cluster.url, folder, static)
        run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        yield cluster, folder, static, [create_curator(cluster.url, name) for name in ("alice", "bertrand")]
    finally:
        cluster.destroy()


@pytest.fixture
def server(site, tmp_path):
    """gunicorn as make serve runs it (--preload, 3 workers), production settings: (port, master process)."""
    cluster, _folder, static, _curator = site
    env = production_environment(cluster.url, tmp_path, static)
    with gunicorn(cluster.url, workers=WORKERS, env=env, options=("--preload",)) as (port, master):
        # The port is bound before the master has forked every worker.
        deadline = time.monotonic() + 30
        while len(workers_of(master)) < WORKERS:
            assert time.monotonic() < deadline, "gunicorn did not start its workers within 30 s"
            time.sleep(0.1)
        yield port, master


def traffic(site, port: int) -> Traffic:
    cluster, _folder, _static, [(username, password), _other] = site
    Traffic(port, readers=0).warm_up(WORKERS)
    return Traffic(
        port,
        readers=READERS,
        curator=Curator(port, username, password),
        correspondences=curated_correspondences(cluster.url, 20),
    )


def assert_only_in_flight_failed(load: Traffic, windows: list[tuple[float, float]]) -> None:
    outside = [a for a in load.failures() if not any(a.in_flight_during(*window) for window in windows)]
    assert outside == [], (
        f"{len(outside)} failures outside the faults {windows}: {outside[:5]}\n{load.timeline(windows[0][0])}"
    )


def assert_every_confirmed_save_kept(load: Traffic, database_url: str) -> None:
    assert len(load.confirmed_notes) >= 5, f"only {len(load.confirmed_notes)} saves confirmed: too few to tell"
    kept = notes_in_history(database_url, load.prefix)
    lost = [note for note in load.confirmed_notes if note not in kept]
    assert lost == [], f"{len(lost)} of {len(load.confirmed_notes)} confirmed saves lost: {lost[:5]}"


def test_a_postgresql_crash_restart_fails_only_the_requests_in_flight(site, server):
    """PostgreSQL stops as in a crash (immediate: no checkpoint) and starts again, recovering from its WAL."""
    cluster = site[0]
    port, _master = server
    load = traffic(site, port)
    with load.running():
        load.until_answered_after(time.monotonic(), 10)
        load.until_confirmed(3)
        down = time.monotonic()
        cluster.restart("immediate")
        back = time.monotonic()
        confirmed_before = len(load.confirmed_notes)
        load.until_answered_after(back, 20)
        load.until_confirmed(confirmed_before + 3)
    assert back - down < 30, f"the restart took {back - down:.1f} s"

    assert_only_in_flight_failed(load, [(down, back)])
    after = load.started_after(back)
    assert any(a.what == "curator: save" and a.status == 302 for a in after), "no save confirmed after the restart"
    assert_every_confirmed_save_kept(load, cluster.url)


def workers_of(master: subprocess.Popen) -> set[int]:
    try:
        return {int(pid) for pid in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()}
    except OSError:
        return set()


def test_a_killed_worker_is_replaced_and_fails_only_its_request_in_flight(site, server):
    port, master = server
    assert len(workers_of(master)) == WORKERS
    load = traffic(site, port)
    windows = []
    with load.running():
        load.until_answered_after(time.monotonic(), 10)
        load.until_confirmed(2)
        for _kill in range(2):
            workers = workers_of(master)
            victim = min(workers)
            killed = time.monotonic()
            os.kill(victim, signal.SIGKILL)
            deadline = killed + 10
            # The master reaps it and forks a new worker (from the preloaded app, at once).
            while not (len(now := workers_of(master)) == WORKERS and victim not in now):
                assert time.monotonic() < deadline, f"worker {victim} not replaced within 10 s: {now}"
                time.sleep(0.05)
            replaced = time.monotonic()
            windows.append((killed, replaced))
            confirmed = len(load.confirmed_notes)
            load.until_answered_after(replaced, 10)
            load.until_confirmed(confirmed + 2)
    assert master.poll() is None, "the gunicorn master exited"

    failures = load.failures()
    # A sync worker serves one request at a time: each kill can fail at most that one.
    assert len(failures) <= len(windows), failures
    assert_only_in_flight_failed(load, [(killed, killed) for killed, _ in windows])
    after = [a for a in load.answers if a.started > windows[-1][1]]
    assert len(after) >= 10 and all(a.status in (200, 302) for a in after), after[:5]
    assert_every_confirmed_save_kept(load, site[0].url)


# --- two curators create the same pair at the same instant (review D7) -----------

ROUNDS = 20


def race(database_url: str, *args: str) -> object:
    program = [sys.executable, "-m", "tests.ops.create_race", *args]
    return json.loads(run(program, environment(database_url), timeout=120).stdout)


def test_two_curators_creating_one_pair_through_the_server_get_one_record_and_one_message(site, server):
    """As the review did it: two signed-in curators post the same new pair to gunicorn at once, 20 times."""
    cluster = site[0]
    port, _master = server
    curators = [Curator(port, username, password) for username, password in site[3]]
    outcomes = []
    for number, (un, budapest) in enumerate(race(cluster.url, "--pairs", str(ROUNDS))):
        forms = []
        for curator in curators:
            status, page = curator.open_new()
            assert status == 200
            forms.append(
                {
                    "left_instrument": "un",
                    "left_provision": un,
                    "right_instrument": "budapest",
                    "right_provision": budapest,
                    "relation": "related",
                    "note": f"Course par le serveur {number}",
                    "status": "proposed",
                    "csrfmiddlewaretoken": field("csrfmiddlewaretoken", page),
                }
            )
        sessions = [(form, curator.cookies) for form, curator in zip(forms, curators, strict=True)]
        answers = [
            "form error" if status == 200 and "Cette correspondance existe déjà." in text else str(status)
            for status, text in post_together(port, "/concordance/correspondences/new/", sessions)
        ]
        outcomes.append((sorted(answers), rows_of(cluster.url, un, budapest)))
    assert outcomes == [(["302", "form error"], 1)] * ROUNDS, outcomes


def rows_of(database_url: str, un: str, budapest: str) -> int:
    import psycopg

    from tests.ops.helpers import libpq_url

    with psycopg.connect(libpq_url(database_url)) as connection:
        row = connection.execute(
            """
            SELECT count(*) FROM mapping_correspondence c
            JOIN corpus_provision l ON l.id = c.left_id JOIN corpus_edition le ON le.id = l.edition_id
            JOIN corpus_instrument li ON li.id = le.instrument_id
            JOIN corpus_provision r ON r.id = c.right_id JOIN corpus_edition re ON re.id = r.edition_id
            JOIN corpus_instrument ri ON ri.id = re.instrument_id
            WHERE le.is_primary AND re.is_primary
              AND ((li.slug, l.eid, ri.slug, r.eid) = ('un', %(un)s, 'budapest', %(budapest)s)
                OR (li.slug, l.eid, ri.slug, r.eid) = ('budapest', %(budapest)s, 'un', %(un)s))
            """,
            {"un": un, "budapest": budapest},
        ).fetchone()
    assert row is not None
    return row[0]


@pytest.mark.parametrize("pause", ["0", "0.05"], ids=["as-it-comes", "both-validated-first"])
def test_two_curators_creating_one_pair_in_threads_get_one_record_and_one_message(site, pause):
    """Threads with connections of their own; with a pause, the database's index refuses every loser."""
    result = race(site[0].url, "--rounds", str(ROUNDS), "--pause", pause)
    outcomes = result["outcomes"]
    assert len(outcomes) == ROUNDS
    assert all(o["answers"] == ["302", "form error"] and o["rows"] == 1 for o in outcomes), outcomes
    if pause != "0":
        assert result["refused_by_the_database"] == ROUNDS, result
