"""Databases, clusters and servers of their own for the operations tests.

These tests back up, restore, re-ingest and restart: they work on a scratch
database (or a throw-away PostgreSQL cluster), through the same commands an
operator runs, in subprocesses; the test database of the other tests is
never touched.
"""

from __future__ import annotations

import glob
import http.client
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent.parent


# --- databases -------------------------------------------------------------


def libpq_url(url: str) -> str:
    """A DATABASE_URL as libpq reads it (Django also accepts pgsql://)."""
    return "postgresql://" + url.split("://", 1)[1] if url.startswith("pgsql://") else url


def with_database(url: str, name: str) -> str:
    """The same server, user and options, another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@contextmanager
def scratch_database(prefix: str) -> Iterator[str]:
    """A new, empty database on the server of DATABASE_URL; dropped afterwards."""
    server_url = libpq_url(with_database(os.environ["DATABASE_URL"], "postgres"))
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(os.environ["DATABASE_URL"], name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def environment(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a command run by hand on that database (development settings)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="1", DATABASE_URL=database_url, CI="1", **extra)
    return env


def run(
    args: list[str], env: dict[str, str], *, check: bool = True, timeout: float = 240
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        args,
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert result.returncode == 0, (
            f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def manage(database_url: str, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "manage.py", *args], environment(database_url, **extra))


def load_database(database_url: str, *, concordance: bool = True) -> None:
    """What `make data` does to an empty database."""
    manage(database_url, "migrate", "--noinput", "-v", "0")
    manage(database_url, "ingest", "-v", "0")
    if concordance:
        manage(database_url, "import_concordance")


def rows(database_url: str, tables: list[str]) -> dict[str, list[str]]:
    """Every row of each table, as PostgreSQL prints it, sorted: full row sets."""
    with psycopg.connect(libpq_url(database_url)) as connection:
        return {
            table: sorted(
                row[0]
                for row in connection.execute(
                    sql.SQL("SELECT t::text FROM {} AS t").format(sql.Identifier("public", table))
                )
            )
            for table in tables
        }


def tables(database_url: str) -> list[str]:
    with psycopg.connect(libpq_url(database_url)) as connection:
        return [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]


def sequences(database_url: str) -> dict[str, int | None]:
    with psycopg.connect(libpq_url(database_url)) as connection:
        return dict(
            connection.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
            ).fetchall()
        )


def schema(database_url: str) -> str:
    """The schema as pg_dump prints it (tables, columns, indexes, constraints, extensions)."""
    text = run(["pg_dump", "--schema-only", "--no-owner", "--dbname", libpq_url(database_url)], dict(os.environ)).stdout
    # pg_dump ≥ 15.14 brackets its output with a random \restrict key.
    return "\n".join(line for line in text.splitlines() if not line.startswith(("\\restrict", "\\unrestrict")))


def database_state(database_url: str) -> dict[str, object]:
    """Everything a restore must bring back: schema, every row of every table, sequences."""
    return {
        "schema": schema(database_url),
        "rows": rows(database_url, tables(database_url)),
        "sequences": sequences(database_url),
    }


def differences(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """Readable differences between two row sets (a table name and what changed)."""
    found = []
    for table in sorted(set(before) | set(after)):
        old, new = set(before.get(table, [])), set(after.get(table, []))
        if table not in after or table not in before:
            found.append(f"{table}: {'missing after' if table not in after else 'new'}")
        elif old != new or len(before[table]) != len(after[table]):
            found.append(
                f"{table}: {len(old - new)} rows lost, {len(new - old)} rows new, e.g. {sorted(old ^ new)[:2]}"
            )
    return found


# --- servers ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float = 30) -> tuple[int, str]:
    status, _, body = fetch(port, path, timeout=timeout)
    return status, body.decode("utf-8", "replace")


def fetch(port: int, path: str, headers: dict[str, str] | None = None, timeout: float = 30):
    """(status, headers with lower-case names, body bytes) of a GET on the loopback server."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
    finally:
        connection.close()


@contextmanager
def serving(database_url: str, *, workers: int = 1, env: dict[str, str] | None = None, **extra: str) -> Iterator[int]:
    """The app under gunicorn on a free loopback port, as one new process; stopped afterwards.

    With development settings on that database, unless ``env`` gives the whole environment.
    """
    env = environment(database_url, **extra) if env is None else env
    with gunicorn(database_url, workers=workers, env=env) as (port, _server):
        yield port


