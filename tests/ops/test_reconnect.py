"""The app recovers by itself when PostgreSQL restarts.

Django keeps its connections (CONN_MAX_AGE) and checks them at the start of
each request (CONN_HEALTH_CHECKS): a connection the restart killed is
replaced instead of failing the request. Checked against a throw-away
PostgreSQL cluster of this test's own, restarted under the running app.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings

from tests.ops.helpers import Cluster, get, load_database, server_binaries, serving

BINARIES = server_binaries()

pytestmark = pytest.mark.skipif(
    BINARIES is None,
    reason="PostgreSQL server programs (initdb, pg_ctl, postgres) are not installed: "
    "this test starts a cluster of its own (install postgresql, or set PG_BINDIR).",
)

PAGES = ["/", "/un/", "/budapest/art-2/", "/budapest-p1/"]


def test_settings_keep_connections_and_check_them():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0 and database["CONN_HEALTH_CHECKS"] is True


@pytest.fixture
def cluster():
    cluster = Cluster(BINARIES)
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


def test_requests_succeed_again_as_soon_as_postgresql_is_back(cluster, tmp_path):
    load_database(cluster.url, concordance=False)
    with serving(cluster.url, workers=2, CONCORDANCE_CACHE_DIR=str(tmp_path / "cache")) as port:
        # Every worker opens its persistent connection.
        for path in PAGES * 3:
            assert get(port, path)[0] == 200, path

        # Restart PostgreSQL while a visitor keeps reading pages.
        answers: list[tuple[float, str, int]] = []
        stop = threading.Event()

        def visitor() -> None:
            while not stop.is_set():
                for path in PAGES:
                    started = time.monotonic()
                    try:
                        status = get(port, path)[0]
                    except OSError:
                        status = 0
                    answers.append((started, path, status))

        reader = threading.Thread(target=visitor)
        reader.start()
        try:
            time.sleep(1)
            cluster.restart()
            back = time.monotonic()
            time.sleep(3)
        finally:
            stop.set()
            reader.join(timeout=60)
        after = [(path, status) for started, path, status in answers if started > back]
        assert len(after) >= 4, "too few requests after the restart to tell"
        assert all(status == 200 for _, status in after), after
        assert any(started < back for started, _, _ in answers)

        # Restart while nobody is reading: each worker still holds a
        # connection the restart killed, and the next requests must not fail.
        cluster.restart()
        failed = [(path, status) for path in PAGES * 3 if (status := get(port, path)[0]) != 200]
        assert failed == []
