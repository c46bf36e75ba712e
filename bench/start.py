"""How fast the server starts, and what a worker's first request of each page costs against warm ones.

Runs what ``make serve`` runs after ``make data`` (collectstatic_if_changed,
then gunicorn --preload with production settings) and times the first 200
from the moment the command starts. Then, with the response cache off so
that every request renders, asks every page type of bench/pages.py and a
cached PDF (in an order shuffled per run) six times over, as many requests
at once as there are workers so that each worker serves each page, on
bench/serving.py's server: from
gunicorn's access log (the worker's pid and its own request time), a
worker's first request of a page is compared with that worker's requests of
it from the third on (warm), per page, and each worker's very first request
of all with the warm ones of its page.

    .venv/bin/python bench/start.py [--runs 3] [--workers 2] [--make] [--port 8000]

``--make`` also times the whole ``make serve`` (``make data``'s check, then
collectstatic_if_changed, nginx and gunicorn) from the command to the first
200 through nginx on ``--port``, when nothing changed since the last run
(one untimed run first makes sure of that), and stops it.

Bounded: loopback only, a fixed number of requests, stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pages import PAGES, Page, page_headers
from serving import ROOT, Served, Server, answers_200, production_env

# Each page asked this many times per run and worker.
ROUNDS = 6
# A download whose first request in a worker imported WeasyPrint, even when the PDF was already drawn (cached).
PDF = Page("pdf 25/16 (cached)", "/compare/un/art_25/budapest/art_16/comparison.pdf")


def measured_pages() -> list[Page]:
    """The page types of bench/pages.py, and a PDF where WeasyPrint can run."""
    try:
        import weasyprint  # noqa: F401 - its system libraries load at import
    except (ImportError, OSError) as error:
        print(f"no PDF measured: WeasyPrint cannot run here ({error})")
        return list(PAGES)
    return [*PAGES, PDF]


def time_to_answer(env: dict[str, str], workers: int) -> float:
    """Seconds from `make serve`'s steps starting to the first 200 (the data already loaded)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    with (
        tempfile.TemporaryDirectory(prefix="concordance-start-") as scratch,
        Server(env, workers, Path(scratch) / "access.log") as server,
    ):
        answers_200(server.port, server.process, timeout=120)
        return time.perf_counter() - started


