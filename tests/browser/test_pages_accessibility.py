"""Every information page passes axe-core's WCAG 2.2 A and AA rules, on screen and in print."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from selfcheck_flow import axe_violations
from trust_helpers import page_paths

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def information_pages(site: Path) -> list[str]:
    """Every built page but the self-check, which has its own per-state tests."""
    return [path for path in page_paths(site) if path != "self-check/"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_information_pages_have_no_axe_violations(browser: Browser, built_site: Path, site_url: str, viewport: str) -> None:
    """axe finds no WCAG violation on any information page, on a phone, a desktop and in print."""
    # axe is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
    page = context.new_page()
    pages = information_pages(built_site)
    found: dict[str, list[str]] = {}
    for path in pages:
        page.goto(site_url + path)
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            if violations := axe_violations(page):
                found[f"{path or '/'} ({media})"] = violations
        page.emulate_media(media="screen")
    context.close()
    assert len(pages) >= 13
    assert found == {}


def test_no_page_is_wider_than_a_small_phone(browser: Browser, built_site: Path, site_url: str) -> None:
    """At 320 CSS pixels (WCAG 1.4.10 reflow) no page scrolls sideways, tables included."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for path in page_paths(built_site):
        page.goto(site_url + path)
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
            too_wide[path or "/"] = width
    context.close()
    assert too_wide == {}
