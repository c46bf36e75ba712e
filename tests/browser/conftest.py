"""The app in a real browser: Debian's Chromium driven by Playwright.

The browser. Playwright cannot download its own build here (no network for
`playwright install`), so it launches the system Chromium through
``executable_path`` (``scripts/browser.sh ensure`` installs it on Debian when
running as root). Without Chromium the tests are skipped with the command to
install it; as root (CI) they fail instead, so that a missing browser cannot
turn the browser suite into a silent no-op.

The server and its data. ``tests/conftest.py`` loads the corpus once per run
and *commits* it; each test then runs inside a transaction rolled back at its
end. A server thread has database connections of its own, so it sees only
committed rows: pytest-django's ``live_server`` fixture therefore makes every
test that uses it transactional, and a transactional test ends by flushing
every table, which would throw away the corpus (reloading it costs about
twenty seconds per test). These tests instead use one server for the whole
run (``site``: pytest-django's ``LiveServer``, started without that fixture)
and stay ordinary ``django_db`` tests: the server reads the committed corpus,
and whatever a test itself writes is rolled back as usual. The one journey
that writes through the server, which commits, asks for ``undo_commits``: the
rows committed during the test are deleted at its end, and no earlier row
may have disappeared. Rows the server must see before the journey (the
curator) are written by ``committed()``, on a connection outside the test's
transaction.

Async safety. Playwright's sync API runs an asyncio event loop on the main
thread (inside a greenlet) from the first browser test to the end of the
session. Django then believes the test code runs in async context and refuses
ORM calls with ``SynchronousOnlyOperation``, although the calls are
synchronous and nothing else uses that thread meanwhile (pytest-django's own
rollback at the end of each test is one of them). Hence
``DJANGO_ALLOW_ASYNC_UNSAFE``, set by a session fixture for as long as the
loop exists; the server thread has no event loop and is unaffected. So that
no other test runs while the loop exists, with Django's check switched off,
the browser tests run after all the others (``pytest_collection_modifyitems``).
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.helpers import DESKTOP, committed, corpus_ready

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

# Without the background-networking flags, Chromium keeps trying to reach
# Google's services and a closed network makes pages fail or hang.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL_HINT = (
    "Chromium is not installed: run `bash scripts/browser.sh ensure` (as root on Debian it "
    "installs it), or `sudo apt-get install chromium`, or set CHROMIUM=/path/to/chromium."
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests last, after pytest-django has ordered the others (see "Async safety")."""
    browser = [item for item in items if HERE in Path(str(item.path)).parents]
    if browser:
        others = [item for item in items if HERE not in Path(str(item.path)).parents]
        items[:] = others + browser


def chromium_path() -> str | None:
    """The Chromium scripts/browser.sh finds (one search for both)."""
    found = subprocess.run(
        ["bash", str(REPO / "scripts" / "browser.sh"), "path"], capture_output=True, text=True, check=False
    )
    if found.returncode != 0:
        return None
    return found.stdout.strip() or None


@pytest.fixture(scope="session", autouse=True)
def _async_unsafe_allowed() -> Iterator[None]:
    # Why: see the module's docstring ("Async safety").
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.geteuid() == 0:
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chromium: str) -> dict:
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker) -> Iterator:
    """One server thread for the whole run, on the corpus committed by django_db_setup."""
    from django.conf import settings
    from django.core.signals import request_finished
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        corpus_ready()
    request_finished.connect(close_server_connections)
    server = LiveServer("127.0.0.1")
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "127.0.0.1"]):
        yield server
    server.stop()
    request_finished.disconnect(close_server_connections)
    # The browser tests' own connection. Django keeps connections in context
    # variables, and under Playwright's event loop the browser tests get a
    # connection of their own, not the one of the tests before them, which
    # is the one pytest-django's final teardown closes. Left open, it kept
    # the test database from being dropped ("being accessed by other
    # users"); this teardown sees it and closes it.
    from django.db import connections

    connections.close_all()


