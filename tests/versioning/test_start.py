"""Starting fast: static files collected only when they changed; the workers' work done before the fork."""

from __future__ import annotations

import gc
import os
import runpy

import pytest
from django.core.management import call_command
from django.template import engines
from django.urls import clear_url_caches, get_resolver
from django.utils.functional import empty


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


def test_the_warm_up_compiles_every_template_without_touching_the_database(frozen_heap_restored):
    # No django_db mark: a query here would fail the test, as it must not
    # happen in gunicorn's master before the fork.
    from concordance.warm_up import before_fork

    before_fork()
    # django-template-partials wraps Django's cached loader, which keeps the compiled templates.
    loaders = list(engines["django"].engine.template_loaders)
    while not any(hasattr(loader, "get_template_cache") for loader in loaders):
        loaders = [inner for loader in loaders for inner in getattr(loader, "loaders", [])]
        assert loaders, "no cached template loader"
    compiled = {key for loader in loaders for key in getattr(loader, "get_template_cache", {})}
    assert any("mapping/concordance.html" in str(key) for key in compiled)
    assert any("comparison/compare.html" in str(key) for key in compiled)


@pytest.fixture
def frozen_heap_restored():
    """The warm-up freezes the heap (gc.freeze): this test process gets its collector back afterwards."""
    yield
    gc.unfreeze()


def test_the_warm_up_builds_the_address_tables_of_every_language(frozen_heap_restored, settings):
    from concordance.warm_up import before_fork

    clear_url_caches()
    before_fork()
    resolver = get_resolver()
    # Built per language, on the first reverse() in it, unless the warm-up built them.
    assert {code for code, _ in settings.LANGUAGES} <= set(resolver._reverse_dict)
    assert {code for code, _ in settings.LANGUAGES} <= set(resolver._namespace_dict)


def test_the_warm_up_compiles_djangos_lazy_expressions(frozen_heap_restored):
    from django.http import request

    from concordance.warm_up import before_fork

    request.host_validation_re._wrapped = empty  # as a new process has it: compiled on first use
    before_fork()
    assert request.host_validation_re.__dict__["_wrapped"] is not empty


def test_the_warm_up_fills_the_caches_of_the_process_and_what_requests_import(frozen_heap_restored):
    from django.forms.renderers import get_default_renderer

    from concordance.comparison.page import rendering_version
    from concordance.editions.collation import _lexicon_for
    from concordance.glossary import curated_glossary, english_keywords, search_glossary
    from concordance.versioning.middleware import site_version
    from concordance.warm_up import before_fork

    caches = [curated_glossary, english_keywords, search_glossary, site_version, rendering_version, _lexicon_for]
    for cache in caches:
        cache.cache_clear()
    get_default_renderer.cache_clear()
    before_fork()
    assert [cache.__name__ for cache in caches if cache.cache_info().currsize == 0] == []
    assert getattr(search_glossary(), "_search_forms_cache", None), "the search glossary's forms are not indexed"
    # The filter forms' templates, in the form renderer's own engine.
    assert "template_context_processors" in vars(engines["django"].engine)
    form_engine = get_default_renderer().engine.engine
    form_templates = {
        str(key) for loader in form_engine.template_loaders for key in getattr(loader, "get_template_cache", {})
    }
    assert any("django/forms/widgets/select.html" in key for key in form_templates), form_templates


def test_the_warm_up_parses_the_print_stylesheets_where_pdfs_can_be_drawn(frozen_heap_restored):
    from concordance.exports import pdf
    from concordance.warm_up import before_fork

    if not pdf.available():
        pytest.skip("WeasyPrint cannot run here (scripts/pdf.sh installs its libraries)")
    pdf._parsed.cache_clear()
    before_fork()
    assert pdf._parsed.cache_info().currsize == len(pdf.PRINT_STYLESHEETS)


def test_the_warm_up_freezes_what_the_master_made(frozen_heap_restored):
    from concordance.warm_up import before_fork

    gc.unfreeze()
    before_fork()
    # Left out of the workers' collections (which would write to, and so copy, every page of it).
    assert gc.get_freeze_count() > 10_000


@pytest.mark.django_db(transaction=True)
def test_a_worker_opens_its_connection_and_reads_each_table_before_its_first_request(django_assert_num_queries):
    from django.db import connection

    from concordance.warm_up import in_worker

    connection.close()
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.close()
    # The table names, one empty read of each table, and a search's text configuration.
    with django_assert_num_queries(len(tables) + 2):
        in_worker()
    assert connection.connection is not None


class Gunicorn:
    """What the hooks read of gunicorn's arbiter or worker: its settings."""

    def __init__(self, preload: bool) -> None:
        self.cfg = type("Config", (), {"preload_app": preload})()


@pytest.mark.parametrize(
    ("preload", "master", "worker"),
    [(True, ["before_fork"], ["in_worker"]), (False, [], ["before_fork", "in_worker"])],
)
def test_gunicorn_warms_the_master_before_the_fork_and_each_worker_connects(monkeypatch, preload, master, worker):
    import concordance.warm_up

    called: list[str] = []
    monkeypatch.setattr(concordance.warm_up, "before_fork", lambda: called.append("before_fork"))
    monkeypatch.setattr(concordance.warm_up, "in_worker", lambda: called.append("in_worker"))
    hooks = runpy.run_path(str(settings_path()))
    hooks["when_ready"](Gunicorn(preload))
    assert called == master
    called.clear()
    hooks["post_worker_init"](Gunicorn(preload))
    assert called == worker


def test_importing_the_application_does_not_warm_it_up(monkeypatch):
    """runserver imports it on every reload: the warm-up belongs to gunicorn's master."""
    import importlib

    import concordance.warm_up
    import concordance.wsgi

    called: list[str] = []
    monkeypatch.setattr(concordance.warm_up, "before_fork", lambda: called.append("before_fork"))
    importlib.reload(concordance.wsgi)
    assert called == []


def settings_path():
    from django.conf import settings

    return settings.BASE_DIR / "gunicorn.conf.py"
