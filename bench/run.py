"""``make bench``: measure the site against its floors, every comparison in the same run.

Playwright drives Debian's Chromium against the built site served on localhost by
``sitebuild.preview``'s handler (the site's own ``_headers``: year-long immutable
caching of the versioned runtime and engine directories) with on-the-fly gzip (see
``bench/server.py``); Firefox ESR and WebKitGTK are driven by the three-browser tests'
drivers (``tests/browser/engines.py``). Each figure is the median of ``--runs`` runs
(default 5), shown as min–median–max. Prints a table and writes ``bench.json`` at the
repository root.

    .venv/bin/python bench/run.py [--runs 5] [--journey-runs 3] [--skip-build-timing] [--skip-4g]
                                  [--skip-other-engines] [--skip-diary] [--out bench.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# tests/browser: the same browser launch settings and drivers as the tests (which
# import tests/support).
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

import engines  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench import diary_summary, journey, pages, server  # noqa: E402
from sitebuild import engine, paths  # noqa: E402

WORK = ROOT / ".cache" / "bench"
INFO_PAGE = "side-effects/"
# A typical 4G profile (Chromium DevTools' "Fast 4G" latency; download and upload as
# measured medians of 4G connections): 9 Mbit/s down, 1.5 Mbit/s up, 170 ms RTT.
PROFILE_4G = {"name": "4G: 9 Mbit/s down, 1.5 Mbit/s up, 170 ms RTT", "latency": 170,
              "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8}
JOURNEY_NAME = "one answer every 2 s, 4G, CPU 4× slower"
WARM_WAIT_MS = 2500  # Chromium writes the wasm code cache ~1.5 s after compiling starts
START_BUTTON = '[data-sc-action="start"]'
FIRST_INPUT = 'section[data-sc-screen="question"]:not([hidden]) :is(input, select, textarea)'
ENGINE_PATHS = ("/assets/pyodide/", "/assets/selfcheck/engine/")
# Records when window.selfcheck.ready settles, whenever the bridge defines it, and when
# the engine was asked for: the first press of Start (the bare page records its own).
READY_PROBE = """
addEventListener("click", (event) => {
  if (window.__askedAt === undefined && event.target.closest?.('[data-sc-action="start"]')) window.__askedAt = performance.now();
}, true);
(() => {
  const watch = setInterval(() => {
    if (!window.selfcheck) return;
    clearInterval(watch);
    window.selfcheck.ready.then(
      () => { window.__readyAt = performance.now(); },
      (error) => { window.__readyError = String(error); });
  }, 2);
})();
"""


# ---------------------------------------------------------------------------- figures

@dataclass
class Figure:
    values: list[float] = field(default_factory=list)

    def add(self, value: float | None) -> None:
        if value is not None:
            self.values.append(float(value))

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def summary(self) -> dict:
        if not self.values:
            return {"runs": 0}
        return {"min": min(self.values), "median": self.median, "max": max(self.values), "runs": len(self.values), "values": self.values}


class Figures(dict):
    def __missing__(self, key: str) -> Figure:
        self[key] = Figure()
        return self[key]


# ---------------------------------------------------------------------------- browser

def launch_persistent(playwright, profile: Path, service_workers: str = "allow"):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, service_workers=service_workers,
    )


def throttle(context, page: Page, profile: dict | None) -> None:
    if profile is None:
        return
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    conditions = {k: v for k, v in profile.items() if k != "name"}
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **conditions})


def wait_ready(page: Page, timeout_s: float = 120) -> float:
    page.wait_for_function("() => window.__readyAt !== undefined || window.__readyError !== undefined", timeout=timeout_s * 1000)
    error = page.evaluate("window.__readyError")
    if error:
        raise RuntimeError(f"The engine did not start: {error}")
    return page.evaluate("window.__readyAt")


def ready_epoch(page: Page) -> float:
    """Wall-clock time (s) when ready settled, comparable with the server log."""
    return page.evaluate("(performance.timeOrigin + window.__readyAt) / 1000")


def wire(log: server.Log, name: str, until: float | None = None) -> tuple[int, int, int]:
    """Bytes, requests and engine bytes served by one server (optionally until a time)."""
    hits = log.hits(name, until)
    engine_bytes = sum(h.wire_bytes for h in hits if h.path.startswith(ENGINE_PATHS))
    return sum(h.wire_bytes for h in hits), len(hits), engine_bytes


def typical_answers() -> dict:
    from selfcheck.api import questions_json

    answers: dict[str, object] = {}
    for question in json.loads(questions_json())["questions"]:
        options = [o.get("value") if isinstance(o, dict) else o for o in question.get("options") or []]
        if question["kind"] == "age":
            answers[question["id"]] = 34
        elif question["kind"] == "areas":
            answers[question["id"]] = options[:2]
        elif question["kind"] == "hdss":
            answers[question["id"]] = 3
        else:
            answers[question["id"]] = "no" if "no" in options else options[0]
    return answers


EVALUATE_TIMES = """async ({answers, times}) => {
  const spent = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const result = await window.selfcheck.evaluate(answers);
    spent.push(performance.now() - start);
    if (!result.outcome && !result.errors) throw new Error("unexpected result");
  }
  return spent;
}"""


def site_cold_warm(playwright, site: str, log: server.Log, figures: Figures, prefix: str, net: dict | None, answers: dict,
                   service_workers: str = "allow") -> None:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch_persistent(playwright, Path(profile), service_workers)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.add_init_script(READY_PROBE)
            throttle(context, page, net)
            log.clear()
            page.goto(site + "self-check/", wait_until="commit")
            if net is None and not prefix:
                # First question: Start, then the first question's input visible and enabled.
                page.locator(START_BUTTON).wait_for(state="visible")
                page.locator(START_BUTTON).click()
                first = page.locator(FIRST_INPUT).first
                first.wait_for(state="visible")
                assert first.is_enabled()
                figures[f"{prefix}first_question_ms"].add(page.evaluate("performance.now()"))
            ready = wait_ready(page)
            figures[f"{prefix}site_cold_ms"].add(ready)
            if net is None and not prefix:
                figures["site_cold_after_ask_ms"].add(ready - page.evaluate("window.__askedAt"))
            size, count, _ = wire(log, "site", ready_epoch(page))
            figures[f"{prefix}selfcheck_bytes"].add(size)
            figures[f"{prefix}selfcheck_requests"].add(count)
            if net is None and not prefix:
                spent = page.evaluate(EVALUATE_TIMES, {"answers": answers, "times": 21})
                figures["evaluate_ms"].add(statistics.median(spent[1:]))
            page.wait_for_timeout(WARM_WAIT_MS)
            log.clear()
            page.reload(wait_until="commit")
            figures[f"{prefix}site_warm_ms"].add(wait_ready(page))
            size, count, _ = wire(log, "site", ready_epoch(page))
            figures[f"{prefix}warm_bytes"].add(size)
            figures[f"{prefix}warm_requests"].add(count)
        finally:
            context.close()


def bare_cold_warm(playwright, bare: str, log: server.Log, figures: Figures, prefix: str, net: dict | None) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch_persistent(playwright, Path(profile))
        try:
            page = context.pages[0] if context.pages else context.new_page()
            throttle(context, page, net)
            log.clear()
            page.goto(bare, wait_until="commit")
            ready = wait_ready(page)
            figures[f"{prefix}bare_cold_ms"].add(ready)
            figures[f"{prefix}bare_cold_after_ask_ms"].add(ready - page.evaluate("window.__askedAt"))
            size, count, _ = wire(log, "bare", ready_epoch(page))
            figures[f"{prefix}bare_bytes"].add(size)
            figures[f"{prefix}bare_requests"].add(count)
            page.wait_for_timeout(WARM_WAIT_MS)
            page.reload(wait_until="commit")
            figures[f"{prefix}bare_warm_ms"].add(wait_ready(page))
        finally:
            context.close()


ASK_READY = "async () => { await window.selfcheck.ready; return performance.now(); }"
OTHER_ENGINES = ("firefox", "webkit")


def other_engine_cold_warm(name: str, site: str, figures: Figures) -> None:
    """Engine ready in Firefox or WebKit, from navigation: a new profile (cold), then a
    reload 2.5 s later (warm). Their drivers cannot run a script before the page's own,
    so the bench asks for the engine once the page has loaded."""
    with engines.open_engine(name) as driver:
        driver.goto(site + "self-check/")
        figures[f"{name}_cold_ms"].add(driver.call(ASK_READY))
        time.sleep(WARM_WAIT_MS / 1000)
        driver.goto(site + "self-check/")
        figures[f"{name}_warm_ms"].add(driver.call(ASK_READY))


def start_to_result(playwright, site: str, log: server.Log, figures: Figures, answers: dict) -> None:
    """bench/journey.py, cold then warm, in one new on-disk profile."""
    from selfcheck.api import questions_json

    questions = json.loads(questions_json())["questions"]
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch_persistent(playwright, Path(profile))
        try:
            page = context.pages[0] if context.pages else context.new_page()
            journey.slow_phone(context, page, PROFILE_4G)
            for label in ("cold", "warm"):
                log.clear()
                wait, saw_waiting, started = journey.one_journey(page, site + "self-check/", questions, answers)
                figures[f"journey_{label}_wait_ms"].add(wait)
                figures[f"journey_{label}_waiting_screens"].add(int(saw_waiting))
                if label == "cold":
                    figures["engine_bytes_before_start"].add(wire(log, "site", started)[2])
                page.evaluate("() => sessionStorage.clear()")
        finally:
            context.close()


def kind(path: str) -> str:
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith(("/", ".html")):
        return "html"
    suffix = path.rsplit(".", 1)[-1]
    return {"css": "css", "js": "js", "mjs": "js", "png": "images", "svg": "images", "ico": "images"}.get(suffix, "other")


def page_weight(browser, url: str, log: server.Log, name: str) -> tuple[int, int, int, dict[str, int]]:
    """Bytes and requests of one page until the network is idle (service worker blocked:
    its background pre-caching is not part of the page), and bytes by kind of file."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        log.clear()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        by_kind: dict[str, int] = {}
        for hit in log.hits(name):
            by_kind[kind(hit.path)] = by_kind.get(kind(hit.path), 0) + hit.wire_bytes
        return (*wire(log, name), by_kind)
    finally:
        context.close()


