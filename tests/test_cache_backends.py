"""CACHE_URL=redis://…: an unreachable Redis costs time, never a 500."""

from concordance.cache_backends import FailSoftRedisCache


def test_an_unreachable_redis_is_a_miss_and_a_write_is_dropped():
    # Nothing listens on port 1: the connection is refused at once.
    cache = FailSoftRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.5}})
    assert cache.get("page", "computed instead") == "computed instead"
    cache.set("page", "<html>")  # dropped, no exception
    assert cache.get_many(["page"]) == {}
