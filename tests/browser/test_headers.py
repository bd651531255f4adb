"""The production headers, served by the preview server from `_headers`, hold on every
page: no CSP violation anywhere, the self-check still runs, injected script is blocked."""

from __future__ import annotations

import json

from playwright.sync_api import Browser, Route

from selfcheck.api import evaluate_json
from trust_helpers import VALID_ANSWERS, WATCH_CSP, watch_csp_console


def test_no_page_breaks_the_policy(browser: Browser, page_facts: dict[str, dict], site_url: str) -> None:
    """Every page, the search and the self-check run under the CSP without one violation."""
    # Every page, loaded and used by keyboard (page_audit.py visits them under the CSP).
    assert [path or "/" for path, facts in page_facts.items() if "default-src 'self'" not in facts["csp_header"]] == []
    assert {path or "/": facts["csp"] for path, facts in page_facts.items() if facts["csp"]} == {}
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    reports = watch_csp_console(page)
    try:
        response = page.goto(site_url, wait_until="networkidle")
        assert response is not None
        assert "default-src 'self'" in response.headers["content-security-policy"]
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("sweat", delay=20)
        page.locator(".md-search-result__item").first.wait_for()
        found = page.evaluate("window.__cspViolations")
        page.goto(site_url + "self-check/", wait_until="networkidle")
        page.evaluate("window.selfcheck.ready")
        in_browser = page.evaluate("answers => window.selfcheck.evaluate(answers)", VALID_ANSWERS)
        assert in_browser == json.loads(evaluate_json(json.dumps(VALID_ANSWERS)))
        assert found + page.evaluate("window.__cspViolations") == []
        assert reports == []
    finally:
        context.close()


def test_injected_inline_script_is_blocked(browser: Browser, site_url: str) -> None:
    """A script slipped into a page (here by the test, in transit) does not run."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(WATCH_CSP)

    def inject(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace("</body>", "<script>window.injected = true;</script></body>")
        route.fulfill(response=response, body=body)

    context.route(site_url + "about/", inject)
    page = context.new_page()
    try:
        page.goto(site_url + "about/", wait_until="networkidle")
        assert "window.injected" in page.content()
        assert page.evaluate("window.injected") is None
        assert any(v.startswith("script-src-elem blocked inline") for v in page.evaluate("window.__cspViolations"))
    finally:
        context.close()
