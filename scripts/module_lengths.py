"""Fail when a Python module is longer than the project allows.

A module past a few hundred lines usually holds several concerns; the limit
makes the split happen when the second one arrives.  The limit, the folders
and the exceptions (migrations, which Django writes) are in pyproject.toml
under [tool.module-length].  `make lint` runs this script.

    python scripts/module_lengths.py          # offenders, longest first; exit 1 if any
"""

import fnmatch
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def settings() -> tuple[int, list[str], list[str]]:
    with (PROJECT / "pyproject.toml").open("rb") as file:
        table = tomllib.load(file)["tool"]["module-length"]
    return table["max-lines"], table["paths"], table.get("exclude", [])


def modules(paths: list[str], exclude: list[str]) -> list[Path]:
    found = []
    for name in paths:
        path = PROJECT / name
        for module in [path] if path.is_file() else sorted(path.rglob("*.py")):
            relative = module.relative_to(PROJECT).as_posix()
            if not any(fnmatch.fnmatch(relative, pattern) for pattern in exclude):
                found.append(module)
    return found


def main() -> int:
    limit, paths, exclude = settings()
    lengths = [(len(module.read_bytes().splitlines()), module) for module in modules(paths, exclude)]
    offenders = sorted(((lines, module) for lines, module in lengths if lines > limit), reverse=True)
    for lines, module in offenders:
        print(f"{module.relative_to(PROJECT)}: {lines} lines (limit {limit}): split it along its concerns")
    if offenders:
        print(f"{len(offenders)} module(s) longer than {limit} lines", file=sys.stderr)
        return 1
    print(f"module lengths: all {len(lengths)} modules within {limit} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
