"""Each gunicorn worker opens its database connection before its first request
(gunicorn.conf.py's hook, concordance/warm_up.py), and the master, which forks
them, holds none: a connection must not cross a fork."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import psycopg

from tests.ops.helpers import gunicorn, libpq_url, load_database, scratch_database, with_database


def connections_to(database_url: str, name: str) -> int:
    with psycopg.connect(libpq_url(with_database(database_url, "postgres"))) as connection:
        row = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]).fetchone()
        return row[0] if row else 0


def test_each_worker_is_connected_before_any_request_and_the_master_is_not():
    workers = 2
    with scratch_database("worker_start") as database_url:
        load_database(database_url, concordance=False)
        name = urlsplit(database_url).path.lstrip("/")
        with gunicorn(database_url, workers=workers, options=("--preload",)):
            # No request is made: the connections can only be the workers' own, opened at start.
            deadline = time.monotonic() + 60
            while connections_to(database_url, name) < workers and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1.0)  # any connection beyond the workers' (the master's) would show by now
            assert connections_to(database_url, name) == workers