def peak_heap(browser, url: str, ready_js: str, add_probe: bool) -> tuple[float, float]:
    """Peak JS heap (MB) of a tab: the page plus its workers, sampled every 100 ms from
    navigation until 1 s after ready, through the DevTools protocol (Runtime.getHeapUsage
    on the page and on each worker target). Returns (peak used heap, peak array-buffer
    backing store), both summed over page and workers."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        if add_probe:
            page.add_init_script(READY_PROBE)
        cdp = context.new_cdp_session(page)
        sessions: dict[str, str] = {}
        replies: dict[tuple[str, int], dict] = {}
        cdp.on("Target.attachedToTarget", lambda e: sessions.__setitem__(e["sessionId"], e["targetInfo"]["type"]))
        cdp.on("Target.detachedFromTarget", lambda e: sessions.pop(e["sessionId"], None))

        def on_message(event: dict) -> None:
            message = json.loads(event["message"])
            if "id" in message and "result" in message:
                replies[(event["sessionId"], message["id"])] = message["result"]

        cdp.on("Target.receivedMessageFromTarget", on_message)
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})
        peak_used = peak_backing = 0.0
        page.goto(url, wait_until="commit")
        ready_at = None
        next_id = 1000
        while True:
            usage = cdp.send("Runtime.getHeapUsage")
            used, backing = usage["usedSize"], usage.get("backingStorageSize", 0)
            asked = []
            for session in list(sessions):
                next_id += 1
                try:
                    cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps({"id": next_id, "method": "Runtime.getHeapUsage"})})
                    asked.append((session, next_id))
                except Exception:
                    pass
            page.wait_for_timeout(100)
            for key in asked:
                if key in replies:
                    used += replies[key]["usedSize"]
                    backing += replies[key].get("backingStorageSize", 0)
            peak_used, peak_backing = max(peak_used, used), max(peak_backing, backing)
            if ready_at is None and page.evaluate(ready_js):
                ready_at = time.monotonic()
            if ready_at is not None and time.monotonic() - ready_at > 1.0:
                break
        return peak_used / 1e6, peak_backing / 1e6
    finally:
        context.close()


# ---------------------------------------------------------------------------- build timing

LEAFLET_LINE = re.compile(r"Leaflets built in ([0-9.]+) s \((\d+) PDFs, (\d+) from cache\)")


def time_make_build(figures: Figures, runs: int) -> dict:
    info = {}
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(["make", "build"], cwd=ROOT, env=env, capture_output=True, text=True)
        spent = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"make build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        figures["make_build_s"].add(spent)
        match = LEAFLET_LINE.search(done.stdout + done.stderr)
        if match:
            figures["leaflets_s"].add(float(match[1]))
            figures["build_without_pdfs_s"].add(spent - float(match[1]))
            info = {"pdfs": int(match[2]), "pdfs_from_cache": int(match[3])}
    return info


def engine_build_seconds() -> float:
    """One uncached build of the engine bundle (wheel, lock, trimmed stdlib) into a
    scratch directory: what a changed engine source costs on the next build."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-engine-"))
    try:
        started = time.perf_counter()
        engine._build_into(scratch / "engine")
        return time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# ---------------------------------------------------------------------------- report

