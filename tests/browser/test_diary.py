"""The treatment diary in Chromium: the same summary as CPython, consent before storage,
delete, export and import, refusals, privacy, axe, keyboard and a 320 px screen.

One page (and so one engine start) serves every test in this module, to keep the added
test time small; each test starts by deleting the diary through the page's own button.
axe is served from the site's origin by a route, so the page keeps its real
Content-Security-Policy throughout.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from selfcheck_flow import axe_violations
from support.traffic import Traffic

from diary import api, wording

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "diary"))
from diary_helpers import SCENARIOS, two_years

NOTE = "Private words 4471"
ENGINE_LIMIT_MS = 180_000


@pytest.fixture(scope="module")
def opened(browser: Browser, site_url: str) -> Iterator[tuple[BrowserContext, Page, Traffic]]:
    context = browser.new_context(service_workers="block", accept_downloads=True)
    page = context.new_page()
    # "Delete my diary" and "Open a file" ask first: the patient says yes.
    page.on("dialog", lambda dialog: dialog.accept())
    recorder = Traffic(site_url)
    recorder.attach(context, page)
    page.goto(site_url + "diary/")
    page.wait_for_selector("[data-diary][data-diary-engine=ready]", state="attached", timeout=ENGINE_LIMIT_MS)
    yield context, page, recorder
    context.close()


@pytest.fixture
def page(opened: tuple[BrowserContext, Page, Traffic]) -> Page:
    page = opened[1]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="screen")
    _delete(page)
    return page


def _clear_status(page: Page) -> None:
    """So that waiting for a message never sees the one before."""
    page.evaluate("() => { document.querySelector('[data-diary-status]').textContent = ''; }")


def _delete(page: Page) -> None:
    _clear_status(page)
    page.click("[data-diary-action=delete]")
    _status(page, wording.PAGE["deleted"])


def _stored(page: Page) -> dict:
    return page.evaluate("({...localStorage})")


def _status(page: Page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('[data-diary-status]').textContent.includes(t)", arg=text)


def _record_session(page: Page, note: str = "", effect: str | None = None) -> None:
    _clear_status(page)
    page.fill("#diary-current_ma", "12.5")
    page.fill("#diary-minutes", "20")
    page.check("#diary-areas")
    page.check("#diary-polarity_changed-no")
    if effect:
        page.check(f"#diary-side_effects-{effect}")
    page.fill("#diary-note", note)
    page.click("[data-diary-form=session] [data-diary-submit]")
    _status(page, wording.PAGE["saved_session"])


def _open_file(page: Page, name: str, text: str) -> None:
    _clear_status(page)
    page.set_input_files("#diary-file", files=[{"name": name, "mimeType": "application/json", "buffer": text.encode()}])
    page.click("[data-diary-form=import] [data-diary-submit]")


def _export(page: Page, action: str = "export-json") -> bytes:
    with page.expect_download() as info:
        page.click(f"[data-diary-action={action}]")
    return Path(info.value.path()).read_bytes()


def test_summary_matches_cpython_on_every_scenario(page: Page) -> None:
    for scenario in SCENARIOS:
        text = json.dumps(scenario["diary"])
        browser = page.evaluate("([t, d]) => window.diary.call('summary_json', t, d)", [text, scenario["today"]])
        assert browser == api.summary_json(text, scenario["today"]), scenario["name"]
    text = json.dumps(two_years())
    assert page.evaluate("t => window.diary.call('csv_text', t)", text) == api.csv_text(text)


def test_the_page_shows_the_prompts_of_an_opened_diary(page: Page) -> None:
    scenario = next(s for s in SCENARIOS if s["expect"]["prompts"] == ["blister_or_burn"])
    _open_file(page, "diary.json", json.dumps(scenario["diary"]))
    _status(page, wording.PAGE["imported"])
    shown = page.eval_on_selector_all("[data-diary-progress] [data-diary-prompt]", "els => els.map(e => e.dataset.diaryPrompt)")
    assert shown == ["blister_or_burn"]
    assert page.locator("[data-diary-progress] svg[role=img]").count() >= 1


def test_nothing_is_stored_before_consent_and_delete_removes_everything(page: Page) -> None:
    _record_session(page, note=NOTE)
    page.check("#diary-score")
    _clear_status(page)
    page.click("[data-diary-form=score] [data-diary-submit]")
    _status(page, wording.PAGE["saved_score"])
    assert _stored(page) == {}
    assert page.evaluate("({...sessionStorage})") == {}
    assert page.evaluate("document.cookie") == ""
    _clear_status(page)
    page.click("[data-diary-action=keep]")
    _status(page, wording.PAGE["kept_now"])
    stored = _stored(page)
    assert list(stored) == ["iontophoresis-diary"]
    assert json.loads(stored["iontophoresis-diary"])["sessions"][0]["note"] == NOTE
    _delete(page)
    assert _stored(page) == {}
    assert page.locator("[data-diary-entries]").inner_text().strip() == wording.PAGE["no_entries"]


def test_export_then_import_gives_byte_identical_json(page: Page) -> None:
    scenario = SCENARIOS[1]
    _open_file(page, "diary.json", json.dumps(scenario["diary"]))
    _status(page, wording.PAGE["imported"])
    first = _export(page)
    assert first.decode() == json.loads(api.open_diary(json.dumps(scenario["diary"])))["diary"]
    _delete(page)
    _open_file(page, "again.json", first.decode())
    _status(page, wording.PAGE["imported"])
    assert _export(page) == first
    csv = _export(page, "export-csv").decode()
    assert csv == api.csv_text(first.decode())


def test_a_bad_file_is_refused_and_the_diary_is_untouched(page: Page) -> None:
    _record_session(page, note=NOTE)
    _clear_status(page)
    page.click("[data-diary-action=keep]")
    before, entries = _stored(page), page.locator("[data-diary-entries]").inner_text()
    for name, text, message in (
        ("photo.json", "not a diary", wording.FILE_NOT_JSON),
        ("other.json", '{"sessions": []}', wording.FILE_NOT_DIARY),
        ("newer.json", '{"schema": "iontophoresis-diary", "version": 99}', wording.FILE_TOO_NEW),
    ):
        _open_file(page, name, text)
        # The summary from the file before stays visible until this one is read: wait for
        # this file's message, not for visibility.
        expect(page.locator("[data-diary-form=import] [data-diary-errors]")).to_contain_text(message)
        assert page.evaluate("document.activeElement.matches('[data-diary-errors]')")
        assert _stored(page) == before
        assert page.locator("[data-diary-entries]").inner_text() == entries


def test_an_older_file_is_migrated_with_a_message(page: Page) -> None:
    old = {"schema": "iontophoresis-diary", "version": 1, "sessions": [{
        "date": "2026-03-02", "areas": ["feet"], "current_ma": 15, "minutes": 20, "polarity": "changed",
        "side_effects": [], "note": ""}], "hdss": []}
    _open_file(page, "old.json", json.dumps(old))
    _status(page, wording.FILE_MIGRATED)
    assert json.loads(_export(page))["version"] == 2


def test_blocked_storage_is_reported_and_export_still_works(page: Page) -> None:
    _record_session(page, note=NOTE)
    page.evaluate("""() => {
        window.__setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
    }""")
    try:
        _clear_status(page)
        page.click("[data-diary-action=keep]")
        _status(page, wording.PAGE["storage_failed"])
        assert _stored(page) == {}
        assert json.loads(_export(page))["sessions"][0]["note"] == NOTE
    finally:
        page.evaluate("() => { Storage.prototype.setItem = window.__setItem; }")


def test_no_request_and_no_diary_data_in_url_title_or_cookies(opened: tuple[BrowserContext, Page, Traffic], page: Page) -> None:
    context, _, recorder = opened
    title, address = page.title(), page.url
    _record_session(page, note=NOTE, effect="burn")
    _clear_status(page)
    page.click("[data-diary-action=keep]")
    assert recorder.foreign() == []
    assert not [url for url in recorder.requests if "4471" in url or "Private" in url]
    assert page.title() == title and page.url == address and "?" not in address
    assert context.cookies() == []


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_nothing_in_any_state(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    assert axe_violations(page) == [], "empty"
    page.evaluate("() => { document.querySelector('details:has([data-diary-form=plan])').open = true; }")
    for form in ("session", "score", "plan", "import"):
        page.click(f"[data-diary-form={form}] [data-diary-submit]")
        page.locator(f"[data-diary-form={form}] [data-diary-errors]").wait_for(state="visible")
    assert axe_violations(page) == [], "every form showing its errors"
    _open_file(page, "diary.json", json.dumps(SCENARIOS[4]["diary"]))
    _status(page, wording.PAGE["imported"])
    _clear_status(page)
    page.click("[data-diary-action=keep]")
    _status(page, wording.PAGE["kept_now"])
    for details in page.locator("[data-diary-progress] details").all():
        details.locator("summary").click()
    assert axe_violations(page) == [], "full diary kept, plan days shown, tables open"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    page.emulate_media(media="print")
    assert axe_violations(page) == [], "printed summary"


def test_keyboard_reaches_the_error_and_the_field(page: Page) -> None:
    page.focus("#diary-note")
    page.keyboard.press("Enter")  # submits the session form, as a keyboard user would
    # Focus moves to the error summary once the engine has checked the entry. (The
    # summary may still show from an earlier test on this page, so wait for the focus.)
    page.wait_for_function("() => document.activeElement.matches('[data-diary-form=session] [data-diary-errors]')")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first error link
    assert page.evaluate("document.activeElement.id") == "diary-areas"
    page.keyboard.press("Space")
    assert page.is_checked("#diary-areas")


def test_two_years_of_entries_show_before_the_engine_is_ready(opened: tuple[BrowserContext, Page, Traffic], site_url: str) -> None:
    """Entries render from the kept text straight away; Python is needed only for the summary."""
    context = opened[0]
    page = context.new_page()
    text = json.loads(api.open_diary(json.dumps(two_years())))["diary"]
    page.goto(site_url + "diary/")
    page.evaluate("t => localStorage.setItem('iontophoresis-diary', t)", text)
    page.reload()
    page.wait_for_selector("[data-diary-entries] table tbody tr")
    rows = page.locator("[data-diary-entries] table").first.locator("tbody tr").count()
    engine = page.get_attribute("[data-diary]", "data-diary-engine")
    page.evaluate("localStorage.clear()")
    assert rows == 500 and engine is None
    page.close()


# What shows focus on the focused control: the control's own outline, or for the NHS
# radios and checkboxes (native input hidden over a drawn box) the box's. A date box's
# calendar button sits in the browser's own shadow tree, out of reach of computed
# styles: it is "picker", and a screenshot shows whether its focus can be seen.
FOCUS_RING = """() => {
  const el = document.activeElement;
  const choice = el.matches(".sc-choice__input");
  const style = getComputedStyle(choice ? el.nextElementSibling : el, choice ? "::before" : null);
  return {control: el.id || el.dataset.diaryAction || el.dataset.diaryRemove || el.tagName.toLowerCase(),
          inDiary: !!el.closest("[data-diary]"), picker: el.type === "date" && !el.matches(":focus"),
          visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
}"""


def _clip(page: Page) -> dict:
    return page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                         " return {x: r.x - 8, y: r.y - 8, width: r.width + 16, height: r.height + 16}; })()")


def _tab_to(page: Page, selector: str, rings: dict[str, bool], backwards: bool = False) -> None:
    """Tab (or Shift+Tab) until ``selector`` has focus, noting whether each diary
    control passed on the way shows its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(300):
        page.keyboard.press(key)
        ring = page.evaluate(FOCUS_RING)
        if ring["picker"]:
            # The calendar button with focus, then the same box once Tab has moved on.
            clip = _clip(page)
            focused = page.screenshot(clip=clip, animations="disabled")
            page.keyboard.press(key)
            if not backwards:
                rings[ring["control"] + " calendar button"] = page.screenshot(clip=clip, animations="disabled") != focused
            ring = page.evaluate(FOCUS_RING)
        if ring["inDiary"]:
            rings[ring["control"]] = ring["visible"]
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_whole_diary_by_keyboard_in_forced_colours(page: Page) -> None:
    """Record a session and a score, choose a plan, keep, export and delete, by keys only,
    in forced colours; every diary control passed on the way shows an outline there."""
    # Earlier tests on this page leave choices ticked and the plan form open.
    page.evaluate("""() => {
        for (const box of document.querySelectorAll("[data-diary-form] :is([type=checkbox], [type=radio])")) box.checked = false;
        document.querySelector("details:has([data-diary-form=plan])").open = false;
    }""")
    page.emulate_media(forced_colors="active")
    rings: dict[str, bool] = {}
    try:
        page.focus("[data-diary-action=keep]")
        _tab_to(page, "#diary-areas", rings)
        page.keyboard.press("Space")
        _tab_to(page, "#diary-current_ma", rings)
        page.keyboard.type("12.5")
        _tab_to(page, "#diary-minutes", rings)
        page.keyboard.type("20")
        _tab_to(page, "[name=polarity_changed]", rings)
        page.keyboard.press("Space")
        _tab_to(page, "#diary-note", rings)
        page.keyboard.type(NOTE)
        _clear_status(page)
        _tab_to(page, "[data-diary-form=session] [data-diary-submit]", rings)
        page.keyboard.press("Enter")
        _status(page, wording.PAGE["saved_session"])

        _tab_to(page, "[name=score]", rings)
        page.keyboard.press("Space")
        _clear_status(page)
        _tab_to(page, "[data-diary-form=score] [data-diary-submit]", rings)
        page.keyboard.press("Enter")
        _status(page, wording.PAGE["saved_score"])

        _tab_to(page, "details:has([data-diary-form=plan]) > summary", rings)
        page.keyboard.press("Enter")
        _tab_to(page, "[name=kind]", rings)
        for _ in range(10):
            if page.evaluate("document.activeElement.value") == "clinic":
                break
            page.keyboard.press("ArrowDown")
        _tab_to(page, "#diary-plan_dates", rings)
        page.keyboard.type("2026-12-01")
        page.keyboard.press("Enter")
        page.keyboard.type("2026-12-03")
        _clear_status(page)
        _tab_to(page, "[data-diary-form=plan] [data-diary-submit]", rings)
        page.keyboard.press("Enter")
        _status(page, wording.PAGE["saved_plan"])
        _tab_to(page, "[data-diary-action=ics]", rings, backwards=True)
        with page.expect_download() as calendar:
            page.keyboard.press("Enter")
        assert b"BEGIN:VEVENT" in Path(calendar.value.path()).read_bytes()

        _clear_status(page)
        _tab_to(page, "[data-diary-action=keep]", rings, backwards=True)
        page.keyboard.press("Enter")
        _status(page, wording.PAGE["kept_now"])
        assert json.loads(_stored(page)["iontophoresis-diary"])["plan"]["kind"] == "clinic"

        _tab_to(page, "[data-diary-remove=session]", rings)
        _tab_to(page, "[data-diary-action=export-json]", rings)
        with page.expect_download() as exported:
            page.keyboard.press("Enter")
        data = json.loads(Path(exported.value.path()).read_bytes())
        assert [s["note"] for s in data["sessions"]] == [NOTE] and len(data["hdss"]) == 1

        _clear_status(page)
        _tab_to(page, "[data-diary-action=delete]", rings)
        page.keyboard.press("Enter")
        _status(page, wording.PAGE["deleted"])
        assert _stored(page) == {}
    finally:
        page.emulate_media(forced_colors="none")
    for expected in ("diary-areas", "diary-current_ma", "diary-polarity_changed", "diary-note", "diary-score",
                     "diary-kind", "diary-plan_dates", "keep", "ics", "session", "export-json", "export-csv", "delete"):
        assert expected in rings, f"Tab never passed {expected}"
    assert [name for name, shows in rings.items() if not shows] == [], "focus not visible in forced colours"


def test_each_chart_has_its_table_in_forced_colours(page: Page) -> None:
    scenario = SCENARIOS[4]
    _open_file(page, "diary.json", json.dumps(scenario["diary"]))
    _status(page, wording.PAGE["imported"])
    page.emulate_media(forced_colors="active")
    try:
        charts = page.evaluate("""() => [...document.querySelectorAll("[data-diary-progress] svg[role=img]")].map((svg) => {
          const table = svg.nextElementSibling?.matches("details") && svg.nextElementSibling.querySelector("table");
          return {named: svg.getAttribute("aria-labelledby").split(" ").every((id) => document.getElementById(id)?.textContent),
                  rows: table ? table.tBodies[0].rows.length : 0,
                  colour: getComputedStyle(svg).color, canvasText: getComputedStyle(document.body).color};
        })""")
    finally:
        page.emulate_media(forced_colors="none")
    # The page sums up to its own today: the browser's local date, this machine's.
    summary = json.loads(api.summary_json(json.dumps(scenario["diary"]), date.today().isoformat()))
    assert [c["rows"] for c in charts] == [len(summary["hdss"]["scores"]), len(summary["weeks"])]
    assert all(c["named"] for c in charts)
    # The charts draw in currentColor, which forced colours set to the system text colour.
    assert all(c["colour"] == c["canvasText"] for c in charts)
