"""Server time of the comparison pages against the static-file floor.

Starts the app under gunicorn on loopback with production settings, requests
the comparison page of every curated pair, and the same HTML bytes served as
a static file by the same server, then prints median and 95th percentile of
each and their ratio, all measured in this one run. Times are request to
last byte as this client sees them on loopback, for pages and floor alike.

    make bench            # or, with DATABASE_URL set:
    .venv/bin/python bench/compare_pages.py [--rounds 3] [--workers 2]

Bounded: loopback only, a fixed number of requests, stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_DIR = "bench-floor"


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
    import django

    django.setup()
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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def describe(name: str, times: list[float]) -> str:
    return f"{name:<22} median {statistics.median(times) * 1000:7.2f} ms   p95 {percentile(times, 0.95) * 1000:7.2f} ms   (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = production_env()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    urls = curated_pair_urls()
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)

    port = free_port()
    gunicorn = [python, "-m", "gunicorn", "concordance.wsgi", "--bind", f"127.0.0.1:{port}",
                "--workers", str(args.workers), "--log-level", "warning"]
    # First pass: fetch each page once and write its bytes as static files.
    # setup_corpus has already cached the comparisons, so these first fetches
    # measure a fresh worker reading the cache, not a comparison computed.
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    try:
        wait_until_up(port, server)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        cold = []
        floor_dir = ROOT / "var" / "staticfiles" / FLOOR_DIR
        floor_dir.mkdir(parents=True, exist_ok=True)
        for index, url in enumerate(urls):
            elapsed, body = get(connection, url)
            cold.append(elapsed)
            (floor_dir / f"pair-{index}.html").write_bytes(body)
    finally:
        server.terminate()
        server.wait(timeout=30)

    # Second server: whitenoise indexes static files at start-up, so it now
    # serves the floor copies; pages are measured warm, after one fetch each.
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    try:
        wait_until_up(port, server)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for url in urls:
            get(connection, url)
        pages, floor = [], []
        for _ in range(args.rounds):
            for index, url in enumerate(urls):
                pages.append(get(connection, url)[0])
                floor.append(get(connection, f"/static/{FLOOR_DIR}/pair-{index}.html")[0])
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"{len(urls)} curated pairs, {args.rounds} rounds, gunicorn with {args.workers} workers on loopback")
    print(describe("first fetch after start", cold))
    print(describe("comparison pages", pages))
    print(describe("static floor", floor))
    print(
        f"ratio pages / floor: median {statistics.median(pages) / statistics.median(floor):.1f}×, "
        f"p95 {percentile(pages, 0.95) / percentile(floor, 0.95):.1f}×"
    )


if __name__ == "__main__":
    main()
