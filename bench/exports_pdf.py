"""Time of the PDF exports against their targets: a comparison under 1 s, a chapter's handout under 10 s.

The longest pair (UN art. 40, 2,769 words, against Budapest art. 27) as
``comparison.pdf``, and the handout of the UN Convention's offences chapter
(chapter II, 13 comparisons, 17 pages), requested through Django's test
client on the database of DATABASE_URL (loaded with ``make data``). The
first request of each warms the process (imports, fonts, cached
comparisons) and is printed apart; the median of the following rounds is
compared with the target. Exits 1 when a median is over its target.

    .venv/bin/python bench/exports_pdf.py [--rounds 5]

Bounded: two addresses, a fixed number of rounds, no network.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXPORTS = [
    ("comparison UN 40 / Budapest 27", "/compare/un/art_40/budapest/art_27/comparison.pdf", 1.0),
    ("handout, UN chapter II (offences)", "/handouts/?from=un&chapter=chp_2", 10.0),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    over = 0
    for name, url, target in EXPORTS:
        times = []
        for _ in range(args.rounds + 1):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            if response.status_code != 200 or response["Content-Type"] != "application/pdf":
                print(f"HTTP {response.status_code} for {url}: {response.content[:200]!r}")
                return 1
        first, median = times[0], statistics.median(times[1:])
        flag = "OVER" if median > target else "ok"
        over += median > target
        print(
            f"{flag:4} {name}: median {median:.2f} s over {args.rounds} rounds (target < {target:g} s; "
            f"first request {first:.2f} s, slowest {max(times[1:]):.2f} s, {len(response.content) // 1024} KiB)"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
