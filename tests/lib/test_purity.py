"""The text-processing library stays free of Django and of the database."""

import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[2] / "concordance" / "lib"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_library_modules_import_neither_django_nor_a_database_driver():
    offenders = {
        str(path.relative_to(LIB)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] in {"django", "psycopg"}
        )
        for path in LIB.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}
