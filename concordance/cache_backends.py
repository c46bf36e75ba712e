"""Cache backends for which the cache is never a reason to fail.

Everything the site caches can be computed again: a cache that cannot be
read or written (a full disk, a missing or unwritable folder, an unreachable
cache server) must cost time, not answer 500. `FailSoft` turns such an error
into a miss (reads) or a no-op (writes), and logs it once per process and
kind of failure — not on every request, which would flood the log exactly
when the disk is full.

    CACHES = {"default": {"BACKEND": "concordance.cache_backends.FailSoftFileBasedCache", ...}}

For another backend, mix `FailSoft` in before it and name the errors that
mean "unavailable" in `unavailable_errors` (for django's RedisCache, add
redis.exceptions.ConnectionError and TimeoutError to OSError).
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import zlib
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.core.files import locks

logger = logging.getLogger(__name__)

_reported: set[tuple[int, str, str]] = set()
_reported_lock = threading.Lock()


def failure_kind(error: BaseException) -> str:
    errno = getattr(error, "errno", None)
    return f"{type(error).__name__}" + (f" [{os.strerror(errno)}]" if isinstance(errno, int) else "")


def report_once(backend: str, error: BaseException) -> None:
    """Log the failure unless this process already logged this kind for this backend."""
    key = (os.getpid(), backend, failure_kind(error))
    with _reported_lock:
        if key in _reported:
            return
        _reported.add(key)
    logger.warning(
        "cache %s unavailable (%s): pages are computed without caching; "
        "further failures of this kind are not logged by this process.",
        backend,
        error,
    )


class FailSoft:
    """Mixin: a cache error that means "unavailable" is a miss, not an exception."""

    unavailable_errors: tuple[type[BaseException], ...] = (OSError,)

    def unavailable(self, error: BaseException) -> None:
        where = getattr(self, "_dir", None) or getattr(self, "_servers", None) or ""
        report_once(f"{type(self).__name__}({where})", error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return False

    # Writes: nothing stored is what a full or absent cache amounts to.

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except self.unavailable_errors as error:
            self.unavailable(error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return list(data)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except self.unavailable_errors as error:
            self.unavailable(error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except self.unavailable_errors as error:
            self.unavailable(error)

    def clear(self):
        try:
            return super().clear()
        except self.unavailable_errors as error:
            self.unavailable(error)


def _loads(data: bytes) -> Any:
    # A pickle starts with its PROTO opcode (0x80), a zlib stream with 0x78 or
    # another CMF byte ending in 8: files written by Django's own backend still read.
    return pickle.loads(data if data[:1] == b"\x80" else zlib.decompress(data))


class PrecompressedFileBasedCache(FileBasedCache):
    """Django's file cache, except that a value whose class says ``compressed_already``
    is written as its pickle, without zlib.

    The stored pages (``versioning.responses.StoredResponse``) hold their
    bodies gzip- and Brotli-compressed already: zlib saved nothing on them and
    inflating them was most of a warm page's time (0.55 ms of 0.56 for the UN
    Convention's page, 130 KB, against 0.25 ms for the static file of its
    bytes). Everything else is compressed as Django does.
    """

    def _write_content(self, file, timeout, value):
        if not getattr(value, "compressed_already", False):
            return super()._write_content(file, timeout, value)
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return _loads(f.read())
        except FileNotFoundError:
            pass
        return default

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    previous_value = _loads(f.read())
                    f.seek(0)
                    self._write_content(f, timeout, previous_value)
                    f.truncate()
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False


class FailSoftFileBasedCache(FailSoft, PrecompressedFileBasedCache):
    """Django's file cache; a full disk or a missing, unwritable folder
    degrades to computing without caching."""

    def __init__(self, dir, params):
        # Django creates the folder here, on the first use of the cache in
        # each process: a folder that cannot be made must not fail the
        # request that happens to come first.
        try:
            super().__init__(dir, params)
        except self.unavailable_errors as error:
            self.unavailable(error)


def _redis_unavailable() -> tuple[type[BaseException], ...]:
    from redis import exceptions

    return (OSError, exceptions.ConnectionError, exceptions.TimeoutError)


class FailSoftRedisCache(FailSoft, RedisCache):
    """Django's Redis cache (CACHE_URL=redis://…); an unreachable or timing-out
    server degrades to computing without caching, as a full disk does."""

    unavailable_errors = _redis_unavailable()
