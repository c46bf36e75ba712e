"""Cells of the CSV files the site serves, made safe for spreadsheets.

A shared service: the concordance export (``exports.concordance_sheet``) and the
divergences export (``analysis.divergences``) both write through it.
"""

from __future__ import annotations

# Excel reads a file without a byte-order mark as the local code page and garbles the accents.
BOM = "\ufeff"
# A cell opening with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: str) -> str:
    """The cell as text a spreadsheet shows, never evaluates: a leading apostrophe does that."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
