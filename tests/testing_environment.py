"""Loaded by pytest before Django (`-p tests.testing_environment` in addopts, pyproject.toml).

The suite runs with development settings unless the environment says
otherwise; production settings are tested in a subprocess with their own
environment.

The parser tests (tests/lib) use no database, so they must run without
DATABASE_URL: the settings, which require it, are given a placeholder, and a
test that does need the database stops with a message saying what to set.
`--without-database` (make test-fast) leaves those tests out instead.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_DEBUG", "1")
# The whole-response cache is off (settings.RESPONSE_CACHE): a test's writes
# are rolled back, never committed, so the published data version would not
# move and a page cached by an earlier test could be served. tests/versioning
# turns it on and commits what it changes.
os.environ.setdefault("CONCORDANCE_RESPONSE_CACHE", "0")

DATABASE_URL_SET = bool(os.environ.get("DATABASE_URL"))
if not DATABASE_URL_SET:
    os.environ["DATABASE_URL"] = "postgresql://database-url-not-set.invalid/concordance"


def _compile_messages() -> None:
    """Compile each interface catalogue (locale/*/LC_MESSAGES/django.po) missing its
    .mo or newer than it, as `make` does (scripts/messages.sh): without it the
    English pages would quietly show French, and their tests would fail far from the cause."""
    for po in sorted((Path(__file__).resolve().parent.parent / "locale").glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        if shutil.which("msgfmt") is None:
            raise pytest.UsageError(
                f"{mo} is missing or older than its .po, and GNU gettext's msgfmt is not installed to compile it: "
                "install gettext (sudo apt-get install gettext), or run `make messages` as root."
            )
        # What `manage.py compilemessages` runs for each catalogue (it needs the settings, not loaded yet).
        subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)


_compile_messages()

_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def _needs_database(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--without-database",
        action="store_true",
        help="deselect the tests that need PostgreSQL (make test-fast)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("without_database"):
        return
    kept = [item for item in items if not _needs_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if _needs_database(item)])
    items[:] = kept


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if DATABASE_URL_SET:
        return
    if _needs_database(item):
        pytest.fail(
            "this test needs PostgreSQL: set DATABASE_URL (make test sets it to the project's "
            "private cluster); the tests make test-fast selects run without it.",
            pytrace=False,
        )
