"""axe-core finds no WCAG 2.2 A/AA problem in any state of the self-check.

axe runs under the page's own Content-Security-Policy (selfcheck_flow.axe_violations).
Print is checked at the desktop width, as paper (A4, 794 CSS px) lays out like it.
Automated checks find only part of the problems; the journeys and keyboard tests cover
focus, titles and error links.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from selfcheck_flow import (
    answer_all,
    axe_violations,
    continue_,
    new_page,
    open_self_check,
    screen,
    see_result,
    clear_answers,
)


@pytest.fixture(scope="module")
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context, page, _ = new_page(browser, site_url)
    open_self_check(page, site_url)
    yield page
    context.close()


# Print only at the desktop width: printing does not change with the screen it starts from.
@pytest.mark.parametrize(("viewport", "printed"), [((1280, 900), True), ((390, 844), False)], ids=["desktop", "phone"])
def test_every_state_has_no_violations(page: Page, viewport, printed: bool) -> None:
    width, height = viewport
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(media="screen")
    page.evaluate("sessionStorage.clear()")
    page.reload()
    page.evaluate("window.selfcheck.ready")
    assert screen(page) == "start"
    assert axe_violations(page) == [], "start"
    page.locator("[data-sc-action=start]").click()
    assert axe_violations(page) == [], "age question"
    continue_(page)
    assert axe_violations(page) == [], "age error"
    page.locator("[data-sc-action=back]:visible").click()
    answer_all(page, clear_answers(pacemaker="not_sure", night_sweats="yes", areas=["feet", "underarms"]))
    page.locator("[data-sc-change=pregnant]").click()
    assert axe_violations(page) == [], "radios question"
    continue_(page)
    assert screen(page) == "check"
    assert axe_violations(page) == [], "check answers"
    assert see_result(page) == "result"
    assert axe_violations(page) == [], "result"
    if not printed:
        return
    page.emulate_media(media="print")
    assert axe_violations(page) == [], "result printed"
    page.emulate_media(media="screen")
    page.locator("[data-sc-screen=result] [data-sc-action=clear]").click()
    page.emulate_media(media="print")
    assert axe_violations(page) == [], "paper checklist printed"
    page.emulate_media(media="screen")


def test_radio_error_state_has_no_violations(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="screen")
    page.evaluate("sessionStorage.clear()")
    page.reload()
    page.locator("[data-sc-action=start]").click()
    page.locator("#sc-age").fill("40")
    continue_(page)
    continue_(page)  # areas with nothing ticked
    assert page.locator("[data-sc-question=areas] [data-sc-error-summary]").is_visible()
    assert axe_violations(page) == []


def test_fallback_and_no_javascript_have_no_violations(browser: Browser, site_url: str) -> None:
    context, page, _ = new_page(browser, site_url)
    try:
        context.route("**/assets/selfcheck/engine.js", lambda route: route.fulfill(status=404, body=""))
        open_self_check(page, site_url, wait_for_engine=False)
        page.locator("[data-sc-action=start]").click()
        assert screen(page) == "fallback"
        assert axe_violations(page) == [], "fallback"
    finally:
        context.close()
    # The page as it is without JavaScript: the same HTML with no script of ours running
    # (axe itself needs script, so the scripts are refused rather than JavaScript turned off).
    context, page, _ = new_page(browser, site_url)
    try:
        context.route("**/assets/selfcheck/*.js", lambda route: route.fulfill(status=404, body=""))
        page.goto(site_url + "self-check/")
        assert page.locator("[data-sc-paper]").is_visible()
        assert page.locator("[data-sc-when=no-js]").is_visible()
        assert axe_violations(page) == [], "no JavaScript"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(media="print")
        assert axe_violations(page) == [], "no JavaScript, printed"
    finally:
        context.close()
