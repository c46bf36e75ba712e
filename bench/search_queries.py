"""Time of the search page on queries that used to be slow, against a bound.

A pasted, repetitive query ("Etats Parties données système informatique"
five times) once built a 16 825-character tsquery and took 140 s. Each query
below is requested through Django's test client on the database of
DATABASE_URL (loaded with ``make data``); the script prints the slowest of a
few rounds and exits 1 if any is over ``--bound`` seconds.

    .venv/bin/python bench/search_queries.py [--rounds 3] [--bound 2.0]

Bounded: a fixed list of queries, a fixed number of rounds, no network.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    ("Etats Parties données système informatique " * 5)[:193],
    "Partie " * 28,
    "préservation rapide données de trafic données de contenu système informatique "
    "fournisseur de services mineur possession diffusion entraide garanties détention",
    "préservation rapide",
    "données",
    "présevation",  # the trigram fallback
    "préservation " * 800,
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bound", type=float, default=2.0, help="seconds a search page may take")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    over = 0
    for query in QUERIES:
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            response = client.get("/search/", {"q": query})
            times.append(time.perf_counter() - start)
            if response.status_code != 200:
                print(f"HTTP {response.status_code} for {query[:40]!r}")
                over += 1
        slowest = max(times)
        flag = "OVER" if slowest > args.bound else "ok"
        over += slowest > args.bound
        print(f"{flag:4} {slowest:6.2f} s  {query[:60]!r}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
