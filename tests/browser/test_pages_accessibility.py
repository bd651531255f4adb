"""Every information page passes axe-core's WCAG 2.2 A and AA rules, on screen and in print."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from selfcheck_flow import axe_violations
from trust_helpers import page_paths

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# Print is checked once, at the desktop width: paper (A4, 794 CSS px) lays out like it.
MEDIA = {"phone": ("screen",), "desktop": ("screen", "print")}


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
        for media in MEDIA[viewport]:
            page.emulate_media(media=media)
            if violations := axe_violations(page):
                found[f"{path or '/'} ({media})"] = violations
        page.emulate_media(media="screen")
    context.close()
    assert len(pages) >= 13
    assert found == {}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_is_wider_than_a_small_phone(browser: Browser, built_site: Path, site_url: str, javascript: bool) -> None:
    """At 320 CSS pixels (WCAG 1.4.10 reflow) no page scrolls sideways, tables included,
    with JavaScript and without it (Material's header then behaves differently)."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    too_wide = {}
    for path in page_paths(built_site):
        page.goto(site_url + path)
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
            too_wide[path or "/"] = width
    context.close()
    assert too_wide == {}


# Where the focused element is, and whether a sighted keyboard user can see it there:
# inside the viewport, not hidden, transparent or zero-sized, and not covered (the
# sticky header included: WCAG 2.4.11) at its centre.
FOCUS_FACTS = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // A radio or checkbox drawn by its label (the native input is transparent): judge the label.
  const drawn = focused.labels && focused.labels.length && getComputedStyle(focused).opacity === "0";
  const el = drawn ? focused.labels[0] : focused;
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const seen = r.width >= 1 && r.height >= 1 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight
    && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    && !!top && (el.contains(top) || top.contains(el) || (el.labels && [...el.labels].some((l) => l.contains(top))));
  return { seen, what: focused.outerHTML.slice(0, 100), key: focused.outerHTML };
}"""
MAX_STOPS = 400


def test_every_tab_stop_is_visible_on_a_phone(browser: Browser, built_site: Path, site_url: str) -> None:
    """At 390 CSS pixels, Tab from the top of each page through every stop and back:
    each stop can be seen (WCAG 2.4.7, 2.4.11). The closed menu and search hold none."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    unseen: dict[str, list[str]] = {}
    stops: dict[str, int] = {}
    for path in page_paths(built_site):
        page.goto(site_url + path)
        first = None
        for count in range(MAX_STOPS):  # noqa: B007 (read after the loop: the number of stops)
            page.keyboard.press("Tab")
            facts = page.evaluate(FOCUS_FACTS)
            if facts is None or facts["key"] == first:
                break
            first = first or facts["key"]
            if not facts["seen"]:
                unseen.setdefault(path or "/", []).append(facts["what"])
        else:
            raise AssertionError(f"{path}: Tab never came back round after {MAX_STOPS} stops")
        stops[path or "/"] = count
    context.close()
    assert unseen == {}
    # The menu and search buttons are among the stops, and every page has some.
    assert min(stops.values()) >= 5, stops


def test_menu_opens_from_the_keyboard_on_a_phone(browser: Browser, site_url: str) -> None:
    """The menu button is a Tab stop; Enter opens the drawer, whose links are then
    stops; Escape closes it and puts focus back on the button."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(site_url + "side-effects/")
    menu = page.locator("button[data-site-for=__drawer]")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.siteFor") == "__drawer":
            break
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.localName") == "button"
    assert (menu.text_content() or "").strip() == "Menu"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    drawer_link = page.locator(".md-sidebar--primary a[href]").first
    assert drawer_link.is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.dataset.siteFor") == "__drawer"
    context.close()
