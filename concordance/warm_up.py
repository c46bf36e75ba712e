"""What a worker's first request would do, done once at start instead.

Two moments (gunicorn, as ``make serve`` runs it with ``--preload``):

- ``before_fork``, in the master once it has loaded the application (the
  ``when_ready`` hook of ``gunicorn.conf.py``; in each worker without
  ``--preload``): work that
  needs no database connection and no thread, so that the forked workers
  inherit its results (copy-on-write): every import, every template compiled,
  the address resolver of each interface language, the per-process caches.
  A connection must not cross a fork (two processes would share one socket),
  so nothing here touches the database.
- ``in_worker``, in each worker before it accepts a request (the
  ``post_worker_init`` hook of ``gunicorn.conf.py``): the worker's own
  database connection, opened (connection set-up, the type look-ups of
  django.contrib.postgres and psycopg) and used once.

Without these, a worker's first request cost up to six times a warm one:
the resolver's reverse tables of each language (every ``{% url %}`` of a
page, and the language switch's translated address) 20 to 60 ms, the first
full garbage collection in a worker about 100 ms (see ``freeze_the_heap``),
the form renderer's templates and tag libraries 10 ms, the connection and
PostgreSQL's first reads of each table's catalogue 5 to 10 ms. bench/start.py
measures each page's first request in a worker against its warm ones.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)


def before_fork() -> None:
    """Fill what every process would fill on its first requests; no database, no thread."""
    compile_templates()
    compile_form_templates()
    load_request_machinery()
    describe_models()
    compile_lazy_expressions()
    populate_address_resolvers()
    load_translations_and_formats()
    fill_process_caches()
    load_pdf_drawing()
    freeze_the_heap()


def compile_templates() -> None:
    """Every template of the project, compiled into the cached loader."""
    from django.template.loader import get_template

    folder = Path(settings.BASE_DIR) / "templates"
    for path in sorted(folder.rglob("*.html")):
        get_template(path.relative_to(folder).as_posix())


def compile_form_templates() -> None:
    """The form renderer's own engine: its tag libraries and Django's form and widget templates.

    Forms (the filter forms of every list page) are rendered by a template
    engine of their own, built and filled on the first form shown.
    """
    import django.forms
    from django.forms.renderers import get_default_renderer

    engine = getattr(get_default_renderer(), "engine", None)
    if engine is None:  # a renderer without a Django engine (e.g. Jinja2) has nothing to compile here
        return
    folder = Path(django.forms.__file__).parent / "templates"
    for path in sorted((folder / "django" / "forms").rglob("*.html")):
        engine.get_template(path.relative_to(folder).as_posix())


def load_request_machinery() -> None:
    """What Django imports by name on a request's way: context processors, message storage, session serializer."""
    from django.template import engines
    from django.utils.module_loading import import_string

    for engine in engines.all():
        getattr(engine, "engine", engine).template_context_processors  # noqa: B018 - imported on first access
    for dotted in (settings.MESSAGE_STORAGE, settings.SESSION_SERIALIZER, f"{settings.SESSION_ENGINE}.SessionStore"):
        import_string(dotted)


