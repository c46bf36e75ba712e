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
import secrets
import signal
import subprocess
import sys
import time
import uuid

import pytest

from tests.ops.helpers import ROOT, fetch, free_port, run, with_database

REQUEST_ID = "probe-" + uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def failing_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("error-log")
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        CONCORDANCE_CACHE_DIR=str(folder / "cache"),
        CONCORDANCE_LOG_DIR=str(folder / "log"),
        DATABASE_URL=with_database(os.environ["DATABASE_URL"], f"no_such_database_{uuid.uuid4().hex[:8]}"),
    )
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    port = free_port()
    stderr_path = folder / "gunicorn.stderr"
    with open(stderr_path, "w") as stderr:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "concordance.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, stderr_path.read_text()
            try:
                status, headers, body = fetch(port, "/", {"X-Request-ID": REQUEST_ID}, timeout=30)
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.3)
        time.sleep(0.5)  # let the worker's log lines reach the files
        yield status, headers, body.decode(), stderr_path.read_text(), (folder / "log" / "concordance.log")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


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
