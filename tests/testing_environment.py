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
