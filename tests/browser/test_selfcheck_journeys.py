"""Patient journeys through the self-check, in Chromium, compared with CPython's engine.

One page is shared by the module: each journey ends with "Clear my answers", which
is what the next patient on the same tab would see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from selfcheck import QUESTION_SET_VERSION, Tier, question, wording
from selfcheck.headline import headline_for
from selfcheck.model import Outcome

from selfcheck_flow import (
    TOTAL,
    answer_all,
    clear_answers,
    continue_,
    current_question,
    expected,
    fill,
    new_page,
    open_self_check,
    restart,
    screen,
    see_result,
    shown_findings,
)

TITLE = "Check before using iontophoresis – Iontophoresis for excessive sweating"
NEVER_SAID = re.compile(r"\b(safe|suitable)\b", re.I)


@pytest.fixture(scope="module")
def session(browser: Browser, site_url: str) -> Iterator[tuple[Page, object]]:
    context, page, recorder = new_page(browser, site_url)
    open_self_check(page, site_url)
    yield page, recorder
    assert recorder.foreign() == [], "a request left the origin"
    context.close()


@pytest.fixture
def sc(session, site_url: str) -> Iterator[Page]:
    page, recorder = session
    restart(page, site_url)
    start = page.url
    yield page
    assert page.url == start, "the address changed"
    assert page.context.cookies() == []
    assert recorder.foreign() == []
    assert recorder.errors == []


def check_result_matches_engine(page: Page, answers: dict) -> dict:
    """The result screen shows exactly the engine's outcome and findings, in its words."""
    result = expected(answers)
    outcome = Outcome(result["outcome"])
    red_flags = result["see_gp_about_sweating"]
    card = page.locator(f"[data-sc-outcome={outcome.value}][data-sc-red-flags={str(red_flags).lower()}]")
    assert card.is_visible()
    assert page.locator("[data-sc-outcome]:visible").count() == 1
    heading = headline_for(outcome, red_flags).heading
    assert card.locator("h1").inner_text() == heading
    assert page.evaluate("document.activeElement.dataset.scHeading !== undefined")
    # F4: the outcome never becomes the title, which the browser keeps in its history.
    assert page.title() == f"Your result – {TITLE}"
    order = ["red_flag", "stop", "discuss", "advice"]
    want = sorted(
        ([f["tier"], question(f["question"]).label, f["reason"]] for f in result["findings"]),
        key=lambda item: order.index(item[0]),
    )
    assert shown_findings(page) == want
    red_flags = page.locator("[data-sc-tier=red_flag]")
    assert red_flags.is_visible() == result["see_gp_about_sweating"]
    text = page.locator("[data-sc-screen=result]").inner_text()
    assert not NEVER_SAID.search(text)
    # The printable summary is Python's, dated today, with this question set.
    summary = page.locator("[data-sc-summary]")
    assert QUESTION_SET_VERSION in summary.inner_text()
    assert summary.locator(".sc-summary__title").inner_text() == wording.SUMMARY_TITLE
    return result


def test_all_no_finds_nothing_and_never_reassures(sc: Page) -> None:
    answers = clear_answers()
    answer_all(sc, answers)
    assert see_result(sc) == "result"
    result = check_result_matches_engine(sc, answers)
    assert result["outcome"] == "none_found" and result["findings"] == []
    card = sc.locator("[data-sc-outcome=none_found][data-sc-red-flags=false]")
    assert "cannot tell you" in card.inner_text()
    assert "sc-care-card--none-found" in card.get_attribute("class")


def test_one_stop_item(sc: Page) -> None:
    answers = clear_answers(pacemaker="yes")
    answer_all(sc, answers)
    assert see_result(sc) == "result"
    result = check_result_matches_engine(sc, answers)
    assert result["outcome"] == "stop"
    finding = sc.locator("[data-sc-tier=stop] .sc-result-finding")
    assert finding.locator("[data-sc-slot=answer]").inner_text() == "Yes"
    assert wording.NOT_SURE_NOTE not in finding.inner_text()


def test_not_sure_on_a_safety_item_counts_like_yes(sc: Page) -> None:
    answers = clear_answers(epilepsy="not_sure")
    answer_all(sc, answers)
    assert see_result(sc) == "result"
    assert check_result_matches_engine(sc, answers)["outcome"] == "stop"
    finding = sc.locator("[data-sc-tier=stop] .sc-result-finding")
    assert finding.locator("[data-sc-slot=answer]").inner_text() == f"Not sure ({wording.NOT_SURE_NOTE})"


