"""Imports flow one way: down the layers, never up.

The table below is the architecture, read from the bottom: each module of
``concordance/`` belongs to the first layer whose prefix names it (the
longest prefix wins), and may import from the layers under it; the apps
side by side in one layer do not import each other. A module that matches no
prefix fails the test too: a new app or module must be placed here, which is where a newcomer reads what sits on what.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "concordance"

# Bottom to top. A module may import from its own app or module and from every
# layer listed before its own; the apps of one layer are independent of each other.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "pure library: no Django, no database (tests/lib/test_purity.py)",
        [
            "concordance.lib",
        ],
    ),
    (
        "shared services: used by every app, importing none",
        [
            "concordance.caching",  # content-addressed cache keys and the cache calls
            "concordance.glossary",  # the curated glossary, loaded once per process
            "concordance.csv_cells",  # spreadsheet-safe CSV cells
            "concordance.filtering",  # query-string filter forms returning typed filters
            "concordance.htmx",  # one template per page, a named partial for htmx
            "concordance.paging",  # pages of a growing list: count, links keeping the filters, 400/404
            "concordance.security",  # middleware and sign-in lockout
            "concordance.api_errors",  # the API's error shape
            "concordance.cache_backends",  # a cache that fails soft: a miss, never an error
            "concordance.error_log",  # request ids, the error log and the 500 page
            "concordance.languages",  # the interface language: from the address, the switch, bilingual names
        ],
    ),
    (
        "the data version and the whole-response cache, over the shared services",
        [
            "concordance.versioning",
        ],
    ),
    (
        "texts",
        [
            "concordance.corpus",
        ],
    ),
    (
        "links between texts",
        [
            "concordance.crossrefs",
            "concordance.mapping",
        ],
    ),
    (
        "views over a pair of texts",
        [
            "concordance.comparison",
            "concordance.editions",
        ],
    ),
    (
        "views over everything",
        [
            "concordance.search",
            "concordance.analysis",
        ],
    ),
    (
        "pages composing several apps",
        [
            "concordance.reading",
        ],
    ),
    (
        "documents taken away: Word, PDF, handouts, spreadsheets, Akoma Ntoso",
        [
            "concordance.exports",
        ],
    ),
    (
        "the JSON API",
        [
            "concordance.api",
        ],
    ),
    (
        "a server's start: what a worker's first request would do, done before it",
        [
            "concordance.warm_up",
        ],
    ),
    (
        "the project: addresses, settings, entry points",
        [
            "concordance.urls",
            "concordance.settings",
            "concordance.wsgi",
            "concordance",  # the package's own __init__ only: it places nothing below it
        ],
    ),
]

# Imports that climb today and belong to another piece of work: each must
# name why it is tolerated; the test fails once it no longer climbs, so the
# list only shrinks.
TOLERATED: dict[tuple[str, str], str] = {}


def placement(module: str) -> tuple[int, str] | None:
    """The layer of ``module`` and the prefix that places it (the longest that matches)."""
    best: tuple[int, str] | None = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "concordance"
            if (module == prefix or inside) and (best is None or len(prefix) > len(best[1])):
                best = (index, prefix)
    return best


def layer_of(module: str) -> int | None:
    found = placement(module)
    return None if found is None else found[0]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The concordance modules ``path`` imports, wherever the import statement is."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # "from concordance import glossary" imports concordance.glossary.
            names.update(f"{base}.{alias.name}" if base == "concordance" else base for alias in node.names)
    return {name for name in names if name == "concordance" or name.startswith("concordance.")}


def sources() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def climbing_imports() -> dict[tuple[str, str], str]:
    found = {}
    for path in sources():
        importer = module_name(path)
        below = layer_of(importer)
        for imported in imports_of(path):
            above = layer_of(imported)
            if below is not None and above is not None and above > below:
                found[(importer, imported)] = f"{LAYERS[below][0]} → {LAYERS[above][0]}"
    return found


def test_every_module_has_a_layer():
    unplaced = [module_name(path) for path in sources() if layer_of(module_name(path)) is None]
    assert unplaced == [], "add these modules to LAYERS in tests/test_layering.py"


def test_no_import_climbs_to_a_higher_layer():
    climbing = climbing_imports()
    assert {edge: why for edge, why in climbing.items() if edge not in TOLERATED} == {}


def test_apps_side_by_side_in_a_layer_do_not_import_each_other():
    sideways = {}
    for path in sources():
        importer = placement(module_name(path))
        for imported in imports_of(path):
            target = placement(imported)
            if importer and target and importer[0] == target[0] and importer[1] != target[1]:
                sideways[(module_name(path), imported)] = LAYERS[importer[0]][0]
    assert sideways == {}


def test_tolerated_climbs_still_exist():
    assert set(TOLERATED) <= set(climbing_imports()), "remove the ones that no longer climb from TOLERATED"


def test_the_layer_of_a_module_is_its_longest_prefix():
    assert layer_of("concordance.lib.eids") == 0
    assert LAYERS[layer_of("concordance.corpus.models") or 0][0] == "texts"
    assert layer_of("concordance.api") == layer_of("concordance.api.anything")
    assert layer_of("concordance.api_errors") == 1  # a prefix is matched on whole names
    assert layer_of("concordance") == len(LAYERS) - 1
    assert layer_of("concordance.newapp") is None  # a new app must be placed
    assert layer_of("elsewhere") is None