def describe_models() -> None:
    """Each model's field maps and the graph of relations between models, built lazily by the ORM."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        options = model._meta
        options.get_fields(include_hidden=True)  # the relation graph of every model, on the first call
        options._forward_fields_map  # noqa: B018
        options.fields_map  # noqa: B018
        options.db_returning_fields  # noqa: B018


def compile_lazy_expressions() -> None:
    """Django's regular expressions compiled on first use (``_lazy_re_compile``), in every module loaded so far.

    Ten of them (the host and charset checks, the language prefix, SQL
    ordering...) were compiled during each worker's first request.
    """
    from django.utils.functional import SimpleLazyObject, empty

    def is_lazy_expression(value: object) -> bool:
        # type(), not isinstance(): a lazy object answers isinstance for what it wraps.
        if type(value) is not SimpleLazyObject or value.__dict__.get("_wrapped") is not empty:
            return False
        return getattr(value.__dict__.get("_setupfunc"), "__qualname__", "").startswith("_lazy_re_compile")

    for module in list(sys.modules.values()):
        namespace = dict(getattr(module, "__dict__", {}))
        # The module's own classes too (a validator's or a field's expression is a class attribute).
        classes = [v for v in namespace.values() if isinstance(v, type) and v.__module__ == namespace.get("__name__")]
        for values in (namespace.values(), *(vars(c).values() for c in classes)):
            for value in list(values):
                if is_lazy_expression(value):
                    value._setup()


def populate_address_resolvers() -> None:
    """Every URL pattern's expression and the reverse tables, in each interface language.

    Both are built lazily and per language (``i18n_patterns`` and the
    translated patterns): every ``reverse``/``{% url %}`` of a first request in
    a language would build the whole table.
    """
    from django.urls import get_resolver
    from django.utils import translation

    resolver = get_resolver()
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            for pattern in _patterns(resolver.url_patterns):
                pattern.pattern.regex  # noqa: B018 - compiled for this language on first access
            resolver.reverse_dict  # noqa: B018 - populates every nested resolver's tables too
            resolver.namespace_dict  # noqa: B018
            resolver.app_dict  # noqa: B018


def _patterns(patterns: Iterable[Any]) -> Iterable[Any]:
    for pattern in patterns:
        yield pattern
        yield from _patterns(getattr(pattern, "url_patterns", ()))


def load_translations_and_formats() -> None:
    """Each interface language's message catalogue (locale/ and Django's own, read and merged once) and formats."""
    from django.utils import formats, translation

    for language, _ in settings.LANGUAGES:
        translation.trans_real.translation(language)
        with translation.override(language):
            formats.get_format("DATE_FORMAT")


def fill_process_caches() -> None:
    """The caches kept for the life of a process, read from files (never from the database)."""
    from concordance.comparison.page import rendering_version
    from concordance.editions.collation import lexicon
    from concordance.glossary import curated_glossary, english_keywords, search_glossary
    from concordance.lib.diffing import diff
    from concordance.versioning.middleware import site_version

    curated_glossary()
    english_keywords()
    # The search glossary indexes every searchable form on its first query (5 ms).
    search_glossary().search_terms("conservation rapide")
    site_version()  # the code version too
    rendering_version()
    lexicon()
    # The diff engine's first call (rapidfuzz's, or difflib's) on two words.
    diff("chaque État Partie", "chaque Partie")


def load_pdf_drawing() -> None:
    """WeasyPrint and the print stylesheets, parsed, when WeasyPrint can run here.

    Every PDF download imports WeasyPrint, a cached one too (its version is
    part of the cache key, and a missing library answers 503): a worker's
    first PDF, even one already drawn, took 0.7 s against 30 ms. Importing
    it here costs every start as much, once, shared by the workers.
    """
    from concordance.exports import pdf

    if pdf.available():
        pdf.print_stylesheets()


def freeze_the_heap() -> None:
    """Leave everything made so far out of the garbage collector's passes (``gc.freeze``).

    The master's heap (the modules, templates, resolvers and caches above)
    lives as long as the process and holds no garbage after a collection.
    Unfrozen, the first full collection in a forked worker walked all of it,
    during some request, writing to every page it touched (copy-on-write
    copies them) and stopping that request for about 100 ms; frozen, the
    workers' collections only see what the workers make.
    """
    import gc

    gc.collect()
    gc.freeze()


def in_worker() -> None:
    """Open this process's database connection and use it once, before its first request.

    An unreachable database is not an error here: the worker starts all the
    same, and each request tries again (and answers 500 as it would have).
    """
    from django.db import Error, connection
    from psycopg import sql

    from concordance.search.query import CONFIG as SEARCH_CONFIGURATION

    try:
        with connection.cursor() as cursor:
            # PostgreSQL's new server process reads the catalogue of each table (and its
            # indexes) on its first query on it: once for all, here.
            for table in sorted(connection.introspection.django_table_names(only_existing=True)):
                cursor.execute(sql.SQL("SELECT * FROM {} LIMIT 0").format(sql.Identifier(table)))
            # And the search's text configuration: its dictionaries (unaccent's rules, the
            # French stemmer) are loaded on a server process's first search.
            cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)", [SEARCH_CONFIGURATION, "données"])
    except Error as error:
        logger.warning("could not open the database connection before the first request: %s", error)
