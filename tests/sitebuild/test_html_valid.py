"""Every built page is valid HTML: html-validate (npm, pinned) finds no error of ours.

The rules are html-validate's "standard" and "a11y" presets (tests/sitebuild/
htmlvalidate.json): what the HTML standard and WAI-ARIA require, not style. A few
errors come from Material for MkDocs' own base template, which this site cannot
change without copying it whole; each is listed below with why it is harmless, and
matched by rule and element, so a new error of the same kind in our markup still fails.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("htmlvalidate.json")
VALIDATOR = ROOT / "node_modules" / "html-validate" / "bin" / "html-validate.mjs"

#: (rule, pattern the element's selector matches): Material's markup, not ours.
MATERIAL = {
    # base.html: the drawer and search toggles carry autocomplete="off" so that
    # Firefox does not restore them open after a reload.
    ("valid-autocomplete", r"#__(drawer|search)$"),
    # Search runs as you type; Enter follows the first result (Material's script).
    ("wcag/h32", r"\.md-search__form$|> form$"),
    # The page's table of contents appears twice, in the drawer and in the side
    # column; below 1220 px only one of them is ever shown.
    ("unique-landmark", r"> nav$"),
}


def _ours(message: dict) -> bool:
    selector = message.get("selector") or ""
    if " template " in f" {selector.replace('>', ' ')} ":
        return False  # inside <template>: inert until a script fills it in
    return not any(message["ruleId"] == rule and re.search(pattern, selector) for rule, pattern in MATERIAL)


def _validate(pages: list[str], report: Path) -> list[dict]:
    """html-validate's JSON report. It goes to a file: the validator exits before a
    long report has gone through a pipe."""
    with report.open("w") as out:
        done = subprocess.run(
            ["node", str(VALIDATOR), "--config", str(CONFIG), "--formatter", "json", *pages],
            stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300,
        )
    text = report.read_text()
    assert text.strip(), done.stderr
    return json.loads(text)


def test_every_page_is_valid_html(built_site: Path, tmp_path: Path) -> None:
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(pages) >= 16
    errors = [
        f"{Path(result['filePath']).relative_to(built_site)}:{m['line']}: [{m['ruleId']}] {m['message']} ({m.get('selector')})"
        for result in _validate(pages, tmp_path / "report.json")
        for m in result["messages"]
        if m["severity"] == 2 and _ours(m)
    ]
    assert errors == []


def test_the_validator_finds_an_error_of_ours(tmp_path: Path) -> None:
    """The check can fail: a duplicate id and a broken attribute are reported."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><head><title>x</title></head>'
                    '<body><main><h1 id="a">A</h1><p id="a" class="x"y>B</p></main></body></html>')
    results = _validate([str(page)], tmp_path / "report.json")
    rules = {m["ruleId"] for result in results for m in result["messages"] if _ours(m)}
    assert "no-dup-id" in rules
