"""The whole self-check with the keyboard only: Tab, Space, arrow keys and Enter."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from selfcheck import QUESTIONS, Kind
from selfcheck_flow import current_question, expected, new_page, open_self_check, screen, clear_answers

MAX_TABS = 120


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(MAX_TABS):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def answer_with_keys(page: Page, question_id: str, kind: Kind, value: object) -> None:
    section = f"[data-sc-question={question_id}]"
    if kind is Kind.AGE:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "sc-age", focused(page)
        page.keyboard.type(str(value))
        page.keyboard.press("Enter")
        return
    if kind is Kind.AREAS:
        for _ in range(4):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.value") in value:
                page.keyboard.press("Space")
        page.keyboard.press("Tab")
    else:
        # Tab reaches the first radio of an unanswered group; arrows move and select.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio", focused(page)
        values = page.eval_on_selector_all(f"{section} input", "els => els.map(e => e.value)")
        page.keyboard.press("Space")
        for _ in range(values.index(str(value))):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit", focused(page)
    page.keyboard.press("Enter")


def test_the_whole_journey_by_keyboard(browser: Browser, site_url: str) -> None:
    context, page, recorder = new_page(browser, site_url)
    try:
        open_self_check(page, site_url)
        answers = clear_answers(pacemaker="not_sure", night_sweats="yes", areas=["hands", "underarms"], hdss=4)
        tab_to(page, "[data-sc-action=start]")
        page.keyboard.press("Enter")
        for q in QUESTIONS:
            assert current_question(page) == q.id
            # Focus is on the question's heading, so the next Tab enters the question.
            assert page.evaluate("document.activeElement.hasAttribute('data-sc-heading')"), focused(page)
            answer_with_keys(page, q.id, q.kind, answers[q.id])
        assert screen(page) == "check"
        # Change one answer with the keyboard, then see the result.
        tab_to(page, "[data-sc-change=hdss]")
        page.keyboard.press("Enter")
        assert current_question(page) == "hdss"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.checked && document.activeElement.value") == "4"
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert screen(page) == "check"
        answers["hdss"] = 3
        tab_to(page, "[data-sc-action=result]")
        page.keyboard.press("Enter")
        page.wait_for_selector("[data-sc-screen=result]:not([hidden])")
        assert page.evaluate("document.activeElement.hasAttribute('data-sc-heading')")
        outcome = expected(answers)["outcome"]
        assert page.locator(f"[data-sc-outcome={outcome}][data-sc-red-flags=true]").is_visible()
        assert page.locator("[data-sc-tier=red_flag]").is_visible()
        # Clear my answers, by keyboard too.
        tab_to(page, "[data-sc-screen=result] [data-sc-action=clear]")
        page.keyboard.press("Space")
        assert screen(page) == "start"
        assert recorder.foreign() == [] and recorder.errors == []
    finally:
        context.close()


def test_error_summary_link_moves_focus_to_the_field(browser: Browser, site_url: str) -> None:
    context, page, _ = new_page(browser, site_url)
    try:
        open_self_check(page, site_url, wait_for_engine=False)
        tab_to(page, "[data-sc-action=start]")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # Continue with no age
        assert page.evaluate("document.activeElement.matches('[data-sc-error-summary]')")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "sc-age"
    finally:
        context.close()
