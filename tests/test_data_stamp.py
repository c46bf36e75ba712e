"""`make data` is skipped only when nothing it loads changed (scripts/data_stamp.py, issue 16 §3)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def stamp(tmp_path, monkeypatch):
    """The script over a copy of what it hashes, with a database version we control."""
    spec = importlib.util.spec_from_file_location("data_stamp", ROOT / "scripts" / "data_stamp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "source.md").write_text("Article premier\n")
    (tmp_path / "concordance").mkdir()
    (tmp_path / "concordance" / "ingest.py").write_text("PARSER = 1\n")
    (tmp_path / "manage.py").write_text("")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "STAMPS", tmp_path / "var" / "data-stamps")
    module.version = "7:aaaa"
    monkeypatch.setattr(module, "data_version", lambda url: module.version)
    monkeypatch.setenv("DATABASE_URL", "postgresql://someone@/somewhere")

    def run(command: str) -> int:
        monkeypatch.setattr(sys, "argv", ["data_stamp.py", command])
        return module.main()

    module.run = run
    return module


def test_unchanged_only_after_a_set_up_and_until_anything_changes(stamp, tmp_path):
    assert stamp.run("check") == 1  # never set up on this database
    assert stamp.run("write") == 0
    assert stamp.run("check") == 0
    (tmp_path / "fixtures" / "source.md").write_text("Article premier.\n")  # a source changed
    assert stamp.run("check") == 1
    assert stamp.run("write") == 0 and stamp.run("check") == 0
    (tmp_path / "concordance" / "ingest.py").write_text("PARSER = 2\n")  # the parser changed
    assert stamp.run("check") == 1
    assert stamp.run("write") == 0
    (tmp_path / "concordance" / "0002_new.py").write_text("")  # a new migration
    assert stamp.run("check") == 1
    assert stamp.run("write") == 0
    stamp.version = "8:bbbb"  # a curator's edit, a restore: the data version moved
    assert stamp.run("check") == 1
    assert stamp.run("write") == 0 and stamp.run("check") == 0
    stamp.version = None  # a flushed or recreated database
    assert stamp.run("check") == 1


def test_the_stamp_is_per_database(stamp, monkeypatch):
    assert stamp.run("write") == 0 and stamp.run("check") == 0
    monkeypatch.setenv("DATABASE_URL", "postgresql://someone@/elsewhere")
    assert stamp.run("check") == 1


def test_the_real_inputs_are_the_projects_fixtures_code_and_migrations():
    spec = importlib.util.spec_from_file_location("data_stamp_real", ROOT / "scripts" / "data_stamp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {"fixtures", "concordance", "pyproject.toml"} <= set(module.INPUTS)
    assert "data_stamp.py check" in (ROOT / "Makefile").read_text()


@pytest.mark.django_db
def test_the_data_version_is_read_from_the_database(settings):
    spec = importlib.util.spec_from_file_location("data_stamp_db", ROOT / "scripts" / "data_stamp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    name = settings.DATABASES["default"]["NAME"]  # the test database, as DATABASE_URL reaches its server
    url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    assert module.data_version(url) is not None
    assert module.data_version(urlunsplit(urlsplit(url)._replace(path=f"/{name}_missing"))) is None
