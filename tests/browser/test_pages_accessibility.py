"""Every information page passes axe-core's WCAG 2.2 A and AA rules, on screen and in print."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from selfcheck_flow import axe_violations

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def page_paths(site: Path) -> list[str]:
    """Every built page but the self-check, which has its own per-state tests."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("**/index.html"))
    return [("" if p == "." else p + "/") for p in pages if p not in ("self-check", "search")]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_information_pages_have_no_axe_violations(browser: Browser, built_site: Path, site_url: str, viewport: str) -> None:
    """axe finds no WCAG violation on any information page, on a phone, a desktop and in print."""
    # axe is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for path in page_paths(built_site):
        page.goto(site_url + path)
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            if violations := axe_violations(page):
                found[f"{path or '/'} ({media})"] = violations
        page.emulate_media(media="screen")
    context.close()
    assert len(page_paths(built_site)) >= 13
    assert found == {}
