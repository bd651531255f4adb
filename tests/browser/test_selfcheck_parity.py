"""Every named scenario gives identical JSON through Pyodide in Chromium and through CPython."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser

from selfcheck.api import evaluate_json
from selfcheck_flow import new_page, open_self_check

CASES = Path(__file__).resolve().parents[1] / "scenarios" / "selfcheck_cases.json"


def test_browser_and_cpython_agree_on_every_scenario(browser: Browser, site_url: str) -> None:
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 40
    context, page, recorder = new_page(browser, site_url)
    try:
        open_self_check(page, site_url)
        in_browser = page.evaluate(
            """async (cases) => {
                const out = [];
                for (const c of cases) out.push(await window.selfcheck.evaluate(c.answers));
                return out;
            }""",
            cases,
        )
        for case, got in zip(cases, in_browser, strict=True):
            assert got == json.loads(evaluate_json(json.dumps(case["answers"]))), case["name"]
        assert recorder.foreign() == []
    finally:
        context.close()
