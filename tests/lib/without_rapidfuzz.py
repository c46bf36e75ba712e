"""Importing a library module as it would load on a machine without rapidfuzz."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest


def import_without_rapidfuzz(monkeypatch: pytest.MonkeyPatch, name: str) -> ModuleType:
    """A fresh copy of module (or package) ``name`` and of its submodules, imported
    while rapidfuzz is unavailable; the originals are put back after the test."""
    for blocked in ("rapidfuzz", "rapidfuzz.distance", "rapidfuzz.fuzz"):
        monkeypatch.setitem(sys.modules, blocked, None)
    for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    parent_name, _, attribute = name.rpartition(".")
    parent = importlib.import_module(parent_name)
    # Importing rebinds the parent package's attribute: restore it afterwards too.
    monkeypatch.setattr(parent, attribute, getattr(parent, attribute))
    return importlib.import_module(name)
