"""What the browser journeys share: axe-core, the window marker, screenshots, committed writes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
T = TypeVar("T")

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# axe-core as shipped inside axe-playwright-python (no network needed):
# injected by page.evaluate, which the Content-Security-Policy does not govern.
AXE = Axe()
BLOCKING_IMPACTS = ("serious", "critical")


def accessibility_violations(page: Page) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now, one line each."""
    results = AXE.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


# A full page load gives a new window object: a property set on the old one
# survives only if the page changed in place.
def mark_window(page: Page) -> None:
    page.evaluate("window.concordanceJourney = 'this page was not reloaded'")


def window_kept(page: Page) -> bool:
    return page.evaluate("window.concordanceJourney") == "this page was not reloaded"


def in_viewport(page: Page, selector: str) -> bool:
    """Whether some of the element is inside the visible part of the window."""
    return page.locator(selector).evaluate(
        """element => {
            const box = element.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
        }"""
    )


# The whole page, down to this many screens: the instrument page is some
# hundred screens long, and its first few show all there is to judge.
SCREENSHOT_SCREENS = 6


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_SCREENS * size["height"])
    page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height})
    return path


def committed(write: Callable[[], T]) -> T:
    """Run ``write`` on a connection of its own, outside the test's transaction: its rows are committed.

    Django gives each thread its own connections; this one has no event loop either.
    """
    from django.db import connections

    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = write()
        except BaseException as error:  # noqa: BLE001 (raised again in the test's thread)
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="committed-write")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")  # type: ignore[return-value]


# The main pages, as a person reaches them (screenshots, keyboard, axe).
PAIR = "/compare/un/art_25/budapest/art_16/"
MAIN_PAGES = {
    "home": "/",
    "instrument": "/un/",
    "article": "/un/art-25/",
    "concordance": "/concordance/",
    "comparison-side": PAIR,
    "comparison-inline": PAIR + "?view=inline",
    "search": "/search/?q=garder+le+secret",
    "quantities": "/quantities/",
    "divergences": "/divergences/",
    "glossary": "/glossary/",
}


def corpus_ready() -> None:
    """The corpus, the curated concordance and the cross-references.

    Loaded by tests/conftest.py, except when a transactional test elsewhere
    ran first and flushed it; the cross-references are computed only by the
    crossrefs tests' own set-up. Both steps leave existing rows unchanged.
    """
    import json

    from django.conf import settings

    from concordance.corpus.models import Provision
    from concordance.crossrefs.resolution import resolve_references

    if not Provision.objects.exists():
        from concordance.corpus.ingest import ingest
        from concordance.mapping.interchange.load import import_document

        ingest(settings.SOURCES_DIR)
        import_document(json.loads(settings.CONCORDANCE_FIXTURE.read_text(encoding="utf-8")))
    resolve_references()
