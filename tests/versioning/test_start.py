"""Starting fast: static files collected only when they changed; the workers' work done before the fork."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.template import engines


@pytest.fixture
def static_tree(settings, tmp_path):
    source = tmp_path / "static"
    source.mkdir()
    (source / "site.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    # Only the project's folder: the apps' files (admin, API docs) would only make it slower.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    return source


def collect(capsys) -> str:
    call_command("collectstatic_if_changed")
    return capsys.readouterr().out


def test_static_files_are_collected_once_then_only_when_one_changes(static_tree, settings, capsys):
    assert "collected into" in collect(capsys)
    collected = settings.STATIC_ROOT / "site.css"
    first_copy = collected.stat().st_mtime_ns
    assert "unchanged" in collect(capsys)
    assert collected.stat().st_mtime_ns == first_copy

    edited = static_tree / "site.css"
    edited.write_text("body { color: navy; }")
    # collectstatic compares times to the second: an edit is later than the copy.
    later = first_copy / 1e9 + 10
    os.utime(edited, (later, later))
    assert "collected into" in collect(capsys)
    assert collected.read_text() == "body { color: navy; }"

    (static_tree / "new.js").write_text("// new")
    assert "collected into" in collect(capsys)
    assert (settings.STATIC_ROOT / "new.js").is_file()


def test_force_collects_even_when_nothing_changed(static_tree, capsys):
    collect(capsys)
    call_command("collectstatic_if_changed", "--force")
    assert "collected into" in capsys.readouterr().out


def test_the_warm_up_compiles_every_template_without_touching_the_database():
    # No django_db mark: a query here would fail the test, as it must not
    # happen in gunicorn's master before the fork.
    from concordance.wsgi import warm_up

    warm_up()
    # django-template-partials wraps Django's cached loader, which keeps the compiled templates.
    loaders = list(engines["django"].engine.template_loaders)
    while not any(hasattr(loader, "get_template_cache") for loader in loaders):
        loaders = [inner for loader in loaders for inner in getattr(loader, "loaders", [])]
        assert loaders, "no cached template loader"
    compiled = {key for loader in loaders for key in getattr(loader, "get_template_cache", {})}
    assert any("mapping/concordance.html" in str(key) for key in compiled)
    assert any("comparison/compare.html" in str(key) for key in compiled)
