"""Load test: concurrent visitors on a realistic mix of pages, with locust.

Starts the app with production settings as `make serve` does (scripts/serve.sh:
nginx on loopback in front of gunicorn --preload; `--server gunicorn` for
gunicorn alone), waits until its workers serve each kind of page, then
lets USERS simulated visitors (locust, as a library) read pages for
DURATION seconds, each pausing 0.5–1.5 s between pages (none with --no-pause, to find the server's ceiling):
the concordance table with and without filters, comparisons of curated
pairs, searches, article pages and instrument pages.  Prints, per page type
and overall, the number of requests, errors, throughput and the 50th, 95th
and 99th percentiles of response time (exact, from every response).

    make load                      # 32 visitors, 60 s, 3 gunicorn workers
    .venv/bin/python bench/load.py [--users 32] [--duration 60] [--workers 3] [--no-pause] [--port 8150]
    .venv/bin/python bench/load.py --users 8 32 64 128 --duration 30 --no-pause   # one level after the other

--prime asks for every page once before the load (not measured), as a
server that has been up a while has them in its response cache; without it
the first visit of each of the ~400 pages renders it.

Worker memory (resident set of each gunicorn worker) is read from /proc at
the end of each level.

Bounded: loopback only, stops after DURATION seconds or MAX_REQUESTS requests,
whichever comes first; read-only (GET requests).  Exits with status 1 if any
request failed.
"""

# locust runs on gevent, whose monkey-patching must come before anything
# imports socket, ssl or threading.
from gevent import monkey

monkey.patch_all()

import argparse
import http.client
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, constant, events, task
from locust.env import Environment

from compare_pages import curated_pair_urls
from serving import ROOT, answers_200, free_port, get, percentile, production_env

# What visitors look for in the search box: terms of both conventions, an
# article citation, a phrase.
SEARCHES = [
    "données relatives au trafic",
    "fournisseur de services",
    "conservation rapide",
    "accès illégal",
    "extradition",
    "entraide",
    "article 25",
    "pédopornographie",
    "interception",
    "confiscation",
    "système informatique",
    "droits de l'homme",
]


@dataclass
class Pages:
    """The URLs each kind of visit picks from."""

    concordance: list[str] = field(default_factory=list)
    filtered: list[str] = field(default_factory=list)
    comparisons: list[str] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)


def site_pages() -> Pages:
    """Every page of each kind, read from the database the app serves."""
    comparisons = curated_pair_urls()  # Django is set up by main()
    from django.urls import reverse

    from concordance.corpus.models import Instrument, Provision
    from concordance.mapping import table
    from concordance.mapping.models import Relation, Theme

    pages = Pages(comparisons=comparisons)
    concordance = reverse("concordance")
    themes = list(Theme.objects.values_list("slug", flat=True))
    for instrument in Instrument.objects.all():
        pages.instruments.append(reverse("instrument", args=[instrument.slug]))
        pages.concordance.append(f"{concordance}?{urlencode({'from': instrument.slug})}")
        filters = [{"chapter": chapter.eid} for chapter in table.chapters(instrument)]
        filters += [{"theme": slug} for slug in themes]
        filters += [{"relation": value} for value in Relation.values]
        filters += [{"missing": "on"}]
        pages.filtered += [f"{concordance}?{urlencode({'from': instrument.slug, **f})}" for f in filters]
    pages.articles = [
        reverse("article", args=[slug, int(eid.removeprefix("art_"))])
        for slug, eid in Provision.objects.filter(kind="article", edition__is_primary=True).values_list(
            "edition__instrument__slug", "article_eid"
        )
    ]
    pages.searches = [f"{reverse('search')}?{urlencode({'q': q})}" for q in SEARCHES]
    return pages


class Visitor(FastHttpUser):
    """A reader: mostly articles and comparisons, then the table and searches."""

    wait_time = between(0.5, 1.5)
    pages: Pages = Pages()

    def visit(self, name: str, urls: list[str]) -> None:
        # As a browser asks: compressed (FastHttpUser decodes gzip).
        self.client.get(random.choice(urls), name=name, headers={"Accept-Encoding": "gzip"})

    @task(4)
    def article(self) -> None:
        self.visit("article page", self.pages.articles)

    @task(3)
    def comparison(self) -> None:
        self.visit("comparison", self.pages.comparisons)

    @task(2)
    def concordance(self) -> None:
        self.visit("concordance table", self.pages.concordance)

    @task(2)
    def filtered(self) -> None:
        self.visit("concordance, filtered", self.pages.filtered)

    @task(2)
    def search(self) -> None:
        self.visit("search", self.pages.searches)

    @task(1)
    def instrument(self) -> None:
        self.visit("instrument page", self.pages.instruments)


