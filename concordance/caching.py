"""Content-addressed caching of derived results (comparisons, collations, analyses).

A key is a hash of everything a result depends on: its inputs and the code
and curated data that compute it. A changed text, correspondence, glossary
or algorithm is therefore a different key, and nothing is ever invalidated
by hand; stale entries simply stop being asked for.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

T = TypeVar("T")
Inputs = TypeVar("Inputs")


@functools.cache
def code_version() -> str:
    """Hash of the application code and the glossary, read once per process."""
    digest = hashlib.sha256()
    package = settings.BASE_DIR / "concordance"
    for path in sorted(package.rglob("*.py")):
        if "migrations" not in path.parts:
            digest.update(path.read_bytes())
    digest.update(settings.GLOSSARY_PATH.read_bytes())
    # The diff engine is rapidfuzz when installed, difflib otherwise, and
    # they may differ: installing, removing or upgrading it changes results.
    digest.update(repr(_installed("rapidfuzz")).encode())
    return digest.hexdigest()


def _installed(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def content_key(namespace: str, inputs: object) -> str:
    return f"{namespace}:" + hashlib.sha256(repr((code_version(), inputs)).encode()).hexdigest()


def cached(namespace: str, inputs: object, build: Callable[[], T]) -> T:
    """``build()``, computed once per distinct ``inputs`` (and code version)."""
    key = content_key(namespace, inputs)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=None)
    return value


def cached_many(namespace: str, inputs_list: Sequence[Inputs], build: Callable[[Inputs], T]) -> list[T]:
    """``build(inputs)`` for each of ``inputs_list``, in order: ``cached`` for many at once.

    One lookup for all of them and one store for those computed, each
    distinct inputs computed once.
    """
    keys = [content_key(namespace, inputs) for inputs in inputs_list]
    found = cache.get_many(keys)
    computed: dict[str, T] = {}
    for key, inputs in zip(keys, inputs_list, strict=True):
        if key not in found and key not in computed:
            computed[key] = build(inputs)
    if computed:
        cache.set_many(computed, timeout=None)
    found.update(computed)
    return [found[key] for key in keys]
