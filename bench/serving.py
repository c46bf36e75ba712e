"""The benches' server: gunicorn on loopback with production settings, its access log read back.

One ``Server`` for every bench (``make bench``, ``make bench-pairs``,
``make bench-scale``, bench/start.py): started as ``make serve`` starts it
(``--preload``, so the workers are forked from a warmed master, and the
project's gunicorn.conf.py), each request labelled with an ``X-Bench``
header that gunicorn's access log repeats beside the worker's pid and its
own request time (from the request parsed to the last byte written, so the
client's overhead is left out).
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The label, the worker's pid (as <pid>), the status and the request time in microseconds: gunicorn's own measure.
ACCESS_LOG_FORMAT = "%({x-bench}i)s %(p)s %(s)s %(D)s"


def production_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="concordance.settings",
    )
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(connection: http.client.HTTPConnection, path: str) -> tuple[float, bytes]:
    """Seconds to the last byte and the body of a GET that must answer 200."""
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return elapsed, body


def answers_200(port: int, process: subprocess.Popen, timeout: float = 60, poll: float = 0.05) -> None:
    """Until ``/`` answers 200 on ``port`` (behind nginx, a 502 until gunicorn's workers are up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited during start-up; see its output above.")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/", headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(poll)
    raise SystemExit(f"nothing answered 200 on port {port} within {timeout:.0f} s")


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited during start-up; see its output above.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the server did not start within {timeout:.0f} s.")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes
    seconds: float  # request to last byte, as the client saw it


@dataclass(frozen=True)
class Served:
    """One line of gunicorn's access log."""

    label: str
    pid: int
    status: int
    seconds: float


class Server:
    """gunicorn on loopback; its access log read back as labelled server times.

    ``headers`` go with every request (as a browser's would); ``timeout`` is
    gunicorn's: a page computed from scratch at a hundred times the corpus
    (bench/scale.py) takes seconds.
    """

    def __init__(
        self,
        env: dict[str, str],
        workers: int,
        log: Path,
        *,
        headers: dict[str, str] | None = None,
        timeout: int = 300,
    ) -> None:
        self.port = free_port()
        self.log = log
        self.env = env
        self.headers = {"Host": "127.0.0.1", **(headers or {})}
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "concordance.wsgi",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--preload",
            "--timeout",
            str(timeout),
            "--log-level",
            "warning",
            "--access-logfile",
            str(log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
        ]

    def __enter__(self) -> Server:
        self.log.write_text("")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env)
        wait_until_up(self.port, self.process, timeout=60)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=30)

    def get(self, path: str, label: str, **headers: str) -> Answer:
        """A GET labelled ``label`` in the log; anything but 200 or 304 stops the bench."""
        started = time.perf_counter()
        self.connection.request("GET", path, headers={**self.headers, "X-Bench": label, **headers})
        response = self.connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        if response.status not in (200, 304):
            raise SystemExit(f"{path} ({label}): HTTP {response.status}")
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, body, seconds)

    def served(self) -> list[Served]:
        """Every request, in the order served (read once gunicorn has stopped: its last lines are written then)."""
        found = []
        for line in self.log.read_text().splitlines():
            label, pid, status, micros = line.rsplit(" ", 3)
            found.append(Served(label, int(pid.strip("<>")), int(status), int(micros) / 1_000_000))
        return found

    def times(self) -> dict[str, list[float]]:
        """Seconds per label, in the order served."""
        found: dict[str, list[float]] = {}
        for served in self.served():
            found.setdefault(served.label, []).append(served.seconds)
        return found
