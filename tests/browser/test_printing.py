"""Printing from the browser: Chromium prints with static/css/print.css, as WeasyPrint draws the PDFs."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.helpers import PAIR

pytestmark = pytest.mark.django_db


def printed(page: Page, path: str) -> PdfReader:
    page.goto(path)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


def text_of(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_un_25_against_budapest_16_prints_on_one_landscape_a4_page_with_its_source(page: Page):
    reader = printed(page, PAIR)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595
    text = text_of(reader)
    assert re.search(
        r"Source : Concordance, http://127\.0\.0\.1:\d+/compare/un/art_25/budapest/art_16/ — imprimé le", text
    )
    for screen_only in ("Connexion curateur", "Touches", "Côte à côte", "Convention ONU Convention de Budapest"):
        assert screen_only not in text


def test_the_offences_chapter_says_which_chapter_it_is_and_wastes_no_page(page: Page):
    reader = printed(page, "/concordance/?from=un&chapter=chp_2")
    text = text_of(reader)
    assert "Chapitre : Chapitre II — Incrimination" in text
    # No page holds only the footer: the last one carries rows of the table too.
    last = re.sub(r"\s+", " ", reader.pages[-1].extract_text())
    assert "Art." in last, last[:300]
