"""Server time of the comparison pages against the static-file floor.

Starts the app under gunicorn on loopback with production settings, requests
the comparison page of every curated pair, and the same HTML bytes served as
a static file by the same server, then prints median and 95th percentile of
each and their ratio, all measured in this one run.

Server time is what gunicorn itself logs for each request (its access log's
request time, from the request parsed to the last byte written), so the
client's own overhead is left out; the client's request-to-last-byte time is
printed beside it for comparison. The server is bench/serving.py's, started
as ``make serve`` starts it (``--preload``).

    make bench-pairs      # or, with DATABASE_URL set:
    .venv/bin/python bench/compare_pages.py [--rounds 3] [--workers 2]

Bounded: loopback only, a fixed number of requests, stops by itself. The
floor copies go into a folder of STATIC_ROOT that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from serving import ROOT, Server, percentile, production_env

FLOOR_DIR = "bench-floor"


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
    subprocess.run([sys.executable, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    floor_dir = Path(settings.STATIC_ROOT) / FLOOR_DIR
    floor_urls = [f"{settings.STATIC_URL}{FLOOR_DIR}/pair-{index}.html" for index in range(len(urls))]

    with tempfile.TemporaryDirectory(prefix="concordance-bench-") as scratch:
        log = Path(scratch) / "access.log"
        try:
            # First server: fetch each page once and write its bytes as the
            # floor. setup_corpus has already cached the comparisons, so this
            # measures a fresh worker reading the cache, not one computed.
            floor_dir.mkdir(parents=True, exist_ok=True)
            with Server(env, args.workers, log) as server:
                for url, floor_url in zip(urls, floor_urls, strict=True):
                    (floor_dir / Path(floor_url).name).write_bytes(server.get(url, url).body)
            # Read once gunicorn has stopped: its last log lines are written then.
            first = server.times()
            # Second server: whitenoise indexes static files when it starts,
            # so this one serves the floor copies; pages are measured warm,
            # after one fetch each, which is left out.
            with Server(env, args.workers, log) as server:
                for url in urls:
                    server.get(url, url)
                client_pages, client_floor = [], []
                for _ in range(args.rounds):
                    for url, floor_url in zip(urls, floor_urls, strict=True):
                        client_pages.append(server.get(url, url).seconds)
                        client_floor.append(server.get(floor_url, floor_url).seconds)
            served = server.times()
        finally:
            shutil.rmtree(floor_dir, ignore_errors=True)

    first_fetch = [first[url][0] for url in dict.fromkeys(urls)]
    pages = [t for url in dict.fromkeys(urls) for t in served[url][1:]]
    floor = [t for url in floor_urls for t in served[url]]

    print(
        f"{len(urls)} curated pairs, {args.rounds} rounds, gunicorn --preload with {args.workers} workers on loopback"
    )
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
