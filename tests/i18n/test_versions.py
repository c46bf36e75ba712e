"""A changed translation is a new version of the cached pages and of the comparison's cached rows."""

from __future__ import annotations

from pathlib import Path

from django.test import override_settings

from concordance.comparison.page import rendering_version
from concordance.versioning.middleware import site_version


def versions_with(locale: Path) -> tuple[str, str]:
    with override_settings(LOCALE_PATHS=[locale]):
        site_version.cache_clear()
        rendering_version.cache_clear()
        try:
            return site_version()[0], rendering_version()
        finally:
            site_version.cache_clear()
            rendering_version.cache_clear()


def test_a_new_translation_is_a_new_site_and_rows_version(tmp_path: Path) -> None:
    catalogue = tmp_path / "en" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "plus large"\nmsgstr "broader"\n', encoding="utf-8")
    before = versions_with(tmp_path)
    assert versions_with(tmp_path) == before
    catalogue.write_text('msgid "plus large"\nmsgstr "wider"\n', encoding="utf-8")
    after = versions_with(tmp_path)
    assert after[0] != before[0]
    assert after[1] != before[1]
