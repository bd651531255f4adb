"""Every page passes axe-core's WCAG 2.2 A and AA rules on screen and in print, can be
used by keyboard at phone width, and reflows at 320 px (the facts: page_audit.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from page_audit import PHONE, SMALL_PHONE

VIEWS = ("phone", "desktop", "print")


@pytest.mark.parametrize("view", VIEWS)
def test_information_pages_have_no_axe_violations(page_facts: dict[str, dict], view: str) -> None:
    """axe finds no WCAG violation on any information page, on a phone, a desktop and in print."""
    checked = {path: facts["axe"][view] for path, facts in page_facts.items() if facts["axe"]}
    assert len(checked) >= 13
    assert {path or "/": found for path, found in checked.items() if found} == {}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_is_wider_than_a_small_phone(page_facts: dict[str, dict], javascript: bool) -> None:
    """At 320 CSS pixels (WCAG 1.4.10 reflow) no page scrolls sideways, tables included,
    with JavaScript and without it (Material's header then behaves differently)."""
    width = "width_320" if javascript else "width_320_no_js"
    assert {path or "/": facts[width] for path, facts in page_facts.items() if facts[width] > SMALL_PHONE["width"]} == {}


def test_every_tab_stop_is_visible_on_a_phone(page_facts: dict[str, dict]) -> None:
    """At 390 CSS pixels, Tab from the top of each page through every stop and back:
    each stop can be seen (WCAG 2.4.7, 2.4.11). The closed menu and search hold none."""
    assert {path or "/": facts["unseen_stops"] for path, facts in page_facts.items() if facts["unseen_stops"]} == {}
    # The menu and search buttons are among the stops, and every page has some.
    stops = {path or "/": facts["stops"] for path, facts in page_facts.items()}
    assert min(stops.values()) >= 5, stops


def test_menu_opens_from_the_keyboard_on_a_phone(browser: Browser, site_url: str) -> None:
    """The menu button is a Tab stop; Enter opens the drawer, whose links are then
    stops; Escape closes it and puts focus back on the button."""
    context = browser.new_context(viewport=PHONE)
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
