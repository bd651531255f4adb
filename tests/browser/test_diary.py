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
from pathlib import Path
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from selfcheck_flow import AXE, AXE_TAGS
from support.traffic import Traffic

from diary import api, wording

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "diary"))
from diary_helpers import SCENARIOS, two_years

AXE_PATH = "__test-axe.js"
NOTE = "Private words 4471"
ENGINE_LIMIT_MS = 180_000


@pytest.fixture(scope="module")
def opened(browser: Browser, site_url: str) -> Iterator[tuple[BrowserContext, Page, Traffic]]:
    context = browser.new_context(service_workers="block", accept_downloads=True)
    context.route(site_url + AXE_PATH, lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
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


def _axe(page: Page, site_url: str) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=site_url + AXE_PATH)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        AXE_TAGS,
    )


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
        summary = page.locator("[data-diary-form=import] [data-diary-errors]")
        summary.wait_for(state="visible")
        assert message in summary.inner_text()
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
    assert _axe(page, site_url) == [], "empty"
    page.click("[data-diary-form=session] [data-diary-submit]")
    page.locator("[data-diary-form=session] [data-diary-errors]").wait_for(state="visible")
    assert _axe(page, site_url) == [], "session errors"
    _open_file(page, "diary.json", json.dumps(SCENARIOS[4]["diary"]))
    _status(page, wording.PAGE["imported"])
    page.click("text=Choose or change your plan")
    for details in page.locator("[data-diary-progress] details").all():
        details.locator("summary").click()
    assert _axe(page, site_url) == [], "full diary, tables open"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    page.emulate_media(media="print")
    assert _axe(page, site_url) == [], "printed summary"


def test_keyboard_reaches_the_error_and_the_field(page: Page) -> None:
    page.focus("#diary-note")
    page.keyboard.press("Enter")  # submits the session form, as a keyboard user would
    summary = page.locator("[data-diary-form=session] [data-diary-errors]")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.matches('[data-diary-errors]')")
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