def make_serve_to_answer(port: int, workers: int, make_args: list[str]) -> float:
    """Seconds from ``make serve`` starting to its first 200 through nginx on ``port``."""
    env = {**os.environ, "PORT": str(port), "WORKERS": str(workers)}
    started = time.perf_counter()
    # A session of its own: make, serve.sh, nginx and gunicorn are stopped together, and only they.
    process = subprocess.Popen(
        ["make", *make_args, "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        answers_200(port, process, timeout=120)
        return time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        time.sleep(0.5)  # nginx lets its port go


def together(server: Server, page: Page, count: int) -> None:
    """``count`` requests of ``page`` at once, each on its own connection: a sync worker serves one
    request at a time, so with ``count`` workers each serves one (in sequence, one worker could serve all)."""

    def one() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
        try:
            connection.request("GET", page.path, headers={**server.headers, "X-Bench": page.name, **page_headers(page)})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{page.path}: HTTP {response.status}")
        finally:
            connection.close()

    with ThreadPoolExecutor(count) as pool:
        for answer in [pool.submit(one) for _ in range(count)]:
            answer.result()


def served_once_started(env: dict[str, str], workers: int, run: int) -> list[Served]:
    """Every request of one run, as the server's log has it, the response cache off."""
    env = {**env, "CONCORDANCE_RESPONSE_CACHE": "0"}
    order = measured_pages()
    random.Random(run).shuffle(order)
    with tempfile.TemporaryDirectory(prefix="concordance-start-") as scratch:
        with Server(env, workers, Path(scratch) / "access.log") as server:
            time.sleep(1.0)  # the workers have forked, opened their connection and wait for requests
            for _ in range(ROUNDS):
                for page in order:
                    together(server, page, workers)
        return server.served()


def prime(env: dict[str, str], pages: list[Page]) -> None:
    """Every page asked once before the runs, in a server of its own: what the cache holds once a
    site has served (the analyses of this data and code, the PDF drawn today). After a change of
    the code a worker's first /quantities/ would otherwise compute the analyses (100x a warm one),
    and on a new day its first PDF would draw it (10x): the cost of a change, not of a start."""
    with (
        tempfile.TemporaryDirectory(prefix="concordance-start-") as scratch,
        Server({**env, "CONCORDANCE_RESPONSE_CACHE": "0"}, 1, Path(scratch) / "access.log") as server,
    ):
        for page in pages:
            together(server, page, 1)


def first_and_warm(served: list[Served]) -> tuple[dict[str, list[float]], dict[str, list[float]], list[Served]]:
    """Per page, each worker's first request of it and its third and later ones; and each worker's very first."""
    seen: dict[tuple[int, str], int] = {}
    first: dict[str, list[float]] = {}
    warm: dict[str, list[float]] = {}
    very_first: dict[int, Served] = {}
    for request in served:
        very_first.setdefault(request.pid, request)
        count = seen[request.pid, request.label] = seen.get((request.pid, request.label), 0) + 1
        if count == 1:
            first.setdefault(request.label, []).append(request.seconds)
        elif count >= 3:
            warm.setdefault(request.label, []).append(request.seconds)
    return first, warm, list(very_first.values())


def report(served: list[Served], workers: int, runs: int) -> None:
    first, warm, very_first = first_and_warm(served)
    print(
        f"first request of a page in a worker against that worker's warm ones (3rd on), server time in ms, "
        f"gunicorn --preload, {workers} workers, {runs} runs, response cache off:"
    )
    print(f"{'page':<28} {'first med':>9} {'worst':>8} {'warm med':>9} {'first/warm':>10} {'worst/warm':>10}  n")
    worst_ratios = []
    for page in measured_pages():
        firsts, warms = first.get(page.name, []), warm.get(page.name, [])
        if not firsts or not warms:
            print(f"{page.name:<28} (not served often enough by one worker to compare)")
            continue
        warm_median = statistics.median(warms)
        worst_ratios.append((max(firsts) / warm_median, page.name))
        print(
            f"{page.name:<28} {statistics.median(firsts) * 1000:9.1f} {max(firsts) * 1000:8.1f} "
            f"{warm_median * 1000:9.1f} {statistics.median(firsts) / warm_median:9.1f}× "
            f"{max(firsts) / warm_median:9.1f}×  {len(firsts)}"
        )
    worst, name = max(worst_ratios)
    print(f"worst first / warm over the pages: {worst:.1f}× ({name})")
    ratios = [request.seconds / statistics.median(warm[request.label]) for request in very_first]
    print(
        f"each worker's very first request ({len(very_first)}, any page): "
        f"median {statistics.median(ratios):.1f}×, worst {max(ratios):.1f}× its page's warm median"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--make", action="store_true", help="also time the whole `make serve` when nothing changed")
    parser.add_argument("--port", type=int, default=8000, help="the port `make serve` listens on (--make)")
    parser.add_argument("--make-args", default="", help="arguments for make before `serve` (--make)")
    args = parser.parse_args()
    env = production_env()

    if args.make:
        make_args = args.make_args.split()
        make_serve_to_answer(args.port, args.workers, make_args)  # whatever changed is loaded here, untimed
        runs = [make_serve_to_answer(args.port, args.workers, make_args) for _ in range(args.runs)]
        print(
            f"make serve to the first 200, nothing changed: {', '.join(f'{s:.2f} s' for s in runs)}; "
            f"median {statistics.median(runs):.2f} s"
        )

    answers = [time_to_answer(env, args.workers) for _ in range(args.runs)]
    print(
        f"make serve's own steps to the first 200 (static files unchanged): "
        f"{', '.join(f'{s:.2f} s' for s in answers)}; median {statistics.median(answers):.2f} s"
    )
    prime(env, measured_pages())
    served = [request for run in range(args.runs) for request in served_once_started(env, args.workers, run)]
    report(served, args.workers, args.runs)


if __name__ == "__main__":
    main()
