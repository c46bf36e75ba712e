"""The cache is never a reason to fail (D5 of the reliability review: with
the file cache on a full 512 KiB filesystem, uncached pages answered 500).

A cache that cannot be written or read — a full filesystem, a folder that
cannot be created — costs time, not errors: pages are computed without it,
and the failure is logged once per process and kind, not on every request.
"""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import uuid
from pathlib import Path

import pytest
from django.test import Client

from concordance import cache_backends

pytestmark = pytest.mark.django_db

# Pages whose content is computed and cached (glossary index, collation, quantities).
CACHED_PAGES = ["/glossary/", "/budapest/editions/", "/quantities/", "/divergences/"]


def use_cache(settings, location: Path, backend: str = "concordance.cache_backends.FailSoftFileBasedCache") -> None:
    settings.CACHES = {
        "default": {"BACKEND": backend, "LOCATION": str(location), "TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 5000}}
    }


@pytest.fixture(autouse=True)
def forget_reported_failures():
    cache_backends._reported.clear()
    yield
    cache_backends._reported.clear()


def mount_full_filesystem(folder: Path) -> bool:
    """A 64 KiB tmpfs at `folder`, filled to the last byte; False where
    mounting is not allowed (not root, or no CAP_SYS_ADMIN)."""
    folder.mkdir()
    if os.geteuid() != 0:
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(folder)], capture_output=True, timeout=30
    )
    if result.returncode != 0:
        return False
    try:
        with open(folder / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError as error:
        assert error.errno == errno.ENOSPC
    return True


@pytest.fixture
def full_filesystem(tmp_path):
    folder = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
    if not mount_full_filesystem(folder):
        pytest.skip("cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def warnings_of_the_cache(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "concordance.cache_backends"]


def test_pages_answer_200_with_the_cache_on_a_full_filesystem(settings, full_filesystem, caplog):
    use_cache(settings, full_filesystem / "cache")
    # The folder itself can still be made (directories take no data block on tmpfs): the writes fail.
    client = Client()
    with caplog.at_level(logging.WARNING, logger="concordance.cache_backends"):
        for _ in range(3):
            for page in CACHED_PAGES:
                assert client.get(page).status_code == 200, page
    logged = warnings_of_the_cache(caplog)
    assert len(logged) == 1, logged
    assert "No space left on device" in logged[0]


def test_a_cache_write_failing_with_enospc_is_a_miss(settings, tmp_path, monkeypatch, caplog):
    # Where no small filesystem can be mounted: the same error, raised by the write itself.
    use_cache(settings, tmp_path / "cache")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("django.core.cache.backends.filebased.tempfile.mkstemp", no_space)
    client = Client()
    with caplog.at_level(logging.WARNING, logger="concordance.cache_backends"):
        for _ in range(2):
            for page in CACHED_PAGES:
                assert client.get(page).status_code == 200, page
    assert len(warnings_of_the_cache(caplog)) == 1


def test_pages_answer_200_when_the_cache_folder_cannot_be_created(settings, tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    use_cache(settings, blocker / "cache")
    client = Client()
    with caplog.at_level(logging.WARNING, logger="concordance.cache_backends"):
        for page in CACHED_PAGES * 2:
            assert client.get(page).status_code == 200, page
    assert len(warnings_of_the_cache(caplog)) == 1


def test_pages_answer_200_when_the_cache_folder_is_not_readable(settings, tmp_path, monkeypatch, caplog):
    use_cache(settings, tmp_path / "cache")

    def unreadable(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("django.core.cache.backends.filebased.open", unreadable, raising=False)
    client = Client()
    with caplog.at_level(logging.WARNING, logger="concordance.cache_backends"):
        for page in CACHED_PAGES * 2:
            assert client.get(page).status_code == 200, page
    assert len(warnings_of_the_cache(caplog)) == 1


def test_each_kind_of_failure_is_logged_once_per_process(caplog):
    backend = cache_backends.FailSoftFileBasedCache("/nonexistent", {})
    with caplog.at_level(logging.WARNING, logger="concordance.cache_backends"):
        for _ in range(5):
            backend.unavailable(OSError(errno.ENOSPC, "No space left on device"))
            backend.unavailable(OSError(errno.EACCES, "Permission denied"))
    assert len(warnings_of_the_cache(caplog)) == 2


def test_production_uses_the_fail_soft_cache(settings):
    from concordance import settings as project_settings

    assert project_settings.CACHES["default"]["BACKEND"] == "concordance.cache_backends.FailSoftFileBasedCache"