def fmt(figure: Figure, unit: str) -> str:
    if not figure.values:
        return "n/a"
    values = (min(figure.values), figure.median, max(figure.values))
    if unit == "KB":
        return "–".join(f"{v / 1000:,.1f}" for v in values) + " KB"
    if unit == "MB":
        return "–".join(f"{v / 1e6:,.2f}" for v in values) + " MB"
    if unit == "ms":
        return "–".join(f"{v:,.0f}" for v in values) + " ms"
    if unit == "s":
        return "–".join(f"{v:,.1f}" for v in values) + " s"
    if unit == "heapMB":
        return "–".join(f"{v:,.1f}" for v in values) + " MB"
    if unit == "x":
        return "–".join(f"{v:.2f}" for v in values)
    return "–".join(f"{v:g}" for v in values)


def ratio(a: Figure, b: Figure) -> Figure:
    """Run-by-run ratios (runs were interleaved, so run i of each shares conditions)."""
    return Figure([x / y for x, y in zip(a.values, b.values, strict=False) if y])


def diary_rows(f: Figures, target) -> list[tuple[str, str, str, str]]:
    """The diary with two years of entries (bench/diary_summary.py); only when measured."""
    return [
        ("Diary, 500 sessions/100 HDSS: entries shown after opening", fmt(f["diary_entries_ms"], "ms"), "",
         target("diary entries shown ≤ 1 s", f["diary_entries_ms"].median, 1000, "≤ 1000 ms, before the engine")),
        ("Diary, 500 sessions/100 HDSS: summary once the engine is ready", fmt(f["diary_summary_ms"], "ms"),
         f"engine ready at {fmt(f['diary_ready_ms'], 'ms')}",
         target("diary summary ≤ 100 ms", f["diary_summary_ms"].median, 100, "≤ 100 ms (median of 20 calls a run)")),
    ]