@contextmanager
def gunicorn(
    database_url: str,
    *,
    workers: int = 1,
    env: dict[str, str] | None = None,
    options: tuple[str, ...] = (),
    stderr: Path | None = None,
    **extra: str,
) -> Iterator[tuple[int, subprocess.Popen]]:
    """As ``serving``, with gunicorn's own options and its master process (to signal its workers).

    gunicorn's standard error goes to a file (``stderr``, for a test that
    reads it, or a temporary one), not a pipe: under production settings
    every 500 writes its traceback there, and a pipe nobody reads fills up
    and blocks every worker in mid-request. The project's gunicorn.conf.py
    is used, as by make serve.
    """
    port = free_port()
    env = environment(database_url, **extra) if env is None else env
    opened = open(stderr, "w+", encoding="utf-8", errors="replace") if stderr else None  # noqa: SIM115 - closed below
    with opened or tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "concordance.wsgi",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
                "--log-level",
                "warning",
                *options,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if server.poll() is not None:
                    log.seek(0)
                    raise AssertionError(f"gunicorn exited during start-up:\n{log.read()[-5000:]}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise AssertionError("gunicorn did not start within 60 s") from None
                    time.sleep(0.2)
            yield port, server
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def section(html: str, pattern: str) -> str:
    """The part of a page matched by a regular expression (DOTALL), or '' if absent."""
    match = re.search(pattern, html, re.DOTALL)
    return match.group(0) if match else ""


# --- a throw-away PostgreSQL cluster ----------------------------------------


def server_binaries() -> Path | None:
    """The folder of initdb/pg_ctl/postgres, as scripts/db.sh finds it, or None."""
    candidates = [os.environ.get("PG_BINDIR", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        candidates.append(str(Path(pg_ctl).resolve().parent))
    for folder in filter(None, candidates):
        if all(os.access(Path(folder) / program, os.X_OK) for program in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


class Cluster:
    """A PostgreSQL cluster in a temporary folder, reachable by its unix socket only.

    PostgreSQL refuses to run as root: root runs it as the "postgres" user,
    as scripts/db.sh does.
    """

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            try:
                pwd.getpwnam(self.user)
            except KeyError:
                raise AssertionError(
                    "running as root, but there is no 'postgres' user to run the throw-away "
                    "PostgreSQL cluster (PostgreSQL refuses to run as root): install the postgresql "
                    "package, which creates it, or run the tests as an ordinary user."
                ) from None
        # Short, in /tmp: a unix socket path is limited to about 100 bytes, and
        # pytest's own temporary folders are closed to the postgres user.
        self.base = Path(tempfile.mkdtemp(prefix="concordance-pg-"))
        self.data, self.socket, self.log = self.base / "data", self.base / "run", self.base / "postgres.log"
        self.socket.mkdir()
        if self.user:
            shutil.chown(self.base, self.user)
            shutil.chown(self.socket, self.user)
        self.url = f"postgresql://concordance@/concordance?host={self.socket}"

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bindir / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(
            command, check=False, capture_output=True, text=True, timeout=120, cwd="/", stdin=subprocess.DEVNULL
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise AssertionError(f"{program} {' '.join(args)} failed:\n{result.stdout}{result.stderr}\n{log}")
        return result

    # Throw-away data: durability is not wanted, speed is (unless a test restarts it as a crash would).
    FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"

    def create(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "concordance",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", self.options(), "start")
        with psycopg.connect(f"postgresql://concordance@/postgres?host={self.socket}", autocommit=True) as connection:
            connection.execute("CREATE DATABASE concordance")

    def options(self, *, durable: bool = False) -> str:
        return f"-c listen_addresses= {'' if durable else self.FAST} -k {self.socket} -p 5432"

    def restart(self, mode: str = "fast", *, durable: bool | None = None) -> None:
        """Stop (``fast``; ``immediate`` is a crash: no checkpoint, recovery from the WAL) and start again.

        pg_ctl restart keeps the options of the last start (postmaster.opts)
        unless ``durable`` gives new ones, but not its log file: without -l the
        server would hold our pipes.
        """
        new_options = [] if durable is None else ["-o", self.options(durable=durable)]
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", mode, "-w", "-t", "60", *new_options, "restart"
        )

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "-t", "60", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
