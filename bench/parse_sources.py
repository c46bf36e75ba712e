"""Time of parsing the three source documents, without a database.

The parser runs on every ``ingest``; this prints the median and the slowest
of a few rounds for each source and exits 1 when the three together take
longer than ``--bound`` seconds (median). Speed is measured here, not in the
test suite, so that a busy machine cannot fail a test.

    .venv/bin/python bench/parse_sources.py [--rounds 5] [--bound 0.5]

Bounded: a fixed number of rounds over three files, no network, no database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from concordance.lib.parsing import parse_benin_decree, parse_budapest_bill, parse_un_resolution  # noqa: E402

SOURCES = ROOT / "fixtures" / "sources"
PARSERS = {
    "un-resolution-79-243-fr.txt": parse_un_resolution,
    "budapest-bill-905-2003-fr.txt": parse_budapest_bill,
    "budapest-benin-decree-2024-773-fr.txt": parse_benin_decree,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bound", type=float, default=0.5, help="seconds for the three sources together (median)")
    args = parser.parse_args()
    texts = {name: (SOURCES / name).read_text(encoding="utf-8") for name in PARSERS}
    totals = []
    per_source: dict[str, list[float]] = {name: [] for name in PARSERS}
    for _ in range(max(1, args.rounds)):
        total = 0.0
        for name, parse in PARSERS.items():
            started = time.perf_counter()
            parse(texts[name], name)
            elapsed = time.perf_counter() - started
            per_source[name].append(elapsed)
            total += elapsed
        totals.append(total)
    for name, times in per_source.items():
        print(f"{name:42} median {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms")
    median = statistics.median(totals)
    print(
        f"{'all three':42} median {median * 1000:7.1f} ms   max {max(totals) * 1000:7.1f} ms"
        f"   bound {args.bound * 1000:.0f} ms"
    )
    return 0 if median <= args.bound else 1


if __name__ == "__main__":
    sys.exit(main())
