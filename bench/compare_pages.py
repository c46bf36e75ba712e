"""Server time of the comparison pages against the static-file floor.

Starts the app under gunicorn on loopback with production settings, requests
the comparison page of every curated pair, and the same HTML bytes served as
a static file by the same server, then prints median and 95th percentile of
each and their ratio, all measured in this one run.

Server time is what gunicorn itself logs for each request (its access log's
request time, from the request parsed to the last byte written), so the
client's own overhead is left out; the client's request-to-last-byte time is
printed beside it for comparison.

    make bench-pairs      # or, with DATABASE_URL set:
    .venv/bin/python bench/compare_pages.py [--rounds 3] [--workers 2]

Bounded: loopback only, a fixed number of requests, stops by itself. The
floor copies go into a folder of STATIC_ROOT that is removed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_DIR = "bench-floor"
# Path, status and request time in microseconds: gunicorn's own measure.
ACCESS_LOG_FORMAT = "%(U)s %(s)s %(D)s"


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


def curated_pair_urls() -> list[str]:
    from django.urls import reverse

    from concordance.mapping.models import Correspondence

    return [
        reverse(
            "compare",
            args=[c.left.edition.instrument.slug, c.left.eid, c.right.edition.instrument.slug, c.right.eid],
        )
        for c in Correspondence.objects.curated().with_provisions()
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(connection: http.client.HTTPConnection, path: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return elapsed, body


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited during start-up; see its output above.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start within 30 s.")


class Server:
    """gunicorn on loopback, its access log read back as server times."""

    def __init__(self, python: str, env: dict[str, str], workers: int, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.command = [
            python,
            "-m",
            "gunicorn",
            "concordance.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--access-logfile",
            str(log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
        ]
        self.env = env

    def __enter__(self) -> Server:
        self.log.write_text("")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env)
        wait_until_up(self.port, self.process)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=30)

    def server_times(self) -> dict[str, list[float]]:
        """Seconds per path, in the order the requests were served."""
        times: dict[str, list[float]] = {}
        for line in self.log.read_text().splitlines():
            path, status, micros = line.rsplit(" ", 2)
            if status != "200":
                raise SystemExit(f"{path}: HTTP {status} in gunicorn's log")
            times.setdefault(path, []).append(int(micros) / 1_000_000)
        return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<34} median {statistics.median(times) * 1000:7.2f} ms   "
        f"p95 {percentile(times, 0.95) * 1000:7.2f} ms   (n={len(times)})"
    )


def ratio(pages: list[float], floor: list[float]) -> str:
    return (
        f"median {statistics.median(pages) / statistics.median(floor):.1f}×, "
        f"p95 {percentile(pages, 0.95) / percentile(floor, 0.95):.1f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = production_env()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    urls = curated_pair_urls()
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    floor_dir = Path(settings.STATIC_ROOT) / FLOOR_DIR
    floor_urls = [f"{settings.STATIC_URL}{FLOOR_DIR}/pair-{index}.html" for index in range(len(urls))]

    with tempfile.TemporaryDirectory(prefix="concordance-bench-") as scratch:
        log = Path(scratch) / "access.log"
        try:
            # First server: fetch each page once and write its bytes as the
            # floor. setup_corpus has already cached the comparisons, so this
            # measures a fresh worker reading the cache, not one computed.
            floor_dir.mkdir(parents=True, exist_ok=True)
            with Server(python, env, args.workers, log) as server:
                for url, floor_url in zip(urls, floor_urls, strict=True):
                    body = get(server.connection, url)[1]
                    (floor_dir / Path(floor_url).name).write_bytes(body)
            # Read once gunicorn has stopped: its last log lines are written then.
            first = server.server_times()
            # Second server: whitenoise indexes static files when it starts,
            # so this one serves the floor copies; pages are measured warm,
            # after one fetch each, which is left out.
            with Server(python, env, args.workers, log) as server:
                for url in urls:
                    get(server.connection, url)
                client_pages, client_floor = [], []
                for _ in range(args.rounds):
                    for url, floor_url in zip(urls, floor_urls, strict=True):
                        client_pages.append(get(server.connection, url)[0])
                        client_floor.append(get(server.connection, floor_url)[0])
            served = server.server_times()
        finally:
            shutil.rmtree(floor_dir, ignore_errors=True)

    first_fetch = [first[url][0] for url in dict.fromkeys(urls)]
    pages = [t for url in dict.fromkeys(urls) for t in served[url][1:]]
    floor = [t for url in floor_urls for t in served[url]]

    print(f"{len(urls)} curated pairs, {args.rounds} rounds, gunicorn with {args.workers} workers on loopback")
    print("server time (gunicorn's access log):")
    print(describe("  first fetch after start", first_fetch))
    print(describe("  comparison pages", pages))
    print(describe("  static floor", floor))
    print(f"  ratio pages / floor: {ratio(pages, floor)}")
    print("client time (request to last byte, for comparison):")
    print(describe("  comparison pages", client_pages))
    print(describe("  static floor", client_floor))
    print(f"  ratio pages / floor: {ratio(client_pages, client_floor)}")


if __name__ == "__main__":
    main()
