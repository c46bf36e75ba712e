"""No confirmed save is lost when PostgreSQL crashes (D2 of the reliability
review: the private cluster ran with synchronous_commit = off, and 3 then 7
of 40 confirmed saves were gone after a SIGKILL).

A cluster of the test's own, made by scripts/db.sh itself in a temporary
copy of the project (never the shared var/pg): saves are committed one by
one, each confirmed, then every server process is killed with SIGKILL and
the cluster started again by scripts/db.sh; every confirmed save is there.
A cluster made with the old setting is given its durability back by
`scripts/db.sh ensure`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests.ops.helpers import ROOT, server_binaries

pytestmark = pytest.mark.skipif(
    server_binaries() is None,
    reason="PostgreSQL server programs (initdb, pg_ctl, postgres) are not installed.",
)

SAVES = 300


class PrivateCluster:
    """scripts/db.sh run in a throw-away copy of the project."""

    def __init__(self) -> None:
        # Short path in /tmp: the socket path must stay under ~100 bytes, and the
        # postgres user (root runs the server as postgres) must reach it.
        self.project = Path(tempfile.mkdtemp(prefix="conc-dur-"))
        self.project.chmod(0o755)
        (self.project / "scripts").mkdir()
        shutil.copy(ROOT / "scripts" / "db.sh", self.project / "scripts" / "db.sh")
        self.data = self.project / "var" / "pg" / "data"

    def db_sh(self, *args: str) -> str:
        env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
        result = subprocess.run(
            ["bash", str(self.project / "scripts" / "db.sh"), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, f"db.sh {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    @property
    def url(self) -> str:
        return self.db_sh("url").strip()

    def setting(self, name: str) -> str:
        with psycopg.connect(self.url, autocommit=True) as connection:
            return connection.execute(f"SHOW {name}").fetchone()[0]

    def kill_every_server_process(self) -> None:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = [
            int(entry) for entry in os.listdir("/proc") if entry.isdigit() and parent_of(int(entry)) == postmaster
        ]
        for pid in [postmaster, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in [postmaster, *children]):
            assert time.monotonic() < deadline, "PostgreSQL processes survived SIGKILL"
            time.sleep(0.05)

    def destroy(self) -> None:
        try:
            subprocess.run(
                ["bash", str(self.project / "scripts" / "db.sh"), "clean"],
                capture_output=True,
                timeout=120,
                stdin=subprocess.DEVNULL,
            )
        finally:
            shutil.rmtree(self.project, ignore_errors=True)


def parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def cluster():
    cluster = PrivateCluster()
    try:
        cluster.db_sh("ensure")
        yield cluster
    finally:
        cluster.destroy()


def confirmed_saves(url: str, count: int) -> list[int]:
    """Commit `count` saves one by one, as the site does one per request;
    return the ids PostgreSQL confirmed (COMMIT returned)."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS save (id bigint PRIMARY KEY, note text NOT NULL)")
    confirmed = []
    with psycopg.connect(url) as connection:
        for number in range(count):
            connection.execute("INSERT INTO save VALUES (%s, %s)", (number, f"note {number} " + "x" * 200))
            connection.commit()
            confirmed.append(number)
    return confirmed


def test_the_private_cluster_keeps_postgresql_s_durability(cluster):
    assert (cluster.setting("fsync"), cluster.setting("synchronous_commit"), cluster.setting("full_page_writes")) == (
        "on",
        "on",
        "on",
    )


def test_every_confirmed_save_survives_a_sigkill_of_postgresql(cluster):
    confirmed = confirmed_saves(cluster.url, SAVES)
    cluster.kill_every_server_process()
    cluster.db_sh("ensure")  # clears the stale pid file, starts, recovers from the WAL
    with psycopg.connect(cluster.url) as connection:
        found = {row[0] for row in connection.execute("SELECT id FROM save")}
    lost = sorted(set(confirmed) - found)
    assert not lost, f"{len(lost)} of {len(confirmed)} confirmed saves lost: {lost[:10]}"


def test_ensure_gives_an_old_cluster_its_durability_back(cluster):
    conf = cluster.data / "postgresql.conf"
    # What scripts/db.sh used to write into every cluster it created.
    with conf.open("a") as file:
        file.write("synchronous_commit = off        # faster tests; a crash loses at most the last commits\n")
    subprocess.run(
        ["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
        + [str(server_binaries() / "pg_ctl"), "-D", str(cluster.data), "reload"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    time.sleep(0.5)
    assert cluster.setting("synchronous_commit") == "off"

    output = cluster.db_sh("ensure")
    assert "restoring full durability" in output
    deadline = time.monotonic() + 10
    while cluster.setting("synchronous_commit") != "on":
        assert time.monotonic() < deadline, "synchronous_commit still off after ensure"
        time.sleep(0.2)
    assert "synchronous_commit" not in conf.read_text().split("--- added by scripts/db.sh", 1)[1]
    # And a second run has nothing to correct.
    assert "restoring full durability" not in cluster.db_sh("ensure")


@pytest.mark.django_db
def test_only_the_test_database_trades_durability_for_speed():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute(
            "SELECT d.datname FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase "
            "WHERE 'synchronous_commit=off' = ANY(s.setconfig)"
        )
        names = [name for (name,) in cursor.fetchall()]
    # Test databases of other checkouts on the same server may carry it too.
    assert connection.settings_dict["NAME"] in names
    assert all(name.startswith("test_") for name in names), names
