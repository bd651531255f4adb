"""Driving the self-check page the way a patient does, for tests/browser/test_selfcheck_*.py.

Answers are given through the page's own inputs and buttons, never injected: what the
tests see is what a patient sees. The expected results come from CPython
(``selfcheck.api``), so the browser is always compared with the engine itself.
"""

from __future__ import annotations

import json

from playwright.sync_api import Browser, BrowserContext, Page
from support.answers import clear_answers  # noqa: F401 -- re-exported: the one answer-set generator
from support.traffic import Traffic

from selfcheck import QUESTIONS
from selfcheck.model import Kind
from selfcheck.api import evaluate_json
from sitebuild.paths import NODE_MODULES

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TOTAL = len(QUESTIONS)
KINDS = {q.id: q.kind for q in QUESTIONS}


def expected(answers: dict[str, object]) -> dict:
    """What CPython's engine says about these answers."""
    return json.loads(evaluate_json(json.dumps(answers)))


def new_page(browser: Browser, site_url: str, **options: object) -> tuple[BrowserContext, Page, Traffic]:
    """A fresh context (no service worker, so routes see every request), its page and its traffic."""
    context = browser.new_context(service_workers="block", **options)
    page = context.new_page()
    traffic = Traffic(site_url)
    traffic.attach(context, page)
    return context, page, traffic


def open_self_check(page: Page, site_url: str, *, wait_for_engine: bool = True) -> None:
    page.goto(site_url + "self-check/")
    if wait_for_engine:
        page.evaluate("window.selfcheck.ready")


def screen(page: Page) -> str:
    """The visible screen: start, question, check, waiting, result or fallback."""
    names = page.eval_on_selector_all(
        "[data-sc-screen]", "els => els.filter(e => !e.hidden).map(e => e.dataset.scScreen)"
    )
    assert len(names) == 1, f"exactly one screen is visible, not {names}"
    return names[0]


def current_question(page: Page) -> str:
    return page.locator("[data-sc-screen=question]:not([hidden])").get_attribute("data-sc-question")


def fill(page: Page, question_id: str, value: object) -> None:
    """Answer the visible question with the page's inputs (no submit)."""
    section = page.locator(f"[data-sc-question={question_id}]")
    kind = KINDS[question_id]  # the page's data-sc-kind comes from the same bank
    if kind is Kind.AGE:
        section.locator("input").fill(str(value))
    elif kind is Kind.AREAS:
        # Read every box's state in one round trip; click only the ones that must change.
        boxes = section.locator("input[type=checkbox]")
        for index, (box_value, checked) in enumerate(boxes.evaluate_all("els => els.map((e) => [e.value, e.checked])")):
            if (box_value in value) != checked:
                boxes.nth(index).set_checked(not checked)
    else:
        section.locator(f"input[value='{value}']").check()


def continue_(page: Page) -> None:
    page.locator("[data-sc-screen=question]:not([hidden]) button[type=submit]").click()


# The visible screens, the visible question and its caption, read in one round trip.
SHOWN = """() => {
  const shown = [...document.querySelectorAll('[data-sc-screen]')].filter((e) => !e.hidden);
  const question = shown.length === 1 && shown[0].dataset.scScreen === 'question' ? shown[0] : null;
  return {
    screens: shown.map((e) => e.dataset.scScreen),
    question: question && question.dataset.scQuestion,
    caption: question && question.querySelector('.sc-caption').innerText,
  };
}"""


def answer_all(page: Page, answers: dict[str, object]) -> None:
    """From the start screen, answer every question in turn, to "Check your answers"."""
    page.locator("[data-sc-action=start]").click()
    for number, q in enumerate(QUESTIONS, start=1):
        shown = page.evaluate(SHOWN)
        assert shown["screens"] == ["question"], shown
        assert shown["question"] == q.id
        assert shown["caption"].startswith(f"Question {number} of {TOTAL}")
        fill(page, q.id, answers[q.id])
        continue_(page)
    assert screen(page) == "check"


def see_result(page: Page) -> str:
    """Press "See my result" and wait for the result or the fallback."""
    page.locator("[data-sc-action=result]").click()
    page.wait_for_function(
        "() => ['result', 'fallback'].includes(document.querySelector('[data-module=sc-selfcheck]').dataset.scState)"
    )
    return screen(page)


def restart(page: Page, site_url: str) -> None:
    """Back to a fresh start screen: "Clear my answers" when it is there, else a new load."""
    clear = page.locator("[data-sc-screen=result]:not([hidden]) [data-sc-action=clear]")
    if page.url.startswith(site_url + "self-check/") and clear.count():
        clear.click()
    else:
        if page.url.startswith(site_url):
            page.evaluate("() => { try { sessionStorage.clear(); } catch {} }")
        open_self_check(page, site_url)
    assert screen(page) == "start"


def shown_findings(page: Page) -> list[tuple[str, str, str]]:
    """(tier, label, reason) of every finding on the result screen, in page order."""
    return page.eval_on_selector_all(
        "[data-sc-screen=result] [data-sc-tier]:not([hidden]) .sc-result-finding",
        """items => items.map(li => [
            li.closest('[data-sc-tier]').dataset.scTier,
            li.querySelector('[data-sc-slot=label]').textContent,
            li.querySelector('[data-sc-slot=reason]').textContent,
        ])""",
    )


def no_result_shown(page: Page) -> None:
    """Nothing of a result is on the page: no outcome, no finding, no summary sheet."""
    assert page.locator("[data-sc-outcome]:not([hidden])").count() == 0
    assert page.locator(".sc-result-finding").count() == 0
    assert page.locator("[data-sc-summary] *").count() == 0
    assert page.locator("[data-sc-screen=result]").is_hidden()
    assert page.get_attribute("[data-module=sc-selfcheck]", "data-sc-state") != "result"


# The page at rest: two frames for what a resize or a change of media sets going, then
# every finite animation and transition run to its end. Material's header fades its
# titles in and out as the page scrolls; axe measuring the contrast of text half-way
# through a fade reports a colour the page never rests at.
AT_REST = """async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.all(document.getAnimations()
    .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
    .map((animation) => animation.finished.catch(() => {})));
}"""


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG A and AA violations on the page as it is now, once at rest.

    axe is evaluated through the DevTools protocol, which the page's CSP does not
    govern: the page keeps its real policy while axe runs."""
    page.evaluate(AT_REST)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        # Only violations are read, so axe need not gather the details of what passed.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        AXE_TAGS,
    )
