"""Faults in the engine end in the safe fallback: "speak to a GP" and the paper checklist,
never a result, never a partial one."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from selfcheck import QUESTION_SET_VERSION, wording

from selfcheck_flow import answer_all, clear_answers, new_page, no_result_shown, open_self_check, screen, see_result

# Lines of worker.js the faults below rewrite; if worker.js changes, these tests say so.
CHECK_CALL = "engine.result_and_summary_json(request.answers, request.checkedOn)"


# A wasm that never comes leaves the engine without progress; the bridge's start limit
# (engine.js) turns that into a failure. A short limit keeps these tests quick.
SHORT_START_LIMIT = '<meta name="selfcheck-start-limit" content="8000">'


def short_start_limit(context: BrowserContext, site_url: str) -> None:
    def handle(route: Route) -> None:
        body = route.fetch().text()
        route.fulfill(body=body.replace("</head>", SHORT_START_LIMIT + "</head>", 1), content_type="text/html")

    context.route(site_url + "self-check/", handle)


def rewrite_worker(context: BrowserContext, site_url: str, change: Callable[[str], str]) -> None:
    def handle(route: Route) -> None:
        body = route.fetch().text()
        changed = change(body)
        assert changed != body, "worker.js no longer has the call this test rewrites"
        route.fulfill(body=changed, content_type="text/javascript")

    context.route(site_url + "assets/selfcheck/worker.js", handle)


def assert_fallback(page: Page) -> None:
    assert screen(page) == "fallback"
    no_result_shown(page)
    fallback = page.locator("[data-sc-screen=fallback]")
    assert "Speak to a GP" in fallback.inner_text()
    assert page.evaluate("document.activeElement.closest('[data-sc-screen=fallback]') !== null")
    assert page.title().startswith(wording.FALLBACK_HEADING)
    paper = page.locator("[data-sc-paper]")
    assert paper.is_visible()
    assert paper.locator("[data-sc-paper-question]").count() == len(clear_answers())


@pytest.fixture
def fresh(browser: Browser, site_url: str):
    context, page, recorder = new_page(browser, site_url)
    yield context, page
    assert recorder.foreign() == []
    context.close()


def test_blocked_wasm_shows_the_fallback(fresh, site_url: str) -> None:
    context, page = fresh
    short_start_limit(context, site_url)
    context.route("**/*.wasm", lambda route: route.abort())
    open_self_check(page, site_url, wait_for_engine=False)
    assert page.evaluate("window.selfcheck.ready.then(() => 'ready', () => 'failed')") == "failed"
    # The patient is told at once, before answering 28 questions for nothing.
    page.locator("[data-sc-action=start]").click()
    assert_fallback(page)


def test_wasm_that_fails_while_the_patient_waits(fresh, site_url: str) -> None:
    context, page = fresh
    short_start_limit(context, site_url)
    context.route("**/*.wasm", lambda route: None)  # never answered: the engine hangs
    # Answers given earlier in this tab, so the result is asked for before the limit.
    saved = json.dumps({"version": QUESTION_SET_VERSION, "answers": clear_answers()})
    context.add_init_script(f"sessionStorage.setItem('selfcheck-answers', {json.dumps(saved)})")
    open_self_check(page, site_url, wait_for_engine=False)
    page.locator("[data-sc-action=start]").click()
    assert screen(page) == "check"
    page.locator("[data-sc-action=result]").click()
    assert screen(page) == "waiting"
    assert page.locator("[data-sc-screen=waiting] [role=status]").is_visible()
    no_result_shown(page)
    page.wait_for_selector("[data-sc-screen=fallback]:not([hidden])", timeout=15_000)
    assert_fallback(page)


@pytest.mark.parametrize(
    "fault",
    [
        # Python raises inside the engine (an unexpected keyword argument: a real TypeError).
        lambda body: body.replace(CHECK_CALL, "engine.result_and_summary_json.callKwargs("
                                  "{text: request.answers, checked_on: request.checkedOn, surprise: 1})"),
        # The engine answers, but with errors instead of a result.
        lambda body: body.replace(CHECK_CALL, 'engine.result_and_summary_json("{}", request.checkedOn)'),
        # The GP summary's date is refused in Python: still no result at all.
        lambda body: body.replace(CHECK_CALL, 'engine.result_and_summary_json(request.answers, "not a date")'),
    ],
    ids=["check raises", "check returns errors", "summary raises"],
)
def test_python_failures_show_the_fallback(fresh, site_url: str, fault) -> None:
    context, page = fresh
    rewrite_worker(context, site_url, fault)
    open_self_check(page, site_url)
    answer_all(page, clear_answers())
    assert see_result(page) == "fallback"
    assert_fallback(page)
    # Printing now gives the paper checklist, not a summary.
    page.emulate_media(media="print")
    assert page.locator("[data-sc-paper]").is_visible()
    assert page.locator("[data-sc-print-sheet]").is_hidden()


def test_a_missing_bridge_shows_the_fallback(fresh, site_url: str) -> None:
    context, page = fresh
    context.route(site_url + "assets/selfcheck/engine.js", lambda route: route.fulfill(status=404, body=""))
    open_self_check(page, site_url, wait_for_engine=False)
    page.locator("[data-sc-action=start]").click()
    assert_fallback(page)
