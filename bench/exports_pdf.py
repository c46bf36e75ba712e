"""Time of the document exports against their targets: a comparison as PDF or DOCX < 1 s, a handout < 10 s.

The longest pair (UN art. 40, 2,769 words, against Budapest art. 27) as
``comparison.pdf`` and ``comparison.docx``, UN 25 / Budapest 16 as PDF (one
page), and the handout of the UN Convention's offences chapter (chapter II,
13 comparisons, 17 pages), requested through Django's test client on the
database of DATABASE_URL (loaded with ``make data``).

Each address is timed four ways, in this order:

- *first*: the process's first request for it (imports, fonts, the
  comparison computed unless the cache has it), printed apart;
- *cold*: the file produced again, the whole-response cache off
  (``settings.RESPONSE_CACHE``) and the PDF drawn again (the cache of drawn
  PDFs, ``exports.pdf.html_to_pdf``, bypassed); the median of ``--rounds``
  is compared with the target;
- *drawn before*: the response cache off, the PDF cache on, as for a
  signed-in curator or after a data change that leaves the page as it was
  (the page's HTML is rendered, its PDF read back);
- *warm*: an anonymous reader's repeat download, served by the response
  cache (``concordance/versioning``) under the data version.

Wall-clock and CPU time (this process) are printed: on a machine shared
with other work the wall clock includes waiting for a core, the CPU time
does not. Exits 1 when a cold median is over its target.

    .venv/bin/python bench/exports_pdf.py [--rounds 5]

Bounded: four addresses, a fixed number of rounds, no network.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent

EXPORTS = [
    ("PDF  UN 40 / Budapest 27", "/compare/un/art_40/budapest/art_27/comparison.pdf", 1.0),
    ("PDF  UN 25 / Budapest 16", "/compare/un/art_25/budapest/art_16/comparison.pdf", 1.0),
    ("DOCX UN 40 / Budapest 27", "/compare/un/art_40/budapest/art_27/comparison.docx", 1.0),
    ("PDF  handout, UN chapter II (offences)", "/handouts/?from=un&chapter=chp_2", 10.0),
]


def timed(client: Any, url: str) -> tuple[float, float, Any]:
    """Wall-clock and CPU seconds of one request, and its response."""
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    return time.perf_counter() - wall, time.process_time() - cpu, response


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
    import django

    django.setup()
    from django.test import Client, override_settings

    from concordance.exports import pdf

    def drawn_again(namespace: str, inputs: object, build: Callable[[], bytes]) -> bytes:
        return build()

    client = Client()
    over = 0
    for name, url, target in EXPORTS:
        with override_settings(RESPONSE_CACHE=False), mock.patch.object(pdf, "cached", drawn_again):
            first, _, response = timed(client, url)
            runs = [timed(client, url) for _ in range(args.rounds)]
        drawn_before = ""
        if response["Content-Type"] == "application/pdf":  # Word documents are built anew each time
            with override_settings(RESPONSE_CACHE=False):
                client.get(url)  # drawn and stored
                again = [timed(client, url)[0] for _ in range(args.rounds)]
            drawn_before = f"drawn before {statistics.median(again) * 1000:.0f} ms; "
        if response.status_code != 200 or not response["Content-Type"].startswith("application/"):
            print(f"HTTP {response.status_code} for {url}: {response.content[:200]!r}")
            return 1
        client.get(url)  # stored by the response cache
        warm = [timed(client, url)[0] for _ in range(args.rounds)]
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        flag = "OVER" if wall > target else "ok"
        over += wall > target
        print(
            f"{flag:4} {name}: cold median {wall:.2f} s (CPU {cpu:.2f} s, slowest {max(r[0] for r in runs):.2f} s) "
            f"over {args.rounds} rounds, target < {target:g} s; first request {first:.2f} s; "
            f"{drawn_before}"
            f"warm median {statistics.median(warm) * 1000:.1f} ms; {len(response.content) // 1024} KiB"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
