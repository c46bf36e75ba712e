"""Server time of every page type against the static floor of the same bytes, warm and cold.

Starts the app under gunicorn on loopback with production settings (the
response cache on, as served), and for each page type of issue 16 measures:

- warm: the page asked for again, as a browser does (``Accept-Encoding: gzip,
  br``), interleaved at random with the very bytes it received written as a
  static file and served by the same server (the floor);
- revalidated: the same request with the ETag it got (a 304);
- cold: the first request after a data change (``versions.advance()``), the
  page rendered and stored again;
- first: each page's first request after the server started.

Server time is gunicorn's own (its access log's request time); each request
carries an ``X-Bench`` label that the log line repeats, so a page and its htmx
partial, which share a path, are told apart. Medians and 95th percentiles of
one run; the ratio is page / floor of the same page.

    make bench            # or, with DATABASE_URL set:
    .venv/bin/python bench/pages.py [--rounds 20] [--cold-rounds 3] [--workers 2]

Bounded: loopback only, a fixed number of requests, stops by itself. The
floor files go into a folder of STATIC_ROOT that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from serving import ROOT, Server, percentile, production_env

FLOOR_DIR = "bench-pages-floor"
BROWSER = {"Accept-Encoding": "gzip, br"}


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    htmx: bool = False


PAGES = [
    Page("home", "/"),
    Page("instrument", "/un/"),
    Page("article", "/un/art-25/"),
    Page("concordance", "/concordance/"),
    Page("concordance filtered", "/concordance/?from=un&chapter=chp_4&theme=&relation="),
    Page("concordance htmx", "/concordance/?from=un&chapter=chp_4&theme=&relation=", htmx=True),
    Page("comparison 25/16", "/compare/un/art_25/budapest/art_16/"),
    Page("comparison 40/27", "/compare/un/art_40/budapest/art_27/"),
    Page("divergences", "/divergences/"),
    Page("quantities", "/quantities/"),
    Page("glossary", "/glossary/"),
    Page("theme", "/themes/procedural-powers/"),
    Page("editions", "/budapest/editions/"),
    Page("search conservation rapide", "/search/?q=conservation+rapide"),
    Page("search données", "/search/?q=donn%C3%A9es"),
    Page("api instrument", "/api/instruments/un/"),
    Page("api concordance", "/api/concordance/"),
]


def page_headers(page: Page) -> dict[str, str]:
    return {"HX-Request": "true"} if page.htmx else {}


def advance_data_version() -> None:
    from concordance.versioning import versions

    versions.advance()


def measure(args: argparse.Namespace, env: dict[str, str], floor_dir: Path, static_url: str) -> dict[str, list[float]]:
    floor_urls = {page.name: f"{static_url}{FLOOR_DIR}/{index}.bin" for index, page in enumerate(PAGES)}
    with tempfile.TemporaryDirectory(prefix="concordance-bench-") as scratch:
        log = Path(scratch) / "access.log"
        # First server: each page once as a fresh server sees it, and its
        # bytes as sent (compressed) written as the floor file.
        advance_data_version()
        floor_dir.mkdir(parents=True, exist_ok=True)
        with Server(env, args.workers, log, headers=BROWSER) as server:
            for index, page in enumerate(PAGES):
                answer = server.get(page.path, f"first:{page.name}", **page_headers(page))
                (floor_dir / f"{index}.bin").write_bytes(answer.body)
                if "content-encoding" in answer.headers:
                    print(f"  {page.name}: {len(answer.body):,} bytes sent ({answer.headers['content-encoding']})")
        times = {label: values for label, values in server.times().items()}
        # Second server: whitenoise indexes the floor files when it starts.
        with Server(env, args.workers, log, headers=BROWSER) as server:
            etags = {}
            for page in PAGES:
                etags[page.name] = server.get(page.path, "warm-up", **page_headers(page)).headers["etag"]
                server.get(floor_urls[page.name], "warm-up")
            for _ in range(args.rounds):
                order = [(kind, page) for page in PAGES for kind in ("page", "floor", "304")]
                random.shuffle(order)
                for kind, page in order:
                    if kind == "page":
                        server.get(page.path, f"page:{page.name}", **page_headers(page))
                    elif kind == "floor":
                        server.get(floor_urls[page.name], f"floor:{page.name}")
                    else:
                        server.get(
                            page.path, f"304:{page.name}", **page_headers(page), **{"If-None-Match": etags[page.name]}
                        )
            for _ in range(args.cold_rounds):
                advance_data_version()
                for page in PAGES:
                    server.get(page.path, f"cold:{page.name}", **page_headers(page))
        times.update(server.times())
    return times


def ms(values: list[float], share: float | None = None) -> float:
    return (statistics.median(values) if share is None else percentile(values, share)) * 1000


def report(times: dict[str, list[float]], args: argparse.Namespace) -> None:
    print(
        f"\n{len(PAGES)} page types, {args.rounds} warm rounds interleaved with their floors, "
        f"{args.cold_rounds} cold rounds, gunicorn --preload with {args.workers} workers; server times in ms"
    )
    print(
        f"{'page':<28} {'warm med':>9} {'p95':>7} {'floor med':>9} {'p95':>6} {'ratio':>6} {'p95 ratio':>9} "
        f"{'304 med':>8} {'cold med':>9} {'first':>7}"
    )
    ratios, p95_ratios = [], []
    for page in PAGES:
        warm, floor = times[f"page:{page.name}"], times[f"floor:{page.name}"]
        ratio, p95_ratio = ms(warm) / ms(floor), ms(warm, 0.95) / ms(floor, 0.95)
        ratios.append(ratio)
        p95_ratios.append(p95_ratio)
        print(
            f"{page.name:<28} {ms(warm):9.2f} {ms(warm, 0.95):7.2f} {ms(floor):9.2f} {ms(floor, 0.95):6.2f} "
            f"{ratio:5.1f}× {p95_ratio:8.1f}× {ms(times[f'304:{page.name}']):8.2f} "
            f"{ms(times[f'cold:{page.name}']):9.1f} {ms(times[f'first:{page.name}']):7.1f}"
        )
    print(
        f"ratio page / floor over the page types: median {statistics.median(ratios):.1f}×, "
        f"worst {max(ratios):.1f}×; p95 ratio worst {max(p95_ratios):.1f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cold-rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = production_env()
    env["CONCORDANCE_RESPONSE_CACHE"] = "1"
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    subprocess.run([sys.executable, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    floor_dir = Path(settings.STATIC_ROOT) / FLOOR_DIR
    try:
        times = measure(args, env, floor_dir, settings.STATIC_URL)
    finally:
        shutil.rmtree(floor_dir, ignore_errors=True)
    report(times, args)


if __name__ == "__main__":
    main()