def test_a_red_flag_only_gets_its_own_card(sc: Page) -> None:
    answers = clear_answers(night_sweats="yes")
    answer_all(sc, answers)
    assert see_result(sc) == "result"
    result = check_result_matches_engine(sc, answers)
    assert result["outcome"] == "none_found" and result["see_gp_about_sweating"]
    card = sc.locator("[data-sc-tier=red_flag]")
    assert card.locator("h2").inner_text() == wording.TIERS[Tier.RED_FLAG].heading
    for tier in ("stop", "discuss", "advice"):
        assert sc.locator(f"[data-sc-tier={tier}]").is_hidden()


def test_age_under_5_is_a_stop(sc: Page) -> None:
    answers = clear_answers(age=3)
    answer_all(sc, answers)
    assert sc.locator("[data-sc-answer-for=age]").inner_text() == "3"
    assert see_result(sc) == "result"
    assert check_result_matches_engine(sc, answers)["outcome"] == "stop"


def test_other_areas_are_a_discussion(sc: Page) -> None:
    answers = clear_answers(areas=["feet", "other"])
    answer_all(sc, answers)
    assert sc.locator("[data-sc-answer-for=areas]").inner_text() == "Feet, other areas"
    assert see_result(sc) == "result"
    assert check_result_matches_engine(sc, answers)["outcome"] == "discuss"
    label = question("areas").label
    assert sc.locator("[data-sc-tier=discuss] [data-sc-slot=label]").inner_text() == label


def test_changing_an_answer_returns_to_check_answers(sc: Page) -> None:
    answer_all(sc, clear_answers())
    row = sc.locator("[data-sc-answer-for=pregnant]")
    assert row.inner_text() == "No"
    change = sc.locator("[data-sc-change=pregnant]")
    assert " ".join(change.text_content().split()) == "Change " + question("pregnant").label
    change.click()
    assert current_question(sc) == "pregnant"
    assert sc.locator("#sc-pregnant-no").is_checked(), "the earlier answer is kept"
    fill(sc, "pregnant", "yes")
    continue_(sc)
    assert screen(sc) == "check", "back to check answers, not on to the next question"
    assert row.inner_text() == "Yes"
    assert see_result(sc) == "result"
    check_result_matches_engine(sc, clear_answers(pregnant="yes"))
    # "Change your answers" on the result goes back to the list.
    sc.locator("[data-sc-screen=result] [data-sc-action=change]").click()
    assert screen(sc) == "check"
    assert see_result(sc) == "result"


def test_questions_errors_focus_and_titles(sc: Page) -> None:
    sc.locator("[data-sc-action=start]").click()
    assert sc.title() == f"{question('age').text} – {TITLE}"
    assert sc.evaluate("document.activeElement.dataset.scHeading !== undefined")
    # Continue with no answer: error summary, inline error, title, describedby.
    continue_(sc)
    summary = sc.locator("[data-sc-question=age] [data-sc-error-summary]")
    assert summary.is_visible()
    assert sc.evaluate("document.activeElement.matches('[data-sc-error-summary]')")
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    assert summary.locator("[role=alert]").count() == 1
    link = summary.locator("a")
    assert link.get_attribute("href") == "#sc-age"
    assert link.inner_text() == question("age").error
    assert " ".join(sc.locator("#sc-age-error").text_content().split()) == "Error: " + question("age").error
    assert sc.title() == f"Error: {question('age').text} – {TITLE}"
    assert sc.get_attribute("#sc-age", "aria-describedby").split() == ["sc-age-hint", "sc-age-error"]
    link.click()
    assert sc.evaluate("document.activeElement.id") == "sc-age"
    # A wrong number has its own message; the answer typed is kept.
    fill(sc, "age", "forty")
    continue_(sc)
    assert "whole number" in sc.locator("#sc-age-error").inner_text()
    assert sc.input_value("#sc-age") == "forty"
    fill(sc, "age", "130")
    continue_(sc)
    assert "120 or less" in sc.locator("#sc-age-error").inner_text()
    fill(sc, "age", "34")
    continue_(sc)
    assert current_question(sc) == "areas"
    assert sc.locator("[data-sc-question=age] [data-sc-error-summary]").is_hidden()
    # Radios: nothing pre-selected, "or" before "I'm not sure", error names the field.
    continue_(sc)
    fill(sc, "areas", ["hands"])
    continue_(sc)
    section = sc.locator("[data-sc-question=pregnant]")
    assert section.locator("input:checked").count() == 0
    labels = section.locator(".sc-radios").inner_text().split("\n")
    assert [line.strip() for line in labels if line.strip()] == ["Yes", "No", "or", "I'm not sure"]
    continue_(sc)
    fieldset = section.locator("fieldset")
    assert fieldset.get_attribute("aria-describedby").split() == ["sc-pregnant-hint", "sc-pregnant-error"]
    assert section.locator("legend h1").inner_text().endswith(question("pregnant").text)
    assert section.locator("[data-sc-error-summary] a").get_attribute("href") == "#sc-pregnant"
    # Back goes to the previous question, keeping its answer; so does the browser's Back.
    section.locator("[data-sc-action=back]").click()
    assert current_question(sc) == "areas"
    assert sc.locator("#sc-areas").is_checked()
    sc.go_back()
    assert current_question(sc) == "pregnant"
    sc.go_back()
    assert current_question(sc) == "areas"
    sc.go_forward()
    assert current_question(sc) == "pregnant"
    assert f"of {TOTAL}" in section.locator(".sc-caption").inner_text()


