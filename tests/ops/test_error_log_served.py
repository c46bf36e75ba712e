"""Under gunicorn with production settings, an unhandled error is written to
gunicorn's standard error and to var/log's rotating file (here a temporary
folder), with the request id, and the 500 page, rendered without the
database, gives that id (D3 of the reliability review).

The failure is the one that matters most: the database is unreachable (the
address names a database that does not exist), so every page fails and the
500 handler itself must not need it.
"""

from __future__ import annotations

import os
import sys
import time
import uuid

import pytest

from tests.ops.helpers import fetch, gunicorn, run, with_database
from tests.ops.traffic import production_environment

REQUEST_ID = "probe-" + uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def failing_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("error-log")
    missing_database = with_database(os.environ["DATABASE_URL"], f"no_such_database_{uuid.uuid4().hex[:8]}")
    env = production_environment(missing_database, folder, folder / "static")
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    stderr_path = folder / "gunicorn.stderr"
    with gunicorn(missing_database, env=env, stderr=stderr_path) as (port, _master):
        status, headers, body = fetch(port, "/", {"X-Request-ID": REQUEST_ID}, timeout=30)
        time.sleep(0.5)  # let the worker's log lines reach the files
        yield status, headers, body.decode(), stderr_path.read_text(), (folder / "log" / "concordance.log")


def test_the_500_page_gives_the_request_id_without_the_database(failing_server):
    status, headers, body, _, _ = failing_server
    assert status == 500
    assert headers["x-request-id"] == REQUEST_ID
    assert f'<code class="request-id">{REQUEST_ID}</code>' in body and "Erreur du serveur" in body


@pytest.mark.parametrize("where", ["stderr", "file"])
def test_the_error_is_logged_with_its_traceback_and_request_id(failing_server, where):
    _, _, _, stderr, log_file = failing_server
    logged = stderr if where == "stderr" else log_file.read_text(encoding="utf-8")
    line = next((line for line in logged.splitlines() if f"[{REQUEST_ID}]" in line), "")
    # No session cookie: anonymous, known without the database.
    assert f"ERROR [{REQUEST_ID}] GET / user=anonyme" in line, logged[-2000:]
    assert "Traceback (most recent call last)" in logged
    assert "OperationalError" in logged and "does not exist" in logged


def test_the_worker_started_without_the_database_and_said_so(failing_server):
    # gunicorn.conf.py's hook opens each worker's connection at start; an
    # unreachable database is a warning there, not a worker that fails to boot.
    _, _, _, stderr, _ = failing_server
    assert "could not open the database connection before the first request" in stderr
    assert "does not exist" in stderr.split("before the first request", 1)[1]
