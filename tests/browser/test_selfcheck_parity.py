"""Every named scenario gives identical JSON through Pyodide in Chromium and through CPython."""

from __future__ import annotations

import json

from playwright.sync_api import Browser
from scenarios.cases import load_cases
from selfcheck_flow import new_page, open_self_check

from selfcheck.api import evaluate_json


def test_browser_and_cpython_agree_on_every_scenario(browser: Browser, site_url: str) -> None:
    cases = load_cases()
    assert len(cases) >= 40
    context, page, traffic = new_page(browser, site_url)
    try:
        open_self_check(page, site_url)
        in_browser = page.evaluate(
            """async (answers) => {
                const out = [];
                for (const a of answers) out.push(await window.selfcheck.evaluate(a));
                return out;
            }""",
            [case.answers for case in cases],
        )
        for case, got in zip(cases, in_browser, strict=True):
            assert got == json.loads(evaluate_json(json.dumps(case.answers))), case.name
        assert traffic.foreign() == []
    finally:
        context.close()
