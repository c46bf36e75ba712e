"""Server time of every page type at ×1, ×10 and ×100 the corpus, uncached, with the slowest queries' plans.

Builds a scratch database on the server of DATABASE_URL (dropped at the
end): the corpus and the curated concordance as ``make data`` loads them,
then synthetic instruments copied from the real ones, each copy with its
editions, divisions, provisions, notes, references, correspondences (between
the copies of one round), themes and missing-counterpart records, until the
corpus is 10 then 100 times its size. At each scale it serves the app under
gunicorn with the response cache off and reports each page type's server
time (gunicorn's log; the first request of each page left out) and ten
typical searches; at the largest scale, the plans of the slowest statements.

    make bench-scale      # or, with DATABASE_URL set:
    .venv/bin/python bench/scale.py [--scales 1 10 100] [--rounds 3]
    .venv/bin/python bench/scale.py --only-searches --search-plans --database my_scale --keep

``--database`` names the scratch database (two people running the bench on
one cluster then never collide, and ``--keep`` leaves it for reading plans
with psql); ``--only-searches`` measures the ten searches alone;
``--search-plans`` prints each search's slowest statement with
``EXPLAIN (ANALYZE, BUFFERS)`` at the largest scale.

Bounded: loopback only, a fixed number of requests, a scratch database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from pages import BROWSER, PAGES
from serving import ROOT, Server, percentile, production_env

SEARCHES = [
    "conservation rapide",
    "données relatives au trafic",
    "fournisseur de services",
    "accès illégal",
    "extradition",
    "entraide",
    "article 25",
    "interception",
    "confiscation",
    "données",
]
# Tables copied with each synthetic instrument; their ids move by OFFSET × the copy's number.
COPIED = [
    "corpus_instrument",
    "corpus_edition",
    "corpus_division",
    "corpus_provision",
    "corpus_note",
    "corpus_note_articles",
    "crossrefs_reference",
    "crossrefs_referencetarget",
    "mapping_correspondence",
    "mapping_correspondence_themes",
    "mapping_missingcounterpart",
    "mapping_theme_articles",
]
OFFSET = 1_000_000
# The analysis pages compute every curated comparison, quantity and glossary
# occurrence of the whole corpus once per data state: at x100 that took more
# than 15 minutes and 2.7 GB (6 December 2026), so above --analysis-up-to
# they are left out rather than measured.
ANALYSIS_PAGES = {"divergences", "quantities", "glossary"}
# Columns that must stay unique across copies, and how a copy changes them.
DISTINCT = {
    ("corpus_instrument", "slug"): "{column} || '-x{copy}'",
    ("corpus_instrument", "position"): "{column} + 10 * {copy}",
    ("corpus_note", "position"): "{column} + 100000 * {copy}",
}


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def libpq(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def foreign_keys(connection: psycopg.Connection, table: str) -> dict[str, str]:
    rows = connection.execute(
        """SELECT a.attname, c.confrelid::regclass::text FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
           WHERE c.contype = 'f' AND c.conrelid = %s::regclass""",
        [table],
    ).fetchall()
    return dict(rows)


def columns(connection: psycopg.Connection, table: str) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            """SELECT column_name FROM information_schema.columns
               WHERE table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position""",
            [table],
        )
    ]


def copy_corpus(url: str, copies: range) -> None:
    """Add a synthetic copy of every instrument for each number in ``copies``."""
    with psycopg.connect(libpq(url)) as connection:
        for copy in copies:
            for table in COPIED:
                keys = foreign_keys(connection, table)
                names = columns(connection, table)
                values: list[sql.Composable] = []
                for name in names:
                    column = sql.Identifier(name)
                    if name == "id" or keys.get(name) in COPIED:
                        values.append(sql.SQL("{} + {}").format(column, sql.Literal(OFFSET * copy)))
                    elif (table, name) in DISTINCT:
                        values.append(sql.SQL(DISTINCT[(table, name)].format(column="{}", copy=copy)).format(column))
                    else:
                        values.append(column)
                connection.execute(
                    sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} WHERE id < {}").format(
                        sql.Identifier(table),
                        sql.SQL(", ").join(map(sql.Identifier, names)),
                        sql.SQL(", ").join(values),
                        sql.Identifier(table),
                        sql.Literal(OFFSET),
                    )
                )
        for table in COPIED:
            connection.execute(
                sql.SQL("SELECT setval(pg_get_serial_sequence({}, 'id'), (SELECT max(id) FROM {}))").format(
                    sql.Literal(table), sql.Identifier(table)
                )
            )
        connection.execute("ANALYZE")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def measure(env: dict[str, str], rounds: int, leave_out: set[str], pages: bool = True) -> dict[str, list[float]]:
    paths = [(page.name, page.path, page.htmx) for page in PAGES if pages and page.name not in leave_out]
    paths += [(f"search: {q}", f"/search/?q={quote_plus(q)}", False) for q in SEARCHES]
    with tempfile.TemporaryDirectory(prefix="concordance-scale-") as scratch:
        with Server(env, 2, Path(scratch) / "access.log", headers=BROWSER) as server:
            for _ in range(rounds + 1):
                for name, path, htmx in paths:
                    server.get(path, name, **({"HX-Request": "true"} if htmx else {}))
        # The first request of each page is left out: its worker's first of it.
        return {name: times[1:] for name, times in server.times().items()}


def _timed_requests(env: dict[str, str], paths: list[tuple[str, bool]]) -> list[tuple[float, str, tuple]]:
    """``(seconds, statement, params)`` of every statement of one request of each path (in this process)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    timed: list[tuple[float, str, tuple]] = []

    def timer(execute: Any, statement: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            timed.append((time.perf_counter() - started, statement, params))

    client = Client(HTTP_HOST="127.0.0.1")
    with connection.execute_wrapper(timer):
        for path, htmx in paths:
            response = client.get(path, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code} when timing its statements")
    return timed


def _plan(statement: str, params: Any, options: str = "ANALYZE", lines: int = 14) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ({options}) " + statement, params)
        return "\n".join(row[0] for row in cursor.fetchall()[:lines])


def slowest_statements(env: dict[str, str], leave_out: set[str], count: int = 3) -> list[tuple[float, str, str]]:
    """The slowest statements of one request of each page, with their plans (in this process)."""
    timed = _timed_requests(env, [(page.path, page.htmx) for page in PAGES if page.name not in leave_out])
    return [
        (seconds, statement, _plan(statement, params))
        for seconds, statement, params in sorted(timed, key=lambda item: -item[0])[:count]
    ]


def search_plans(env: dict[str, str]) -> list[tuple[float, str, str]]:
    """Each search's slowest statement, with its plan and buffers (in this process)."""
    found = []
    for query in SEARCHES:
        timed = _timed_requests(env, [(f"/search/?q={quote_plus(query)}", False)])
        seconds, statement, params = max(timed, key=lambda item: item[0])
        total = sum(item[0] for item in timed)
        plan = _plan(statement, params, "ANALYZE, BUFFERS", lines=40)
        found.append((seconds, f"[{query}: {len(timed)} statements, {total * 1000:.1f} ms in SQL] {statement}", plan))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--analysis-up-to", type=int, default=10, help="measure the analysis pages up to this scale")
    parser.add_argument("--database", help="name of the scratch database (default: bench_scale_<random>)")
    parser.add_argument("--keep", action="store_true", help="leave the scratch database at the end")
    parser.add_argument("--only-searches", action="store_true", help="measure the ten searches, not the pages")
    parser.add_argument("--search-plans", action="store_true", help="the plans of the searches at the largest scale")
    args = parser.parse_args()
    if args.scales != sorted(args.scales) or args.scales[0] < 1 or args.scales[-1] > 200:
        parser.error("--scales: increasing, from 1 to 200")
    if args.database is not None and not (args.database.replace("_", "").isalnum() and args.database.isascii()):
        parser.error("--database: letters, digits and underscores")

    base = production_env()
    name = args.database or f"bench_scale_{uuid.uuid4().hex[:8]}"
    server_url = libpq(with_database(base["DATABASE_URL"], "postgres"))
    with psycopg.connect(server_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            # Someone else's, or one left by an interrupted run: never dropped by us.
            raise SystemExit(f"--database {name}: that database exists; choose another name or drop it first")
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(base["DATABASE_URL"], name)
    results: dict[int, dict[str, list[float]]] = {}
    plans: list[tuple[float, str, str]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="concordance-scale-cache-") as cache:
            env = {**base, "DATABASE_URL": url, "CONCORDANCE_RESPONSE_CACHE": "0", "CONCORDANCE_CACHE_DIR": cache}
            development = {**env, "DJANGO_DEBUG": "1"}
            manage(development, "migrate", "--noinput", "-v", "0")
            manage(development, "ingest", "-v", "0")
            manage(development, "import_concordance")
            manage(env, "collectstatic_if_changed")
            built = 1
            for scale in args.scales:
                started = time.monotonic()
                copy_corpus(url, range(built, scale))
                built = scale
                leave_out = set() if scale <= args.analysis_up_to else ANALYSIS_PAGES
                if not leave_out and not args.only_searches:
                    # As setup_corpus does after loading: the analyses computed
                    # once, not by the first request of the measured server.
                    manage({**development, "CONCORDANCE_CACHE_DIR": cache}, "warm_analysis")
                print(f"×{scale}: corpus built in {time.monotonic() - started:.1f} s; measuring", flush=True)
                results[scale] = measure(env, args.rounds, leave_out, pages=not args.only_searches)
            plans = [] if args.only_searches else slowest_statements(env, leave_out)
            if args.search_plans:
                plans += search_plans(env)
    finally:
        if args.keep:
            print(f"scratch database kept: {name}")
        else:
            with psycopg.connect(server_url, autocommit=True) as connection:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    report(results, plans, args)


def report(results: dict[int, dict[str, list[float]]], plans: list[tuple[float, str, str]], args: Any) -> None:
    scales = sorted(results)
    print(
        f"\nuncached server time, median / p95 ms over {args.rounds} rounds (gunicorn, 2 workers, response cache off)"
    )
    print(f"{'page':<34}" + "".join(f"{'×' + str(s):>18}" for s in scales) + f"{'×max / ×1':>11}")
    searches: dict[int, list[float]] = {s: [] for s in scales}
    for name in results[scales[0]]:
        cells = []
        for scale in scales:
            times = results[scale].get(name)
            if times is None:
                cells.append("not measured")
                continue
            cells.append(f"{statistics.median(times) * 1000:9.1f} / {percentile(times, 0.95) * 1000:6.1f}")
            if name.startswith("search: "):
                searches[scale] += times
        largest = [results[s][name] for s in scales if name in results[s]][-1]
        growth = statistics.median(largest) / statistics.median(results[scales[0]][name])
        print(f"{name:<34}" + "".join(f"{cell:>18}" for cell in cells) + f"{growth:10.1f}×")
    print(
        f"{'ten searches pooled':<34}"
        + "".join(
            f"{statistics.median(searches[s]) * 1000:9.1f} / {percentile(searches[s], 0.95) * 1000:6.1f}"
            for s in scales
        )
    )
    for seconds, statement, plan in plans:
        print(
            f"\n-- {seconds * 1000:.1f} ms at ×{scales[-1]}, {len(statement):,} characters: {statement[:300]}…\n{plan}"
        )


if __name__ == "__main__":
    main()
