"""The watch every browser test runs under (conftest.watch) sees what it must:
proof that a journey would fail on a CSP violation or a script error."""

from __future__ import annotations

import pytest

from tests.browser.conftest import watch

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched(browser, base_url):
    # A context of its own: the test provokes faults on purpose, which the
    # watch of the usual contexts would report as this test's failure.
    context = browser.new_context(base_url=base_url)
    problems = watch(context)
    yield context.new_page(), problems
    context.close()


def test_a_csp_violation_is_reported(watched):
    page, problems = watched
    page.goto("/un/art-25/")
    # An image from another origin, which img-src 'self' blocks.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"https://example.org/x.png\">')")
    page.wait_for_timeout(500)
    assert any("CSP violation: img-src" in problem for problem in problems), problems


def test_an_uncaught_script_error_is_reported(watched):
    page, problems = watched
    page.goto("/un/art-25/")
    page.evaluate("setTimeout(() => { throw new Error('une erreur du script') }, 0)")
    page.wait_for_timeout(500)
    assert any("une erreur du script" in problem for problem in problems), problems


def test_a_clean_page_reports_nothing(watched):
    page, problems = watched
    page.goto("/un/art-25/")
    page.wait_for_timeout(300)
    assert problems == []