@dataclass
class Record:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, name: str, response_time: float, exception: BaseException | None, response) -> None:
        self.times[name].append(response_time / 1000)
        if exception is not None:
            status = getattr(response, "status_code", None)
            self.errors[name].append(f"HTTP {status}" if status else type(exception).__name__)

    @property
    def count(self) -> int:
        return sum(len(times) for times in self.times.values())


def report(record: Record, elapsed: float, users: int, workers: int, pause: str, server: str, memory: list[int]) -> str:
    front = "nginx in front of " if server == "nginx" else ""
    lines = [
        f"{users} visitors for {elapsed:.0f} s ({pause}), {front}gunicorn --preload with {workers} workers on "
        f"loopback, production settings; worker memory (RSS) {', '.join(f'{kib / 1024:.0f} MB' for kib in memory)}",
        "",
        "| page type | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    everything: list[float] = []
    for name in sorted(record.times):
        times = record.times[name]
        everything += times
        lines.append(row(name, times, len(record.errors[name]), elapsed))
    if everything:
        total_errors = sum(len(errors) for errors in record.errors.values())
        lines.append(row("**overall**", everything, total_errors, elapsed))
    for name, errors in sorted(record.errors.items()):
        if errors:
            kinds: dict[str, int] = defaultdict(int)
            for error in errors:
                kinds[error] += 1
            lines.append(f"errors on {name}: " + ", ".join(f"{n}× {kind}" for kind, n in sorted(kinds.items())))
    return "\n".join(lines)


def row(name: str, times: list[float], errors: int, elapsed: float) -> str:
    return (
        f"| {name} | {len(times)} | {errors} | {len(times) / elapsed:.1f} | "
        f"{percentile(times, 0.50) * 1000:.0f} | {percentile(times, 0.95) * 1000:.0f} | "
        f"{percentile(times, 0.99) * 1000:.0f} |"
    )


def warm_up(port: int, pages: Pages, rounds: int) -> None:
    """Until every worker has booted and served each kind of page once (not measured).

    gunicorn binds its port before its workers have loaded the app; the first
    requests would measure start-up, not service.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(rounds):
        for urls in vars(pages).values():
            if urls:
                get(connection, urls[0])  # stops the run on anything but a 200
    connection.close()


def prime(port: int, pages: Pages) -> None:
    """Every page once, so that the load meets a warm response cache."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    urls = [url for kind in vars(pages).values() for url in kind]
    started = time.monotonic()
    for url in urls:
        # The Host locust sends: the response cache keys pages on it.
        connection.request("GET", url, headers={"Host": f"127.0.0.1:{port}", "Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
    connection.close()
    print(f"primed {len(urls)} pages in {time.monotonic() - started:.1f} s")


def children_of(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gunicorn_master(server: subprocess.Popen, kind: str) -> int:
    """The gunicorn master: the server itself, or the child of scripts/serve.sh that runs gunicorn."""
    if kind == "gunicorn":
        return server.pid  # its children are the workers, whose command line is the master's
    for child in children_of(server.pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"gunicorn" in command:
            return child
    return server.pid


def worker_memory(master: int) -> list[int]:
    """Resident memory of each gunicorn worker, in KiB (Linux /proc)."""
    children = children_of(master)
    memory = []
    for child in children:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except OSError:
            continue
        memory += [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")]
    return sorted(memory)


def run_level(port: int, users: int, args: argparse.Namespace) -> tuple[Record, float]:
    record = Record()
    Visitor.wait_time = constant(0) if args.no_pause else between(0.5, 1.5)
    environment = Environment(user_classes=[Visitor], events=events, host=f"http://127.0.0.1:{port}", stop_timeout=30)
    listener = environment.events.request.add_listener(
        lambda name, response_time, exception, response=None, **kw: record.add(name, response_time, exception, response)
    )
    runner = environment.create_local_runner()

    def stop_at_cap() -> None:
        while record.count < args.max_requests:
            gevent.sleep(0.2)
        runner.quit()

    print(f"==> {users} visitors for {args.duration:.0f} s against http://127.0.0.1:{port}/")
    started = time.monotonic()
    runner.start(users, spawn_rate=users)  # every visitor at once
    stoppers = [gevent.spawn_later(args.duration, runner.quit), gevent.spawn(stop_at_cap)]
    gevent.wait(stoppers, count=1)  # whichever comes first
    gevent.killall(stoppers)
    runner.greenlet.join()
    elapsed = time.monotonic() - started
    environment.events.request.remove_listener(listener)
    return record, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--users",
        type=int,
        nargs="+",
        default=[32],
        help="concurrent visitors (default 32); several levels run in turn",
    )
    parser.add_argument("--duration", type=float, default=60, help="seconds of load per level (default 60)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3, as make serve)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop a level early after this many requests")
    parser.add_argument("--no-pause", action="store_true", help="visitors ask for the next page at once")
    parser.add_argument("--prime", action="store_true", help="ask for every page once first (a warm response cache)")
    parser.add_argument(
        "--server",
        choices=["nginx", "gunicorn"],
        default="nginx",
        help="nginx in front of gunicorn as make serve runs it (default), or gunicorn alone",
    )
    parser.add_argument("--port", type=int, default=0, help="loopback port to serve on (default: a free one)")
    args = parser.parse_args()
    if not (all(1 <= users <= 500 for users in args.users) and 1 <= args.duration <= 3600 and args.workers >= 1):
        parser.error("--users must be 1–500, --duration 1–3600 s, --workers at least 1")
    if not (args.port == 0 or 1024 <= args.port <= 65534):
        parser.error("--port must be 1024–65534 (nginx takes it, gunicorn the next one)")

    env = production_env()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    # Since compare_pages.main() sets Django up itself (d082546), this script must too.
    django.setup()
    Visitor.pages = site_pages()
    for kind, urls in vars(Visitor.pages).items():
        if not urls:
            raise SystemExit(f"no {kind} pages: load the data first (make data).")
    from django.db import connections

    connections.close_all()  # this process only reads the URL lists
    print("pages: " + ", ".join(f"{len(urls)} {kind}" for kind, urls in vars(Visitor.pages).items()))

    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    port = args.port or free_port()
    nginx_dir = tempfile.mkdtemp(prefix="concordance-load-nginx-")
    server = start_server(args, port, env, nginx_dir)
    failed = 0
    pause = "no pause" if args.no_pause else "0.5–1.5 s pause between pages"
    try:
        answers_200(port, server, timeout=60, poll=0.3)
        warm_up(port, Visitor.pages, rounds=2 * args.workers)
        if args.prime:
            prime(port, Visitor.pages)
        logging.getLogger("locust").setLevel(logging.WARNING)
        for users in args.users:
            record, elapsed = run_level(port, users, args)
            memory = worker_memory(gunicorn_master(server, args.server))
            print(report(record, elapsed, users, args.workers, pause, args.server, memory))
            failed += sum(len(errors) for errors in record.errors.values())
    finally:
        server.terminate()  # serve.sh stops nginx and gunicorn on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(nginx_dir, ignore_errors=True)
    return 1 if failed else 0


def start_server(args: argparse.Namespace, port: int, env: dict[str, str], nginx_dir: str) -> subprocess.Popen:
    """scripts/serve.sh (what make serve runs) on ``port``, or gunicorn alone; output discarded."""
    python = sys.executable
    if args.server == "gunicorn":
        command = [python, "-m", "gunicorn", "concordance.wsgi", "--preload", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(args.workers), "--log-level", "warning"]
    else:
        # The venv's gunicorn, wherever this Python is (a worktree may share another checkout's venv).
        gunicorn = str(Path(python).parent / "gunicorn")
        env = {**env, "PORT": str(port), "WORKERS": str(args.workers), "NGINX_DIR": nginx_dir, "GUNICORN": gunicorn}
        command = ["bash", str(ROOT / "scripts" / "serve.sh")]
    # Every request is in gunicorn's access log on stdout: thousands a second.
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
