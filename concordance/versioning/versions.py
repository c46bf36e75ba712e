"""The data version: what the database says, and the copy every worker reads.

The truth is one row, ``versioning_dataversion``, advanced by a statement
trigger on every table of the versioned apps, inside the transaction that
writes (once per transaction). Nothing that changes the corpus or the
curated data can forget it: ingest, set-up, imports, curators' edits,
deletions and restores, the admin, data migrations, a psql session. A
restored backup brings back the row its state had: its token was drawn at
random for exactly that state, so what was cached under it is right again
(``scripts/restore.sh`` then publishes it).

Reading that row costs a query, so every request reads a copy of it kept in
the cache (``published()``), shared by the workers of a server (and by every
server when the cache is Redis). The copy is written only after a commit
that wrote to a versioned table (``watch_writes`` sees the statement go
through Django's connection), so no worker can see a version whose data it
cannot read yet. A write Django does not see (psql, restore) is published by
``manage.py data_version --publish`` (``--advance`` for a psql edit); the copy also expires after
``PUBLISHED_TTL`` seconds, which bounds how long such a write, or a per-server
cache on several servers, can go unseen.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps as registry
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from concordance.caching import cached

logger = logging.getLogger(__name__)

T = TypeVar("T")

# The apps whose tables hold the corpus and the curated data: what anonymous pages show.
VERSIONED_APPS = ("corpus", "mapping", "crossrefs", "comparison", "editions", "search", "analysis", "reading")

PUBLISHED_KEY = "data-version"
PUBLISHED_TTL = 30

TABLE = "versioning_dataversion"
FUNCTION = "concordance_advance_data_version"
TRIGGER = "concordance_data_version"

# The upsert both the trigger and ``advance`` run: a flushed table (tests,
# a manual TRUNCATE) gets its row back instead of losing the version.
_UPSERT = f"""
    INSERT INTO {TABLE} (id, counter, token, changed_at, transaction_id)
    VALUES (1, 1, gen_random_uuid(), clock_timestamp(), txid_current())
    ON CONFLICT (id) DO UPDATE SET
        counter = {TABLE}.counter + 1,
        token = EXCLUDED.token,
        changed_at = EXCLUDED.changed_at,
        transaction_id = EXCLUDED.transaction_id
"""

# Once per transaction: a bulk ingest runs thousands of statements, and the
# first one's advance already names the state the transaction commits.
FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF EXISTS (SELECT 1 FROM {TABLE} WHERE id = 1 AND transaction_id = txid_current()) THEN
        RETURN NULL;
    END IF;
    {_UPSERT};
    RETURN NULL;
END
$body$;
"""

_WRITE = re.compile(
    r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?\"?"
    r"(?:" + "|".join(VERSIONED_APPS) + r")_",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Version:
    counter: int
    token: str
    changed_at: datetime.datetime


def versioned_tables() -> list[str]:
    """Every table of the versioned apps, many-to-many tables and histories included."""
    tables = {
        model._meta.db_table
        for label in VERSIONED_APPS
        if registry.is_installed(f"concordance.{label}")
        for model in registry.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return sorted(tables)


def install_triggers(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Create (or replace) the trigger on every versioned table that exists; return them."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if TABLE not in existing:
        return []
    tables = [table for table in versioned_tables() if table in existing]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION_SQL)
        for table in tables:
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {quote(table)} FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )
    return tables


def stored(using: str = DEFAULT_DB_ALIAS) -> Version:
    """The database's version, the row created if a flush removed it."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT counter, token, changed_at FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
        if row is None:
            cursor.execute(_UPSERT + " RETURNING counter, token, changed_at")
            row = cursor.fetchone()
    counter, token, changed_at = row
    return Version(counter=counter, token=str(token), changed_at=changed_at)


def settled(using: str = DEFAULT_DB_ALIAS) -> Version | None:
    """The database's version, or None inside the transaction that advanced it.

    The trigger advances the version at a transaction's first write only: its
    token names the state the transaction commits, not what it has written so
    far. A result computed inside that transaction, between two of its writes,
    must not be kept under the token.
    """
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT counter, token, changed_at, transaction_id = txid_current_if_assigned() FROM {TABLE} WHERE id = 1"
        )
        row = cursor.fetchone()
    if row is None or row[3]:
        return None
    counter, token, changed_at, _ = row
    return Version(counter=counter, token=str(token), changed_at=changed_at)


def per_data_version(namespace: str, inputs: object, compute: Callable[[], T]) -> T:
    """``compute()`` once per data version and ``inputs``, looked up with one query.

    The version is read from the database's own row, not from the published
    copy in the cache: a result computed from the new state is never found
    under the old token, nor one computed from the old state under the new.
    Inside a transaction that wrote, the result is computed and not kept.
    """
    version = settled()
    if version is None:
        return compute()
    return cached(f"{namespace}-by-version", (inputs, version.token), compute)


def advance(using: str = DEFAULT_DB_ALIAS) -> Version:
    """Advance the version by hand (after a restore or a psql edit) and publish it at commit."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(_UPSERT + " RETURNING counter, token, changed_at")
        counter, token, changed_at = cursor.fetchone()
        data_changed(connections[using])
    return Version(counter=counter, token=str(token), changed_at=changed_at)


def published() -> Version:
    """The version every request reads: the cached copy, or the database's when there is none."""
    version = cache.get(PUBLISHED_KEY)
    if isinstance(version, Version):
        return version
    version = stored()
    # ``add``, not ``set``: a writer publishing a newer version meanwhile wins.
    cache.add(PUBLISHED_KEY, version, PUBLISHED_TTL)
    return version


def publish(using: str = DEFAULT_DB_ALIAS) -> None:
    """Copy the database's (committed) version into the cache."""
    try:
        cache.set(PUBLISHED_KEY, stored(using), PUBLISHED_TTL)
    except Exception:
        # Whatever failed, the stale copy must not stay: without one, the
        # next request reads the database.
        logger.exception("could not publish the data version; forgetting the cached copy")
        cache.delete(PUBLISHED_KEY)


def forget_published() -> None:
    cache.delete(PUBLISHED_KEY)


def data_changed(connection: BaseDatabaseWrapper) -> None:
    """Publish the version once the current transaction commits (at once outside one)."""
    if connection.in_atomic_block and any(
        getattr(entry[1], "publishes_data_version", False) for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Publisher(connection.alias), using=connection.alias, robust=True)


class _Publisher:
    publishes_data_version = True

    def __init__(self, alias: str) -> None:
        self.alias = alias

    def __call__(self) -> None:
        publish(self.alias)


def _notice_writes(execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _WRITE.match(sql):
        data_changed(context["connection"])
    return result


def watch_writes(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """``connection_created``: publish the version after each commit that wrote a versioned table."""
    if _notice_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_notice_writes)


def after_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: object) -> None:
    """``post_migrate``: give new tables their trigger, then publish what the migrations left."""
    if getattr(sender, "name", None) != "concordance.versioning":
        return
    if install_triggers(using):
        publish(using)
