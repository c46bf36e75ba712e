"""The home page past one page of instruments: paged and filtered in place, the address following."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import committed, mark_window, window_kept

pytestmark = pytest.mark.django_db

CARDS = "#instruments .instrument-card"


def thirty_copies() -> None:
    from concordance.corpus.models import Instrument

    Instrument.objects.bulk_create(
        Instrument(
            slug=f"copie-{n}",
            title=f"Copie {n} de la Convention",
            short_title=f"Copie {n}",
            issuer="Conseil de l'Europe",
            adopted_at="Strasbourg",
            adopted_on=datetime.date(2001, 11, 23),
            position=100 + n,
        )
        for n in range(1, 31)
    )


def test_the_instruments_are_paged_and_filtered_without_reloading_the_page(page: Page, undo_commits):
    committed(thirty_copies)
    page.goto("/")
    expect(page.locator(CARDS)).to_have_count(24)
    expect(page.locator(CARDS).first).to_contain_text("Convention des Nations Unies")
    mark_window(page)

    page.locator("#instruments a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/\?page=2$"))
    expect(page.locator(CARDS)).to_have_count(9)
    expect(page.locator(CARDS).last).to_contain_text("Copie 30")

    page.get_by_label("Titre").fill("copie 1")
    expect(page).to_have_url(re.compile(r"/\?q=copie(\+|%20)1$"))
    expect(page.locator(CARDS)).to_have_count(11)  # Copie 1 and Copie 10 to 19, on one page
    expect(page.locator("#instruments .page-links")).to_have_count(0)
    assert window_kept(page), "paging or filtering reloaded the whole page"
