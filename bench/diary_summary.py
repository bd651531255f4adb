"""The treatment diary with two years of entries (500 sessions, 100 weekly HDSS scores).

Called by ``bench/run.py`` (``make bench``), each run in a new Chromium context:

* **entries shown**: from navigation to the diary page, with the diary already kept in
  local storage, until its entry table is in the page (a MutationObserver in the page
  notes the moment). The target is 1 s; the entries must not wait for Python.
* **summary once the engine is ready**: ``window.diary.call("summary_json", ...)`` on the
  same diary, median of 20 calls after one warm-up: the worker round trip and Python.
  The target is 100 ms.

Run alone, it times the same summary in CPython:

    PYTHONPATH=src:tests/diary .venv/bin/python bench/diary_summary.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "diary"))

from diary_helpers import two_years

from diary import api

CALLS = 20
TODAY = "2027-01-01"
STORAGE_KEY = "iontophoresis-diary"  # overrides/assets/diary/store.js
ENGINE_LIMIT_MS = 120_000

# Notes when the first entry row and the ready engine appear, from navigation.
WATCH_ENTRIES = """
(() => {
  const seen = () => {
    if (window.__entriesAt === undefined && document.querySelector("[data-diary-entries] table tbody tr")) {
      window.__entriesAt = performance.now();
    }
    if (window.__diaryReadyAt === undefined && document.querySelector("[data-diary][data-diary-engine=ready]")) {
      window.__diaryReadyAt = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
})();
"""

TIME_SUMMARY = """async ({text, today, times}) => {
  const spent = [];
  for (let i = 0; i <= times; i++) {
    const start = performance.now();
    const reply = JSON.parse(await window.diary.call("summary_json", text, today));
    spent.push(performance.now() - start);
    if (reply.errors) throw new Error("the diary was refused");
  }
  return spent.slice(1);
}"""


def kept_text() -> str:
    """The two-year diary exactly as the page keeps it (the engine's own file text)."""
    return json.loads(api.open_diary(json.dumps(two_years())))["diary"]


def in_chromium(browser, site: str) -> tuple[float, float, float]:
    """One run in a new context: (entries shown ms, engine ready ms, summary median ms)."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        text = kept_text()
        # The diary is put in storage from a page of the same origin, as a kept diary is.
        page.goto(site + "privacy/")
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
        page.add_init_script(WATCH_ENTRIES)
        page.goto(site + "diary/", wait_until="commit")
        page.wait_for_function("() => window.__diaryReadyAt !== undefined", timeout=ENGINE_LIMIT_MS)
        shown, ready = page.evaluate("[window.__entriesAt, window.__diaryReadyAt]")
        if shown is None:
            raise RuntimeError("The diary's entries never showed")
        spent = page.evaluate(TIME_SUMMARY, {"text": text, "today": TODAY, "times": CALLS})
        return shown, ready, statistics.median(spent)
    finally:
        context.close()


def in_cpython() -> list[float]:
    text = json.dumps(two_years())
    api.summary_json(text, TODAY)  # warm: imports and first compile
    times = []
    for _ in range(CALLS):
        start = time.perf_counter()
        api.summary_json(text, TODAY)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    times = in_cpython()
    print(f"diary summary in CPython, 500 sessions + 100 HDSS: min {min(times):.1f} ms, "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
