"""The self-check in the three browser engines patients use: Chromium, Firefox ESR and
WebKitGTK (Safari's engine, as on an iPhone).

One load of the self-check page per engine. On it, every named scenario goes through
the page's ``window.selfcheck.evaluate`` in one in-page loop and must give exactly
CPython's answer; then a patient's journey by real clicks, from Start through every
question to the result, must show the engine's outcome and findings. No errors, no
request off the site's origin.

A browser that is not installed or cannot start fails the test. Only outside CI
(``CI`` unset), a browser that is not installed at all is skipped, with the reason in
pytest's summary; ``make test`` installs all three.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from engines import ENGINES, ERROR_RECORDER, Driver, EngineUnavailable, missing_binaries, open_engine
from scenarios.cases import load_cases
from selfcheck_flow import clear_answers

from selfcheck import QUESTIONS, Kind
from selfcheck.api import evaluate_json

# Every scenario in one evaluate loop, returned as JSON text so that every driver hands
# Python the same values.
EVALUATE_ALL = """async (sets) => {
  await window.selfcheck.ready;
  const out = [];
  for (const answers of sets) out.push(await window.selfcheck.evaluate(answers));
  return JSON.stringify(out);
}"""

# Waits in the page (a driver's own waiting would differ per engine).
WAIT_FOR_SCREEN = """async ({states, question}) => {
  const root = document.querySelector("[data-module=sc-selfcheck]");
  const shown = () => document.querySelector("[data-sc-screen=question]:not([hidden])");
  const deadline = performance.now() + 60000;
  for (;;) {
    const state = root.dataset.scState;
    if (states.includes(state) && (!question || shown()?.dataset.scQuestion === question)) return state;
    if (performance.now() > deadline) throw new Error(`stuck on ${state} ${shown()?.dataset.scQuestion || ""}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}"""

SHOWN_RESULT = """() => ({
  outcomes: [...document.querySelectorAll("[data-sc-outcome]")].filter((e) => !e.hidden).map((e) => e.dataset.scOutcome),
  findings: [...document.querySelectorAll("[data-sc-screen=result] [data-sc-tier]:not([hidden]) .sc-result-finding")]
    .map((li) => [li.closest("[data-sc-tier]").dataset.scTier, li.querySelector("[data-sc-slot=reason]").textContent]),
})"""

# Resource timing sees the page's own requests in every engine alike.
REQUESTED = """() => performance.getEntriesByType("resource").map((entry) => entry.name)"""
PAGE_PROBLEMS = "() => window.__problems"

pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")

# A discuss finding and a red flag answered "I'm not sure": the result has two tiers.
JOURNEY = {**clear_answers(), "braces": "yes", "weight_loss": "not_sure"}


@pytest.fixture(params=ENGINES)
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    name = request.param
    if missing_binaries(name) and not os.environ.get("CI"):
        pytest.skip(f"{name} is not installed ({', '.join(missing_binaries(name))}); `make test` installs it")
    chromium = request.getfixturevalue("browser") if name == "chromium" else None
    try:
        with open_engine(name, chromium) as opened:
            yield opened
    except EngineUnavailable as error:
        pytest.fail(f"{name} cannot start: {error}", pytrace=False)


def cpython(answers: dict[str, object]) -> dict:
    return json.loads(evaluate_json(json.dumps(answers)))


def answer_by_clicks(driver: Driver, answers: dict[str, object]) -> None:
    """From the start screen to "Check your answers", through the page's own inputs."""
    driver.click("[data-sc-action=start]")
    for q in QUESTIONS:
        driver.call(WAIT_FOR_SCREEN, {"states": ["question"], "question": q.id})
        section = f"[data-sc-question={q.id}]"
        value = answers[q.id]
        if q.kind is Kind.AGE:
            driver.type(f"{section} input", str(value))
        else:
            for choice in value if isinstance(value, list) else [value]:
                driver.click(f"{section} input[value='{choice}'] + label")
        driver.click(f"{section} button[type=submit]")
    driver.call(WAIT_FOR_SCREEN, {"states": ["check"], "question": None})


def test_selfcheck_in_each_engine(driver: Driver, site_url: str) -> None:
    cases = load_cases()
    assert len(cases) >= 40
    driver.goto(site_url + "self-check/")
    driver.call(ERROR_RECORDER)

    results = json.loads(driver.call(EVALUATE_ALL, [case.answers for case in cases]))
    assert len(results) == len(cases)
    for case, result in zip(cases, results, strict=True):
        assert result == cpython(case.answers), f"{driver.name}: {case.name}"

    answer_by_clicks(driver, JOURNEY)
    driver.click("[data-sc-action=result]")
    assert driver.call(WAIT_FOR_SCREEN, {"states": ["result", "fallback"], "question": None}) == "result"
    want = cpython(JOURNEY)
    shown = driver.call(SHOWN_RESULT)
    assert shown["outcomes"] == [want["outcome"]]
    assert sorted(map(tuple, shown["findings"])) == sorted((f["tier"], f["reason"]) for f in want["findings"])
    assert {tier for tier, _ in shown["findings"]} == {"discuss", "red_flag"}

    origin = urlsplit(site_url).netloc
    assert [url for url in driver.call(REQUESTED) if urlsplit(url).netloc != origin] == []
    assert driver.problems() + driver.call(PAGE_PROBLEMS) == [], driver.name
