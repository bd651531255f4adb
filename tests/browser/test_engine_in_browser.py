"""The Python engine runs in the browser, through Pyodide in a worker, and agrees with CPython."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from selfcheck.api import evaluate_json
from selfcheck_flow import clear_answers

ANSWER_SETS = {"an adult with no reasons for caution": clear_answers()}
ANSWER_SETS["someone not sure about a pacemaker, with night sweats"] = {
    **ANSWER_SETS["an adult with no reasons for caution"], "pacemaker": "not_sure", "night_sweats": "yes",
}
ANSWER_SETS["a child of 12 treating underarms"] = {
    **ANSWER_SETS["an adult with no reasons for caution"], "age": 12, "areas": ["underarms"], "hdss": 1,
}
ANSWER_SETS["invalid answers"] = {"age": "forty", "pacemaker": True, "unknown": "yes"}


def open_self_check(page: Page, site_url: str) -> str:
    page.goto(site_url + "self-check/")
    return page.evaluate("window.selfcheck.ready")


def test_engine_starts_and_matches_cpython(page: Page, site_url: str, traffic) -> None:
    """Every answer set gives, in Chromium, exactly the JSON that CPython gives."""
    python_version = open_self_check(page, site_url)
    assert python_version.startswith("3.14")
    for name, answers in ANSWER_SETS.items():
        in_browser = page.evaluate("answers => window.selfcheck.evaluate(answers)", answers)
        assert in_browser == json.loads(evaluate_json(json.dumps(answers))), name
    assert any(url.endswith("pyodide.asm.wasm") for url in traffic.requests)
    assert any(url.endswith(".whl") for url in traffic.requests)
    assert traffic.foreign() == []
    assert traffic.console_errors == [] and traffic.page_errors == []


def test_page_shows_no_engine_jargon(page: Page, site_url: str) -> None:
    """Once the engine is ready, the page neither shows nor announces how it runs."""
    open_self_check(page, site_url)
    status = page.locator("[data-selfcheck-status]")
    assert status.inner_text().strip() == ""
    assert "Python" not in page.locator("body").inner_text()


@pytest.mark.parametrize("path", ["", "side-effects/"])
def test_content_pages_load_no_pyodide(page: Page, site_url: str, traffic, path: str) -> None:
    """Information pages never download any part of the Python runtime."""
    page.goto(site_url + path, wait_until="networkidle")
    assert traffic.requests, "the page made no request at all"
    # The journey's own small scripts may be saved for offline use; the engine never is.
    heavy = [url for url in traffic.requests if "pyodide" in url or "/selfcheck/engine/" in url
             or url.endswith(("/selfcheck/worker.js", ".whl"))]
    assert heavy == []
    assert traffic.foreign() == []
    assert traffic.console_errors == []


def test_deeply_nested_input_is_an_error_not_a_crash(page: Page, site_url: str) -> None:
    """Input nested thousands deep gives the errors JSON; Python in the worker survives it."""
    open_self_check(page, site_url)
    reply = page.evaluate(
        "() => { let value = []; for (let i = 0; i < 5000; i++) value = [value];"
        " return window.selfcheck.evaluate(value); }"
    )
    assert reply == json.loads(evaluate_json("[" * 5001 + "]" * 5001))
    again = page.evaluate("answers => window.selfcheck.evaluate(answers)", ANSWER_SETS["invalid answers"])
    assert "errors" in again
