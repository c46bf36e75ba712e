"""The PDFs as a reader sees them: pages drawn to images (pypdfium2), saved under screenshots/ to look at.

A text layer can be right while the page looks wrong; these tests check what
only pixels show, and leave the images for a person to compare.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from tests.exports.pdf_helpers import needs_weasyprint, read_pdf

pytestmark = [pytest.mark.django_db, needs_weasyprint]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
# static/css/site.css: --del-bg (one instrument's own text, left) and --ins-bg (right).
LEFT_TINT, RIGHT_TINT = (0xFD, 0xE2, 0xE1), (0xDF, 0xF3, 0xE4)


def page_images(response, name: str) -> list[Image.Image]:
    read_pdf(response)  # a PDF, status 200
    document = pypdfium2.PdfDocument(response.content)
    SCREENSHOTS.mkdir(exist_ok=True)
    for stale in SCREENSHOTS.glob(f"pdf-{name}-p*.png"):  # an earlier run's pages, perhaps more of them
        stale.unlink()
    images = []
    for number in range(len(document)):
        image = document[number].render(scale=1.5).to_pil().convert("RGB")
        image.save(SCREENSHOTS / f"pdf-{name}-p{number + 1}.png")
        images.append(image)
    return images


def share_of(image: Image.Image, colour: tuple[int, int, int]) -> float:
    """The share of the page's pixels that have ``colour`` (within a rounding step)."""
    counted = 0
    for count, pixel in image.getcolors(maxcolors=1 << 20) or []:
        if isinstance(pixel, tuple) and all(abs(a - b) <= 2 for a, b in zip(pixel, colour, strict=True)):
            counted += count
    return counted / (image.width * image.height)


def test_each_sides_own_text_is_tinted_in_the_comparison_pdf(client):
    (page,) = page_images(client.get("/compare/un/art_25/budapest/art_16/comparison.pdf"), "compare-un25-b16")
    assert page.width > page.height  # landscape
    # UN 25 has words of its own in every paragraph, Budapest 16 a whole paragraph 4.
    assert share_of(page, LEFT_TINT) > 0.005
    assert share_of(page, RIGHT_TINT) > 0.005


def test_the_handout_cover_shows_the_legend_tints_and_the_longest_pair_prints_whole(client):
    cover = page_images(client.get("/handouts/?pairs=un:art_25/budapest:art_16"), "handout-un25-b16")[0]
    assert share_of(cover, LEFT_TINT) > 0 and share_of(cover, RIGHT_TINT) > 0  # "ONU seulement", "Budapest seulement"
    pages = page_images(client.get("/compare/un/art_40/budapest/art_27/comparison.pdf"), "compare-un40-b27")
    # No blank page: every page carries text of one side or the other.
    assert all(share_of(page, LEFT_TINT) + share_of(page, RIGHT_TINT) > 0.001 for page in pages)