def table(figures: Figures, notes: dict) -> tuple[str, list[dict]]:
    rows: list[tuple[str, str, str, str]] = []
    targets: list[dict] = []

    def target(name: str, value: float, limit: float, text: str) -> str:
        met = value <= limit
        targets.append({"target": name, "value": value, "limit": limit, "met": met})
        return f"{text} {'✔' if met else '✘'}"

    f = figures
    r_home, r_info = ratio(f["home_bytes"], f["vanilla_bytes"]), ratio(f["info_bytes"], f["vanilla_bytes"])
    rows += [
        ("Vanilla Material page (bytes, requests)", fmt(f["vanilla_bytes"], "KB"), fmt(f["vanilla_requests"], "n"), "floor"),
        ("Home page (bytes, requests)", fmt(f["home_bytes"], "KB"), fmt(f["home_requests"], "n"),
         target("home ≤ 1.15× vanilla", r_home.median, 1.15, f"{fmt(r_home, 'x')}× vanilla")),
        ("Information page (bytes, requests)", fmt(f["info_bytes"], "KB"), fmt(f["info_requests"], "n"),
         target("information page ≤ 1.15× vanilla", r_info.median, 1.15, f"{fmt(r_info, 'x')}× vanilla")),
        ("  the same without the site-wide search index", fmt(f["info_bytes_without_search_index"], "KB"), fmt(f["vanilla_bytes_without_search_index"], "KB"),
         f"{fmt(ratio(f['info_bytes_without_search_index'], f['vanilla_bytes_without_search_index']), 'x')}× vanilla (information / vanilla)"),
        ("Pyodide/engine bytes on home + information page", fmt(Figure([a + b for a, b in zip(f["home_engine_bytes"].values, f["info_engine_bytes"].values, strict=False)]), "KB"), "",
         target("zero Pyodide bytes on information pages", max(f["home_engine_bytes"].values + f["info_engine_bytes"].values, default=0), 0, "must be 0")),
        ("Self-check until ready, cold (bytes, requests)", fmt(f["selfcheck_bytes"], "MB"), fmt(f["selfcheck_requests"], "n"), ""),
        ("Bare loadPyodide until ready, cold (bytes, requests)", fmt(f["bare_bytes"], "MB"), fmt(f["bare_requests"], "n"),
         f"{fmt(ratio(f['selfcheck_bytes'], f['bare_bytes']), 'x')}× bare"),
        ("Self-check until ready, warm (bytes, requests)", fmt(f["warm_bytes"], "KB"), fmt(f["warm_requests"], "n"), ""),
        ("First question answerable (after Start)", fmt(f["first_question_ms"], "ms"), "",
         target("first question ≤ 1 s", f["first_question_ms"].median, 1000, "≤ 1000 ms")),
        ("Engine ready, cold, from opening the page (Start pressed once shown)", fmt(f["site_cold_ms"], "ms"), "",
         target("ready cold ≤ 0.5× bare", ratio(f["site_cold_ms"], f["bare_cold_ms"]).median, 0.5,
                f"{fmt(ratio(f['site_cold_ms'], f['bare_cold_ms']), 'x')}× bare (≤ 0.5, stretch 0.35)")),
        ("Bare loadPyodide, cold, from opening the page", fmt(f["bare_cold_ms"], "ms"), "", "floor"),
        ("Engine ready, cold, from the press of Start", fmt(f["site_cold_after_ask_ms"], "ms"), "",
         target("ready cold after Start ≤ 0.5× bare", ratio(f["site_cold_after_ask_ms"], f["bare_cold_after_ask_ms"]).median, 0.5,
                f"{fmt(ratio(f['site_cold_after_ask_ms'], f['bare_cold_after_ask_ms']), 'x')}× bare from its request (≤ 0.5, stretch 0.35)")),
        ("Bare loadPyodide, cold, from its page's request", fmt(f["bare_cold_after_ask_ms"], "ms"), "", "floor"),
        ("Engine ready, warm (reload)", fmt(f["site_warm_ms"], "ms"), "",
         target("ready warm ≤ 0.6× cold", ratio(f["site_warm_ms"], f["site_cold_ms"]).median, 0.6,
                f"{fmt(ratio(f['site_warm_ms'], f['site_cold_ms']), 'x')}× cold")),
        ("Bare loadPyodide, warm (reload)", fmt(f["bare_warm_ms"], "ms"), "", ""),
        ("Engine ready, cold / warm, service worker blocked", fmt(f["nosw_site_cold_ms"], "ms"), fmt(f["nosw_site_warm_ms"], "ms"),
         f"warm {fmt(ratio(f['nosw_site_warm_ms'], f['nosw_site_cold_ms']), 'x')}× cold (HTTP cache + wasm code cache only)"),
        ("evaluate() once ready (median of 20 calls per run)", fmt(f["evaluate_ms"], "ms"), "",
         target("evaluate ≤ 50 ms", f["evaluate_ms"].median, 50, "≤ 50 ms")),
        (f"4G ({PROFILE_4G['name']}): engine ready, cold", fmt(f["4g_site_cold_ms"], "ms"), "",
         f"{fmt(ratio(f['4g_site_cold_ms'], f['4g_bare_cold_ms']), 'x')}× bare"),
        ("4G: bare loadPyodide, cold", fmt(f["4g_bare_cold_ms"], "ms"), "", ""),
        ("4G: engine ready, warm", fmt(f["4g_site_warm_ms"], "ms"), "",
         f"{fmt(ratio(f['4g_site_warm_ms'], f['4g_site_cold_ms']), 'x')}× cold"),
        ("4G: bare loadPyodide, warm", fmt(f["4g_bare_warm_ms"], "ms"), "", ""),
        *[(f"{title}: engine ready, cold / warm (reload)", fmt(f[f"{name}_cold_ms"], "ms"), fmt(f[f"{name}_warm_ms"], "ms"),
            f"cold {fmt(ratio(f[f'{name}_cold_ms'], f['site_cold_ms']), 'x')}× Chromium's")
          for name, title in (("firefox", "Firefox ESR"), ("webkit", "WebKitGTK")) if f[f"{name}_cold_ms"].values],
        ("Engine bytes before Start (4G, start page read for 5 s)", fmt(f["engine_bytes_before_start"], "KB"), "",
         target("no engine byte before Start", f["engine_bytes_before_start"].median, 0, "must be 0")),
        *[(f"Wait after \"See my result\", {label} ({JOURNEY_NAME})", fmt(f[f"journey_{label}_wait_ms"], "ms"),
           f"waiting screen in {int(sum(f[f'journey_{label}_waiting_screens'].values))} of {len(f[f'journey_{label}_waiting_screens'].values)}",
           target(f"start-to-result, {label}: the result never waits for the engine",
                  sum(f[f"journey_{label}_waiting_screens"].values), 0, "target 0 ms: no waiting screen"))
          for label in ("cold", "warm")],
        *(diary_rows(f, target) if f["diary_entries_ms"].values else []),
        ("Peak JS heap, self-check tab (page + workers)", fmt(f["site_heap_mb"], "heapMB"), "",
         f"{fmt(ratio(f['site_heap_mb'], f['bare_heap_mb']), 'x')}× bare"),
        ("Peak JS heap, bare Pyodide page (page + worker)", fmt(f["bare_heap_mb"], "heapMB"), "", ""),
        ("Peak ArrayBuffer backing store, self-check / bare", fmt(f["site_backing_mb"], "heapMB"), fmt(f["bare_backing_mb"], "heapMB"), ""),
        ("make build (site with PDFs, caches warm)", fmt(f["make_build_s"], "s"), "", notes.get("pdfs", "")),
        ("  of which the PDF leaflet step / site without it", fmt(f["leaflets_s"], "s"), fmt(f["build_without_pdfs_s"], "s"), ""),
        ("Engine bundle rebuilt from scratch (wheel, lock, trimmed stdlib)", fmt(f["engine_build_s"], "s"), "", ""),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    header = ("Figure (min–median–max)", "Value", "Second value", "Comparison / target")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), "-|-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) for row in rows]
    return "\n".join("| " + line + " |" for line in lines), targets


