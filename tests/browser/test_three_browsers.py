"""The self-check and the diary in the three browser engines patients use: Chromium
(the full browser, where the other browser tests use its headless shell), Firefox ESR
and WebKitGTK (Safari's engine, as on an iPhone).

One load of the self-check page per engine. On it, every named scenario goes through
the page's ``window.selfcheck.evaluate`` in one in-page loop and must give exactly
CPython's answer; then a patient's journey by real clicks, from Start through every
question to the result, must show the engine's outcome and findings. No errors, no
request off the site's origin.

Then, in Firefox and WebKit, offline in the same browser: once the page says the check
works without an internet connection, the test's own web server stops (the real thing:
nothing but the service worker can answer), the diary page opens, its engine starts and
a session typed and clicked in is saved. Chromium's offline diary is tested in
test_offline.py, whose profile already has the service worker (here Chromium runs
without one, which saves its pre-caching).

A browser that is not installed or cannot start fails the test. Only outside CI
(``CI`` unset), a browser that is not installed at all is skipped, with the reason in
pytest's summary; ``make test`` installs all three.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from engines import ENGINES, ERROR_RECORDER, Driver, EngineUnavailable, missing_binaries, open_engine
from scenarios.cases import load_cases
from selfcheck_flow import clear_answers

from diary import wording as diary_wording
from selfcheck import QUESTIONS, Kind
from selfcheck.api import evaluate_json
from sitebuild.preview import serve

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

# Waits in the page until `selector` has `attribute` (or any text) and returns it.
WAIT_FOR = """async ({selector, attribute, text, limit}) => {
  const deadline = performance.now() + limit;
  for (;;) {
    const element = document.querySelector(selector);
    const value = attribute ? element?.getAttribute(attribute) : element?.textContent;
    if (value && (!text || value.includes(text))) return value;
    if (performance.now() > deadline) throw new Error(`${selector}: still "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}"""
OFFLINE_READY = {"selector": "[data-offline-status]", "attribute": None, "text": "without an internet connection", "limit": 120_000}
DIARY_READY = {"selector": "[data-diary]", "attribute": "data-diary-engine", "text": None, "limit": 120_000}
OFFLINE_HERE = ("firefox", "webkit")
# Centred first, so that Material's sticky header never covers what is clicked.
CENTRE = "(selector) => document.querySelector(selector).scrollIntoView({block: 'center'})"

pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")

# A discuss finding and a red flag answered "I'm not sure": the result has two tiers.
JOURNEY = {**clear_answers(), "braces": "yes", "weight_loss": "not_sure"}


@pytest.fixture(params=ENGINES)
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    name = request.param
    if missing_binaries(name) and not os.environ.get("CI"):
        pytest.skip(f"{name} is not installed ({', '.join(missing_binaries(name))}); `make test` installs it")
    playwright = request.getfixturevalue("playwright") if name == "chromium" else None
    try:
        with open_engine(name, playwright) as opened:
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


def add_session_offline(driver: Driver, site_url: str) -> None:
    driver.goto(site_url + "diary/")
    driver.call(ERROR_RECORDER)
    assert driver.call(WAIT_FOR, DIARY_READY) == "ready", driver.name
    driver.type("#diary-current_ma", "12.5")
    driver.type("#diary-minutes", "20")
    for selector in ("#diary-areas + label", "#diary-polarity_changed-no + label", "[data-diary-form=session] [data-diary-submit]"):
        driver.call(CENTRE, selector)
        driver.click(selector)
    saved = diary_wording.PAGE["saved_session"]
    driver.call(WAIT_FOR, {"selector": "[data-diary-status]", "attribute": None, "text": saved, "limit": 30_000})


@pytest.fixture
def own_server(built_site: Path) -> Iterator[tuple[str, ExitStack]]:
    """A server of this test's own, so that stopping it takes no other test offline."""
    with ExitStack() as server:
        yield server.enter_context(serve(built_site)), server


def test_selfcheck_and_offline_diary_in_each_engine(driver: Driver, own_server: tuple[str, ExitStack]) -> None:
    cases = load_cases()
    assert len(cases) >= 40
    site_url, server = own_server
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

    if driver.name not in OFFLINE_HERE:
        return
    driver.call(WAIT_FOR, OFFLINE_READY)
    server.close()
    add_session_offline(driver, site_url)
    assert [url for url in driver.call(REQUESTED) if urlsplit(url).netloc != origin] == []
    assert driver.problems() + driver.call(PAGE_PROBLEMS) == [], driver.name