def close_server_connections(**kwargs) -> None:
    """The server's connections end with each request.

    A request thread serves a browser's keep-alive socket until the browser
    closes it, and with CONN_MAX_AGE its connection would stay open as long:
    at the end of the run, the test database could not be dropped while
    Chromium is still letting go of its sockets.
    """
    from django.db import connections

    if threading.current_thread() is not threading.main_thread():
        connections.close_all()


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """Relative URLs in page.goto() go to the test server (replaces pytest-playwright's --base-url)."""
    return site.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "fr-FR", "viewport": DESKTOP}


# Injected into every frame before the page's own scripts, by the browser
# (not subject to the page's CSP): a blocked script, style or connection
# becomes a console error, which the watch below turns into a failure.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
        + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`);
});
"""


def is_favicon(url: str) -> bool:
    # Chromium asks for it by itself; the site declares no icon.
    return url.endswith("/favicon.ico")


def watch(context) -> list[str]:
    """What went wrong in the pages of a browser context: console errors
    (Chromium logs CSP violations there too, scripts on or off), uncaught
    script errors, and subresources that failed to load."""
    problems: list[str] = []
    failed_documents: set[str] = set()

    def on_console(message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        # A page the journey opened on purpose that answers 4xx (a wrong
        # address, a refused form) is logged as a failed load: not a fault.
        if message.text.startswith("Failed to load resource") and (url in failed_documents or is_favicon(url)):
            return
        # htmx logs, as errors, the request it cancels itself when the next
        # keystroke replaces a search in flight (hx-sync); a request that
        # really fails is caught by its status or as htmx:responseError.
        if message.text.startswith(("htmx:sendAbort", "htmx:afterRequest")):
            return
        problems.append(f"console error: {message.text} ({url})")

    def on_response(response) -> None:
        request = response.request
        if response.status >= 400:
            if request.is_navigation_request() and request.frame.parent_frame is None:
                failed_documents.add(response.url)
            elif not is_favicon(response.url):
                problems.append(f"{response.status} for {request.resource_type} {response.url}")

    def on_request_failed(request) -> None:
        # Cancelled by the page itself: a navigation, or htmx replacing a
        # search still in flight with the next keystroke's.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.url} ({request.failure})")

    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on("console", on_console)
    context.on("weberror", lambda error: problems.append(f"uncaught error: {error.error}"))
    context.on("response", on_response)
    context.on("requestfailed", on_request_failed)
    return problems


@pytest.fixture
def new_context(new_context) -> Iterator:
    """pytest-playwright's factory, with every context watched (see ``watch``):
    a journey fails on a CSP violation or a script error even when what it
    asserts looks right."""
    watched: list[list[str]] = []

    def create(**kwargs):
        context = new_context(**kwargs)
        watched.append(watch(context))
        return context

    yield create
    problems = [problem for found in watched for problem in found]
    if problems:
        pytest.fail("the browser reported:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def undo_commits(db) -> Iterator[None]:
    """Every row committed during the test is deleted at its end.

    For a journey that writes through the server (which commits): the shared
    corpus is left exactly as the rest of the suite expects it. Rows that
    existed before must all still be there afterwards.
    """
    tables = committed(table_keys)
    before = committed(lambda: {table: keys_of(table, key) for table, key in tables.items()})
    yield

    def undo() -> dict[str, int]:
        from django.db import connection, transaction

        with transaction.atomic(), connection.cursor() as cursor:
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED: the order of the deletions does not matter.
            for table, key in tables.items():
                cursor.execute(
                    f'DELETE FROM "{table}" WHERE NOT ("{key}" = ANY(%s))',  # noqa: S608 (names from the models)
                    [list(before[table])],
                )
        lost = {table: len(before[table] - keys_of(table, key)) for table, key in tables.items()}
        return {table: count for table, count in lost.items() if count}

    lost = committed(undo)
    assert not lost, f"the test deleted rows that existed before it: {lost}"


def table_keys() -> dict[str, str]:
    from django.apps import apps

    return {
        model._meta.db_table: model._meta.pk.column
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def keys_of(table: str, key: str) -> set:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "{key}" FROM "{table}"')  # noqa: S608 (names from the models)
        return {row[0] for row in cursor.fetchall()}
