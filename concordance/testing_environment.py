"""Loaded by pytest before Django (see addopts in pyproject.toml).

The suite runs with development settings unless the environment says
otherwise; production settings are tested in a subprocess with their own
environment.

The parser tests (tests/lib) use no database, so they must run without
DATABASE_URL: the settings, which require it, are given a placeholder, and a
test that does need the database stops with a message saying what to set.
"""

import os

import pytest

os.environ.setdefault("DJANGO_DEBUG", "1")

DATABASE_URL_SET = bool(os.environ.get("DATABASE_URL"))
if not DATABASE_URL_SET:
    os.environ["DATABASE_URL"] = "postgresql://database-url-not-set.invalid/concordance"

_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if DATABASE_URL_SET:
        return
    if item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        pytest.fail(
            "this test needs PostgreSQL: set DATABASE_URL (make test sets it to the project's "
            "private cluster); the parser tests in tests/lib run without it.",
            pytrace=False,
        )
