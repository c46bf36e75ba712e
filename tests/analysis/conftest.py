import pytest
from django.test import override_settings


@pytest.fixture(scope="module", autouse=True)
def private_cache():
    """A cache of their own for each test module, so the analysis is built, not found.

    The shared file cache may already hold results computed by an earlier run;
    starting empty makes each module exercise the builders once and the warm
    path afterwards.
    """
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "analysis-tests"}}
    ):
        from django.core.cache import cache

        cache.clear()
        yield
