"""Quantities: French cardinals and ordinals read as numbers, and the package's purity.

The sources' quantities, their subjects and their comparison have modules of their own
(test_quantities_in_*.py, test_quantity_*.py).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from concordance.lib import quantities as module
from concordance.lib.quantities import parse_french_number, parse_french_ordinal

# --------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("quatre-vingt-dix", 90),
        ("soixante et onze", 71),
        ("soixante-et-onze", 71),
        ("dix-huit", 18),
        ("trente", 30),
        ("soixante", 60),
        ("quarante", 40),
        ("seize", 16),
        ("vingt-quatre", 24),
        ("vingt et un", 21),
        ("vingt-et-une", 21),
        ("une", 1),
        ("cent", 100),
        ("deux cents", 200),
        ("deux-cents", 200),
        ("deux cent trois", 203),
        ("quatre-vingts", 80),
        ("quatre-vingt-un", 81),
        ("quatre-vingt-dix-neuf", 99),
        ("soixante-dix-sept", 77),
        ("mille", 1000),
        ("deux mille vingt-quatre", 2024),
        ("Nonante", 90),
        ("90", 90),
        ("1 000", 1000),
    ],
)
def test_parse_french_number(words: str, value: int) -> None:
    assert parse_french_number(words) == value


@pytest.mark.parametrize("words", ["", "et", "vingt trente", "deux trois", "dix dix", "cent cent", "jours", "premier"])
def test_parse_french_number_rejects_what_is_not_a_cardinal(words: str) -> None:
    assert parse_french_number(words) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("quatre-vingt-dixième", 90),
        ("quarantième", 40),
        ("trentième", 30),
        ("premier", 1),
        ("première", 1),
        ("troisième", 3),
        ("quatrième", 4),
        ("cinquième", 5),
        ("neuvième", 9),
        ("onzième", 11),
        ("vingt et unième", 21),
        ("soixante-dix-neuvième", 79),
        ("centième", 100),
        ("1er", 1),
        ("90e", 90),
        ("2ème", 2),
    ],
)
def test_parse_french_ordinal(words: str, value: int) -> None:
    assert parse_french_ordinal(words) == value


@pytest.mark.parametrize("words", ["quarante", "unième", "ième", "article", "90"])
def test_parse_french_ordinal_rejects_what_is_not_an_ordinal(words: str) -> None:
    assert parse_french_ordinal(words) is None


# --------------------------------------------------------------------------
# Purity


def test_module_imports_only_the_standard_library() -> None:
    package = module.__name__
    imported = {
        name if name.startswith("concordance.") else name.split(".")[0]
        for path in Path(module.__file__).parent.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    outside = {name for name in imported if not name.startswith(package + ".")}
    # The one library module it may use: the no-op marker of its French labels for the message catalogue.
    assert outside <= set(sys.stdlib_module_names) | {"__future__", "concordance.lib.translatable"}
