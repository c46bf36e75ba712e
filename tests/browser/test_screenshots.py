"""Journey 8: the main pages at desktop and phone widths, saved under screenshots/ to be looked at.

Each screenshot also checks what shows on it: nothing wider than the screen
(a page that scrolls sideways on a phone cuts its text off).
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import DESKTOP, MAIN_PAGES, PHONE, screenshot

pytestmark = pytest.mark.django_db

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


CASES = [pytest.param(name, url, width, id=f"{name}-{width}") for name, url in MAIN_PAGES.items() for width in WIDTHS]


@pytest.mark.parametrize(("name", "url", "width"), CASES)
def test_screenshot(new_context, name: str, url: str, width: str):
    page = new_context().new_page()
    page.set_viewport_size(WIDTHS[width])
    response = page.goto(url)
    assert response is not None
    assert response.status == 200
    screenshot(page, f"{name}-{width}")

    too_wide = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll("body *"))
                .filter(element => element.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
                     + (element.className ? "." + String(element.className).split(" ").join(".") : ""));
        }"""
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= WIDTHS[width]["width"], f"{scroll_width}px wide, wider than the screen: {too_wide}"