def test_answers_stay_in_this_tab_only_and_clear(sc: Page, site_url: str) -> None:
    answers = clear_answers(coil="not_sure")
    answer_all(sc, answers)
    stored = sc.evaluate("Object.keys(sessionStorage)")
    assert stored == ["selfcheck-answers"]
    assert sc.evaluate("localStorage.length") == 0
    # A reload in the same tab keeps the answers (no need to type them again).
    open_self_check(sc, site_url)
    assert screen(sc) == "start"
    sc.locator("[data-sc-action=start]").click()
    assert screen(sc) == "check"
    assert sc.locator("[data-sc-answer-for=coil]").inner_text() == "Not sure"
    assert see_result(sc) == "result"
    sc.fill("[data-sc-name]", "Alex Example")
    assert "Alex Example" not in sc.evaluate("JSON.stringify(sessionStorage)")
    sc.locator("[data-sc-screen=result] [data-sc-action=clear]").click()
    assert screen(sc) == "start"
    assert sc.evaluate("sessionStorage.length") == 0
    sc.wait_for_function("() => document.querySelector('[data-sc-announce]').textContent.length > 0")
    assert sc.locator("[data-sc-announce]").inner_text() == "Your answers have been cleared."
    assert sc.input_value("[data-sc-name]") == ""
    sc.locator("[data-sc-action=start]").click()
    assert current_question(sc) == "age"
    assert sc.input_value("#sc-age") == ""


def test_the_check_works_without_session_storage(browser: Browser, site_url: str) -> None:
    context, page, recorder = new_page(browser, site_url)
    context.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    try:
        open_self_check(page, site_url)
        answer_all(page, clear_answers(braces="yes"))
        assert see_result(page) == "result"
        check_result_matches_engine(page, clear_answers(braces="yes"))
        assert recorder.errors == []
    finally:
        context.close()


def test_a_slow_engine_shows_a_quiet_wait_then_the_result(browser: Browser, site_url: str) -> None:
    """Reaching the result before Python is ready shows "Getting your result", then the result."""
    context, page, _ = new_page(browser, site_url)
    held = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # noqa: PLW0108 -- Playwright tags the handler; a bound builtin cannot be tagged
    try:
        open_self_check(page, site_url, wait_for_engine=False)
        answer_all(page, clear_answers())
        page.locator("[data-sc-action=result]").click()
        assert screen(page) == "waiting"
        assert page.locator("[data-sc-screen=waiting] [role=status]").is_visible()
        for route in held:
            route.continue_()
        page.wait_for_selector("[data-sc-screen=result]:not([hidden])", timeout=30_000)
        check_result_matches_engine(page, clear_answers())
        assert not page.evaluate("history.state.selfcheck === 'waiting'")
    finally:
        context.close()
