"""CACHE_URL=redis://…: an unreachable Redis costs time, never a 500. The file cache writes the
stored pages, compressed already, without zlib."""

import os
import pickle
import zlib

from django.core.cache.backends.filebased import FileBasedCache

from concordance.cache_backends import FailSoftFileBasedCache, FailSoftRedisCache


def test_an_unreachable_redis_is_a_miss_and_a_write_is_dropped():
    # Nothing listens on port 1: the connection is refused at once.
    cache = FailSoftRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    assert cache.get("page", "computed instead") == "computed instead"
    cache.set("page", "<html>")  # dropped, no exception
    assert cache.get_many(["page"]) == {}


# -- the file cache: stored pages without zlib ---------------------------------


class Precompressed:
    compressed_already = True

    def __init__(self, body: bytes) -> None:
        self.body = body


def file_cache(folder) -> FailSoftFileBasedCache:
    return FailSoftFileBasedCache(str(folder), {"TIMEOUT": None})


def stored_bytes(cache: FailSoftFileBasedCache, key: str) -> bytes:
    """What follows the expiry in the key's file."""
    with open(cache._key_to_file(key), "rb") as f:
        pickle.load(f)  # the expiry
        return f.read()


def test_a_value_compressed_already_is_written_without_zlib_and_reads_back(tmp_path):
    cache = file_cache(tmp_path)
    body = os.urandom(50_000)  # as incompressible as a Brotli body
    cache.set("page", Precompressed(body))
    assert stored_bytes(cache, "page")[:1] == b"\x80", "a bare pickle, not a zlib stream"
    assert cache.get("page").body == body
    assert cache.touch("page", timeout=60) and cache.get("page").body == body


def test_other_values_are_compressed_as_django_does_and_django_s_files_still_read(tmp_path):
    cache = file_cache(tmp_path)
    cache.set("analysis", {"rows": ["texte"] * 1000})
    assert zlib.decompress(stored_bytes(cache, "analysis"))
    django_s = FileBasedCache(str(tmp_path), {"TIMEOUT": None})
    django_s.set("written-before", Precompressed(b"corps"))
    assert cache.get("written-before").body == b"corps"
    assert cache.get("analysis") == {"rows": ["texte"] * 1000}
    assert cache.get("absent", "computed") == "computed"
