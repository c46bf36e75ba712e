"""Time the exports of the longest pair: the Word document of UN art. 40 against Budapest art. 27.

Runs in this process through Django's test client against the database of
DATABASE_URL (migrated, corpus loaded): no server, so the figures are the
application's own work. The first request computes the comparison (then
cached like the page's); the rounds after it time what a reader downloading
it again waits for. The comparison API and the UN Akoma Ntoso document are
timed beside it.

    DATABASE_URL=… .venv/bin/python bench/exports.py [--rounds 9]

Target (issue 15): a comparison's DOCX under 1 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDRESSES = {
    "DOCX UN 40 / Budapest 27": "/compare/un/art_40/budapest/art_27/comparison.docx",
    "API  UN 40 / Budapest 27": "/api/comparisons/un/art_40/budapest/art_27/",
    "AKN  UN (68 articles)": "/un/akn.xml",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9)
    rounds = parser.parse_args().rounds
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    cache.clear()
    for name, address in ADDRESSES.items():
        started = time.perf_counter()
        response = client.get(address)
        first = time.perf_counter() - started
        assert response.status_code == 200, (address, response.status_code)
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(address)
            times.append(time.perf_counter() - started)
        spread = f"min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {rounds} rounds"
        print(
            f"{name}: first {first * 1000:.0f} ms, then median {statistics.median(times) * 1000:.0f} ms "
            f"({spread}), {len(response.content):,} bytes"
        )


if __name__ == "__main__":
    main()
