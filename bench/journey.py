"""The wait a patient sees between "See my result" and the result, on a slow phone.

A patient on emulated 4G with a CPU four times slower (Chromium's DevTools protocol:
``Network.emulateNetworkConditions`` and ``Emulation.setCPUThrottlingRate``, on the page
and on each of its workers) opens the self-check, reads the start page, presses Start
and answers one question every 2 seconds, then presses "See my result" 2 seconds after
"Check your answers" appears. The page starts the engine however it chooses (on load
or on Start); the bench never touches ``window.selfcheck``. Measured in the page:
from the click on "See my result" to the result screen (a MutationObserver on the
screen state), and whether the waiting screen showed at all. *Cold* is a new on-disk
profile; *warm* is a second journey in the same profile (HTTP cache, wasm code cache,
service worker), after clearing the kept answers.

"Engine bytes before Start" are the bytes the server sent under the runtime and engine
directories from the cold page load until the patient pressed Start.
"""

from __future__ import annotations

import json
import time
from typing import Any

from playwright.sync_api import BrowserContext, Page
from selfcheck_flow import fill

PACE_S = 2.0  # one answer every 2 seconds
READ_START_PAGE_S = 5.0  # the patient reads the start page before pressing Start
CPU_SLOWDOWN = 4

WATCH = """() => {
  const root = document.querySelector("[data-module=sc-selfcheck]");
  window.__sawWaiting = false;
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-sc-action=result]")) window.__resultClick = performance.now();
  }, true);
  new MutationObserver(() => {
    const state = root.dataset.scState;
    if (state === "waiting") window.__sawWaiting = true;
    if ((state === "result" || state === "fallback") && window.__resultClick !== undefined && window.__resultAt === undefined) {
      window.__resultAt = performance.now();
      window.__resultState = state;
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-sc-state"] });
}"""


def slow_phone(context: BrowserContext, page: Page, network: dict[str, Any]) -> None:
    """4G and a 4× slower CPU for the page and every worker it starts. Workers are held
    at their first instruction until their throttling is set."""
    cdp = context.new_cdp_session(page)
    conditions = {"offline": False, **{k: v for k, v in network.items() if k != "name"}}
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", conditions)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    counter = iter(range(10_000, 1_000_000))

    def on_attached(event: dict) -> None:
        session = event["sessionId"]
        for method, params in (
            ("Network.enable", {}),
            ("Network.emulateNetworkConditions", conditions),
            ("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN}),
            ("Runtime.runIfWaitingForDebugger", {}),
        ):
            message = json.dumps({"id": next(counter), "method": method, "params": params})
            cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})

    cdp.on("Target.attachedToTarget", on_attached)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})


def answer_at_pace(page: Page, questions: list[dict], answers: dict[str, object]) -> None:
    """Start, then one answer every PACE_S seconds, then "See my result"."""
    last = time.monotonic()
    page.locator("[data-sc-action=start]").click()
    for question in questions:
        section = page.locator(f"[data-sc-question={question['id']}]")
        section.wait_for(state="visible")
        fill(page, question["id"], answers[question["id"]])
        time.sleep(max(0.0, PACE_S - (time.monotonic() - last)))
        section.locator("button[type=submit]").click()
        last = time.monotonic()
    page.locator("[data-sc-action=result]").wait_for(state="visible")
    time.sleep(max(0.0, PACE_S - (time.monotonic() - last)))
    page.locator("[data-sc-action=result]").click()


def one_journey(page: Page, url: str, questions: list[dict], answers: dict[str, object]) -> tuple[float, bool, float]:
    """(wait after "See my result" in ms, whether the waiting screen showed, when Start
    was pressed as a wall-clock time)."""
    page.goto(url, wait_until="load")
    page.evaluate(WATCH)
    time.sleep(READ_START_PAGE_S)
    started = time.time()
    answer_at_pace(page, questions, answers)
    page.wait_for_function("() => window.__resultAt !== undefined", timeout=180_000)
    if page.evaluate("window.__resultState") != "result":
        raise RuntimeError("The self-check showed the fallback instead of a result")
    wait = page.evaluate("window.__resultAt - window.__resultClick")
    return wait, page.evaluate("window.__sawWaiting"), started
