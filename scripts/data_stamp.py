"""Whether `make data` has anything to do: a stamp of what the set-up loaded, and from what.

`make data` (run by `make serve`, `make run`, the benches) migrates and runs
`setup_corpus`, which re-reads and re-parses the three sources, re-imports
the concordance and warms the analyses: about 3 s of start-up that change
nothing when nothing changed. After a set-up, `write` records

* a hash of the bytes of everything the set-up reads or runs: the sources
  and fixtures (`fixtures/`), the application code and its migrations
  (`concordance/`), `manage.py` and `pyproject.toml` (the dependencies'
  versions);
* the database's data version (`versioning_dataversion`: advanced by a
  trigger in every transaction that writes the corpus or the curated data,
  see concordance/versioning/versions.py), read right after the set-up.

`check` succeeds only when both are the same again: a changed source,
fixture, line of code or migration, a curator's edit, a restore, a flushed
or recreated database (no version row) all make it fail, and `make data`
then runs in full. The stamp is kept per database (`var/data-stamps/`,
named by a hash of DATABASE_URL). No Django here: this must cost less than
the work it saves, and starting Django alone takes most of a second.

    python scripts/data_stamp.py check   # exit 0: unchanged, nothing to load
    python scripts/data_stamp.py write   # after a successful set-up
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ["fixtures", "concordance", "manage.py", "pyproject.toml"]
STAMPS = ROOT / "var" / "data-stamps"


def inputs_digest() -> str:
    """Hash of the names and bytes of every file the set-up reads or runs."""
    digest = hashlib.sha256()
    for entry in INPUTS:
        path = ROOT / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def data_version(url: str) -> str | None:
    """The database's data version, or None when it has none (new, flushed or unreachable database)."""
    try:
        with psycopg.connect("postgresql://" + url.split("://", 1)[1], connect_timeout=5) as connection:
            row = connection.execute("SELECT counter, token FROM versioning_dataversion WHERE id = 1").fetchone()
    except psycopg.Error:
        return None
    return f"{row[0]}:{row[1]}" if row else None


def stamp_path(url: str) -> Path:
    return STAMPS / (hashlib.sha256(url.encode()).hexdigest()[:16] + ".json")


def current(url: str) -> dict[str, str | None]:
    return {"inputs": inputs_digest(), "data_version": data_version(url)}


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in ("check", "write"):
        print(__doc__.strip().splitlines()[-2:], file=sys.stderr)
        return 2
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        print("error: DATABASE_URL is not set (the Makefile sets it)", file=sys.stderr)
        return 2
    path = stamp_path(url)
    now = current(url)
    if sys.argv[1] == "write":
        if now["data_version"] is None:
            print("warning: the database has no data version; no stamp written", file=sys.stderr)
            return 0
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(now))
        return 0
    try:
        recorded = json.loads(path.read_text())
    except (OSError, ValueError):
        return 1
    return 0 if now["data_version"] is not None and recorded == now else 1


if __name__ == "__main__":
    sys.exit(main())
