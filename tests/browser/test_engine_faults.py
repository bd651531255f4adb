"""Faults on the self-check: each one ends in the safe fallback, never in a result.

Each test breaks one thing on the way to the engine, then checks two layers: the bridge
(`window.selfcheck.ready` or `evaluate` rejects) and what the patient sees after
answering every question (the fallback: "speak to a GP" and the paper checklist, and
nothing of a result). The contexts have no service worker, so the routes see every
request; the offline case has one, because that is the fault.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from selfcheck_flow import (
    answer_all, clear_answers, continue_, current_question, expected, fill, no_result_shown, screen, see_result,
)
from trust_helpers import VALID_ANSWERS

# Short limits so that "never answers" is found out in seconds, not a minute.
SHORT_LIMITS = b'<meta name="selfcheck-start-limit" content="3000"><meta name="selfcheck-call-limit" content="2000">'
# When the bridge itself cannot load (offline, never cached), there is no engine at all.
NO_BRIDGE = "failed: the engine bridge did not load"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


def engine_outcome(page: Page) -> str:
    """'ready' or the reason `window.selfcheck.ready` rejected."""
    return page.evaluate(
        f"""() => window.selfcheck
          ? window.selfcheck.ready.then(() => 'ready', (error) => 'failed: ' + error.message)
          : '{NO_BRIDGE}'"""
    )


def evaluate_outcome(page: Page) -> str:
    return page.evaluate(
        f"""answers => window.selfcheck
          ? window.selfcheck.evaluate(answers).then((r) => 'result: ' + JSON.stringify(r), (e) => 'failed: ' + e.message)
          : '{NO_BRIDGE}'""",
        VALID_ANSWERS,
    )


def assert_fallback_after_answering(page: Page) -> None:
    """A patient who starts the check ends at "speak to a GP" and the paper checklist,
    at whichever step the page learns of the failure, answering as far as it asks."""
    answers = clear_answers()
    page.locator("[data-sc-action=start]").click()
    while screen(page) == "question":
        question = current_question(page)
        fill(page, question, answers[question])
        continue_(page)
    if screen(page) == "check":
        see_result(page)
    assert screen(page) == "fallback"
    fallback = page.locator("[data-sc-screen=fallback]")
    assert fallback.is_visible()
    assert "Speak to a GP" in fallback.inner_text()
    assert page.locator("[data-sc-paper]").is_visible()
    no_result_shown(page)


def rewrite(context: BrowserContext, url: str, change_body: Callable[[bytes], bytes] = lambda body: body,
            change_headers: Callable[[dict[str, str]], dict[str, str]] = lambda headers: headers) -> None:
    """Serve ``url`` with its real response, changed in transit."""
    def handle(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=change_body(response.body()), headers=change_headers(response.headers))

    context.route(url, handle)


def with_short_limits(context: BrowserContext, site_url: str) -> None:
    rewrite(context, site_url + "self-check/", lambda html: html.replace(b"</head>", SHORT_LIMITS + b"</head>", 1))


def test_wasm_blocked(context: BrowserContext, site_url: str) -> None:
    """The engine worker served without 'wasm-unsafe-eval' cannot compile Pyodide, and
    says so at once (Pyodide itself would wait for the start limit, a minute)."""
    def without_wasm(headers: dict[str, str]) -> dict[str, str]:
        policy = headers["content-security-policy"]
        assert "'wasm-unsafe-eval'" in policy
        return {**headers, "content-security-policy": policy.replace(" 'wasm-unsafe-eval'", "")}

    rewrite(context, site_url + "assets/selfcheck/worker.js", change_headers=without_wasm)
    page = context.new_page()
    page.goto(site_url + "self-check/")
    assert "This browser does not allow WebAssembly" in engine_outcome(page)
    assert evaluate_outcome(page).startswith("failed")
    assert_fallback_after_answering(page)


def test_changed_wheel_fails_its_integrity_check(context: BrowserContext, site_url: str) -> None:
    """A wheel whose bytes differ from the lock file's sha256 is refused."""
    rewrite(context, "**/*.whl", lambda body: body + b"\0")
    page = context.new_page()
    page.goto(site_url + "self-check/")
    assert engine_outcome(page).startswith("failed")
    assert evaluate_outcome(page).startswith("failed")
    assert_fallback_after_answering(page)


def test_worker_that_never_starts(context: BrowserContext, site_url: str) -> None:
    """A worker that never answers "start" runs into the start limit."""
    with_short_limits(context, site_url)
    context.route(site_url + "assets/selfcheck/worker.js", lambda route: route.fulfill(
        body="self.onmessage = () => {};", content_type="text/javascript"))
    page = context.new_page()
    page.goto(site_url + "self-check/")
    assert "took longer than 3000 ms" in engine_outcome(page)
    assert evaluate_outcome(page).startswith("failed")
    assert_fallback_after_answering(page)


def test_worker_that_never_answers_a_question(context: BrowserContext, site_url: str) -> None:
    """A worker that says it is ready, then stays silent, runs into the call limit."""
    with_short_limits(context, site_url)
    silent = 'self.onmessage = ({data}) => { if (data.type === "start") self.postMessage({type: "ready", python: "3.14.2"}); };'
    context.route(site_url + "assets/selfcheck/worker.js", lambda route: route.fulfill(body=silent, content_type="text/javascript"))
    page = context.new_page()
    page.goto(site_url + "self-check/")
    assert engine_outcome(page) == "ready"
    assert "took longer than 2000 ms" in evaluate_outcome(page)
    assert_fallback_after_answering(page)


def test_offline_before_the_engine_was_cached(browser: Browser, site_url: str) -> None:
    """Pages (and the journey's own scripts) were saved on a first visit, the engine
    never was: offline, Start leads at once to "speak to a GP" and the paper checklist,
    never to a result, and never to the claim that JavaScript is off."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        context.set_offline(True)
        page.goto(site_url + "self-check/")
        assert screen(page) == "start"
        assert page.locator("[data-sc-when=no-js]").is_hidden()
        page.locator("[data-sc-action=start]").click()
        assert engine_outcome(page).startswith("failed")
        page.wait_for_selector("[data-sc-screen=fallback]:not([hidden])", timeout=10_000)
        assert page.locator("[data-sc-paper]").is_visible()
        assert "speak to a GP" in page.locator("[data-sc-paper]").inner_text()
        no_result_shown(page)
    finally:
        context.close()


def test_session_storage_unavailable_loses_no_answer(context: BrowserContext, site_url: str) -> None:
    """With storage refused, answers live in the page: a "not sure" still counts like
    "yes", and the result is exactly the engine's (never a reassuring default)."""
    context.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "self-check/")
    assert engine_outcome(page) == "ready"
    answers = clear_answers(pacemaker="not_sure")
    answer_all(page, answers)
    assert see_result(page) == "result"
    assert expected(answers)["outcome"] == "stop"
    assert page.locator("[data-sc-outcome=stop][data-sc-red-flags=false]").is_visible()
    assert errors == []
