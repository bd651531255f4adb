"""One visit to every built page, gathering what the page-wide tests check.

A page is loaded once, at phone width, under the site's real CSP, and then: axe at
390 px, Tab through every stop, the width at 320 px, axe at 1280 px on screen and in
print, and the CSP violations the visit caused. Without JavaScript the page is loaded
once more, for its width at 320 px. The tests in test_pages_accessibility.py and
test_headers.py read these facts; the run gathers them once (tests/browser/conftest.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from selfcheck_flow import axe_violations
from trust_helpers import WATCH_CSP, page_paths, watch_csp_console

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SMALL_PHONE = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow
SELF_CHECK = "self-check/"  # axe checks each of its states in test_selfcheck_accessibility.py

# Where the focused element is, and whether a sighted keyboard user can see it there:
# inside the viewport, not hidden, transparent or zero-sized, and not covered (the
# sticky header included: WCAG 2.4.11) at its centre. Recorded as each Tab goes down,
# so it describes the stop the previous Tab reached, scrolled into view by the browser.
RECORD_STOPS = """() => {
  window.__stops = [];
  // Each stop is known by a number, so that coming back round to the first is noticed
  // without serialising elements (a focusable table or region can be large).
  const numbers = new WeakMap();
  let count = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const focused = document.activeElement;
    if (!focused || focused === document.body) { window.__stops.push(null); return; }
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
    if (!numbers.has(focused)) numbers.set(focused, count++);
    window.__stops.push({ seen, key: numbers.get(focused), what: seen ? "" : focused.outerHTML.slice(0, 100) });
  }, true);
}"""
# The diary page starts its engine on load and then draws the plan and progress, which
# moves what is below them: the walk waits until the engine has answered either way.
SETTLED = """() => {
  const diary = document.querySelector("[data-diary]");
  return !diary || diary.dataset.diaryEngine !== undefined;
}"""
TABS_PER_READ = 16
MAX_STOPS = 400
# Focus moves on the Tab key's keydown; its keyup does nothing. Sent alone through the
# DevTools protocol, one Tab is one round trip to the browser instead of two (each waits
# for a frame): about 20 ms a stop instead of 35, on a thousand stops a run.
TAB_DOWN = {"type": "rawKeyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}


@dataclass
class PageFacts:
    axe: dict[str, list[str]] = field(default_factory=dict)  # by "phone", "desktop", "print"
    stops: int = 0
    unseen_stops: list[str] = field(default_factory=list)
    width_320: int = 0
    width_320_no_js: int = 0
    csp_header: str = ""
    csp: list[str] = field(default_factory=list)


def tab_stops(page: Page) -> list[dict]:
    """Every Tab stop from the top of the page round to the first again."""
    page.evaluate(RECORD_STOPS)
    keys = page.context.new_cdp_session(page)
    recorded: list[dict | None] = []
    try:
        while len(recorded) <= MAX_STOPS:
            for _ in range(TABS_PER_READ):
                keys.send("Input.dispatchKeyEvent", TAB_DOWN)
            recorded += page.evaluate("() => window.__stops.splice(0)")
            # recorded[0] is the page before the first Tab; then one entry per stop.
            stops = recorded[1:]
            first = stops[0]["key"] if stops and stops[0] else None
            for number, stop in enumerate(stops):
                if stop is None or (number and stop["key"] == first):
                    return stops[:number]
    finally:
        keys.detach()
    raise AssertionError(f"Tab never came back round after {MAX_STOPS} stops")


def visit(page: Page, url: str, path: str, reports: list[str]) -> PageFacts:
    facts = PageFacts()
    page.set_viewport_size(PHONE)
    response = page.goto(url)
    facts.csp_header = response.headers.get("content-security-policy", "") if response else ""
    page.wait_for_function(SETTLED, timeout=120_000)
    checked_by_axe = path != SELF_CHECK
    if checked_by_axe:
        facts.axe["phone"] = axe_violations(page)
    stops = tab_stops(page)
    facts.stops = len(stops)
    facts.unseen_stops = [stop["what"] for stop in stops if not stop["seen"]]
    page.set_viewport_size(SMALL_PHONE)
    facts.width_320 = page.evaluate("() => document.documentElement.scrollWidth")
    if checked_by_axe:
        page.set_viewport_size(DESKTOP)
        facts.axe["desktop"] = axe_violations(page)
        # Print is checked at the desktop width: paper (A4, 794 CSS px) lays out like it.
        page.emulate_media(media="print")
        facts.axe["print"] = axe_violations(page)
        page.emulate_media(media="screen")
    facts.csp = page.evaluate("() => window.__cspViolations") + reports
    reports.clear()
    return facts


def audit(browser: Browser, site: Path, site_url: str) -> dict[str, dict]:
    """Facts for every built page, keyed by its path ("" for the home page)."""
    paths = page_paths(site)
    facts: dict[str, PageFacts] = {}
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    reports = watch_csp_console(page)
    try:
        for path in paths:
            facts[path] = visit(page, site_url + path, path, reports)
    finally:
        context.close()
    # Material's header behaves differently without JavaScript.
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        for path in paths:
            page.goto(site_url + path)
            facts[path].width_320_no_js = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        context.close()
    return {path: asdict(found) for path, found in facts.items()}