# ---------------------------------------------------------------------------- main

def main() -> None:  # noqa: PLR0912 (one branch per command-line switch)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--skip-build-timing", action="store_true", help="reuse site/ as built; do not time make build")
    parser.add_argument("--skip-4g", action="store_true")
    parser.add_argument("--journey-runs", type=int, default=3,
                        help="patient journeys at 2 s a question (about 2 minutes each, cold and warm)")
    parser.add_argument("--skip-other-engines", action="store_true", help="Chromium only: no Firefox or WebKit rows")
    parser.add_argument("--skip-diary", action="store_true", help="no diary rows (two years of entries)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench.json")
    options = parser.parse_args()
    runs = options.runs
    figures = Figures()
    notes: dict = {}
    load_before = os.getloadavg()

    if not options.skip_build_timing:
        print(f"Timing `make build` {runs} times ...", flush=True)
        info = time_make_build(figures, runs)
        notes["pdfs"] = f"{info.get('pdfs', '?')} PDFs, {info.get('pdfs_from_cache', '?')} from cache" if info else "no leaflet step found"
        print("Building the engine bundle from scratch once per run ...", flush=True)
        for _ in range(runs):
            figures["engine_build_s"].add(engine_build_seconds())
    elif not (ROOT / "site" / "index.html").is_file():
        raise SystemExit("site/ is not built: run `make build` first or drop --skip-build-timing")

    # Serve a copy, so that another build of site/ cannot change the files mid-run.
    site_dir = WORK / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.copytree(ROOT / "site", site_dir)
    vanilla_dir = pages.build_vanilla(WORK / "vanilla")
    bare_dir = pages.build_bare(WORK / "bare", paths.PYODIDE_PACKAGE)
    answers = typical_answers()
    log = server.Log()

    with ExitStack() as stack, sync_playwright() as playwright:
        site = stack.enter_context(server.serve(site_dir, "site", log))
        vanilla = stack.enter_context(server.serve(vanilla_dir, "vanilla", log))
        bare = stack.enter_context(server.serve(
            bare_dir, "bare", log, {"/pyodide/": {"Cache-Control": "public, max-age=31536000, immutable"}}))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        print("Page weight ...", flush=True)
        breakdown: dict[str, dict[str, int]] = {}
        for _ in range(runs):
            for name, url, srv in (("vanilla", vanilla, "vanilla"), ("home", site, "site"), ("info", site + INFO_PAGE, "site")):
                size, count, engine_bytes, by_kind = page_weight(browser, url, log, srv)
                breakdown[name] = by_kind
                figures[f"{name}_bytes_without_search_index"].add(size - by_kind.get("search index", 0))
                figures[f"{name}_bytes"].add(size)
                figures[f"{name}_requests"].add(count)
                figures[f"{name}_engine_bytes"].add(engine_bytes)

        print("Engine start, cold and warm, localhost ...", flush=True)
        for _ in range(runs):
            site_cold_warm(playwright, site, log, figures, "", None, answers)
            bare_cold_warm(playwright, bare, log, figures, "", None)

        print("Engine start, cold and warm, localhost, service worker blocked (HTTP cache only) ...", flush=True)
        for _ in range(runs):
            site_cold_warm(playwright, site, log, figures, "nosw_", None, answers, service_workers="block")

        if not options.skip_4g:
            print(f"Engine start, cold and warm, {PROFILE_4G['name']} ...", flush=True)
            for _ in range(runs):
                site_cold_warm(playwright, site, log, figures, "4g_", PROFILE_4G, answers)
                bare_cold_warm(playwright, bare, log, figures, "4g_", PROFILE_4G)

        if not options.skip_other_engines:
            for name in OTHER_ENGINES:
                print(f"Engine start, cold and warm, {name} ...", flush=True)
                for _ in range(runs):
                    other_engine_cold_warm(name, site, figures)

        print(f"Start to result: {JOURNEY_NAME} ...", flush=True)
        for _ in range(options.journey_runs):
            start_to_result(playwright, site, log, figures, answers)

        if not options.skip_diary:
            print("Diary with two years of entries ...", flush=True)
            for _ in range(runs):
                shown, ready, summary = diary_summary.in_chromium(browser, site)
                figures["diary_entries_ms"].add(shown)
                figures["diary_ready_ms"].add(ready)
                figures["diary_summary_ms"].add(summary)

        print("Peak JS heap ...", flush=True)
        for _ in range(runs):
            used, backing = peak_heap(browser, site + "self-check/", "window.__readyAt !== undefined", True)
            figures["site_heap_mb"].add(used)
            figures["site_backing_mb"].add(backing)
            used, backing = peak_heap(browser, bare, "window.__readyAt !== undefined", False)
            figures["bare_heap_mb"].add(used)
            figures["bare_backing_mb"].add(backing)
        browser.close()

    text, targets = table(figures, notes)
    stdlib_zip = next((site_dir / "assets" / "selfcheck" / "engine").glob("*/python_stdlib.zip"))
    result = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "runs": runs,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average_before": load_before,
                    "load_average_after": os.getloadavg()},
        "chromium": CHROMIUM,
        "pyodide": engine.pyodide_version(),
        "bytes": f"as served: gzip level {server.GZIP_LEVEL} on the fly for text, JS, CSS, JSON, SVG and wasm; "
                 "zip, wheel, PDF and images as they are; status line and headers included",
        "network_4g": PROFILE_4G,
        "journey": {"pace_s": journey.PACE_S, "start_page_read_s": journey.READ_START_PAGE_S,
                    "cpu_slowdown": journey.CPU_SLOWDOWN, "runs": options.journey_runs},
        "stdlib_zip_bytes": {"trimmed": stdlib_zip.stat().st_size,
                             "full": (paths.PYODIDE_PACKAGE / "python_stdlib.zip").stat().st_size},
        "page_bytes_by_kind": breakdown,
        "figures": {name: figure.summary() for name, figure in sorted(figures.items())},
        "targets": targets,
        "table": text,
    }
    options.out.write_text(json.dumps(result, indent=1) + "\n")
    print()
    print(text)
    print()
    print(f"Bytes: {result['bytes']}. Medians of {runs} runs; load average before {load_before[0]:.2f}, "
          f"after {result['machine']['load_average_after'][0]:.2f}. Written to {options.out}.")


if __name__ == "__main__":
    main()
