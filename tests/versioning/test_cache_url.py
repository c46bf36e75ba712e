"""CACHE_URL switches the cache to Redis; anything else is refused at start-up with a message."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.ops.helpers import ROOT

SHOW_CACHE = "from django.conf import settings; import django; django.setup(); print(settings.CACHES['default'])"


def settings_with(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "concordance.settings", "DJANGO_DEBUG": "1", **env}
    return subprocess.run([sys.executable, "-c", SHOW_CACHE], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_without_cache_url_the_file_cache_is_used():
    environment = {name: value for name, value in os.environ.items() if name != "CACHE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_CACHE],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "concordance.settings", "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
    )
    assert "FileBasedCache" in result.stdout, result.stderr


def test_a_redis_url_selects_djangos_redis_cache():
    result = settings_with(CACHE_URL="redis://cache.internal:6379/2")
    # Django's Redis cache, failing soft (an unreachable server is a miss: concordance.cache_backends).
    assert "concordance.cache_backends.FailSoftRedisCache" in result.stdout, result.stderr
    assert "redis://cache.internal:6379/2" in result.stdout


def test_another_scheme_is_refused_with_a_message():
    result = settings_with(CACHE_URL="memcached://cache.internal:11211")
    assert result.returncode != 0
    assert "CACHE_URL='memcached://cache.internal:11211' is not a Redis address" in result.stderr
