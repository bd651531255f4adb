"""The trimmed, precompiled stdlib (sitebuild.stdlib) still holds everything the engine
imports: proved inside Pyodide in Chromium, with the files the build shipped."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page
from scenarios.cases import load_cases
from support.site import engine_dir

from sitebuild import engine, paths, preview, stdlib

CASES = load_cases()
IMPORT_PROBLEM = re.compile(r"ImportError|ModuleNotFoundError|No module named")

# A blank page at its own origin that boots the shipped runtime exactly as worker.js
# does (trimmed stdlib, lock, wheel and engine bytecode through wheel.js), then imports
# every module the engine's sources name and evaluates the given answers.
PROBE_PAGE = """<!doctype html><meta charset="utf-8"><title>stdlib probe</title>
<script type="module">
  const worker = new Worker("./probe-worker.js", { type: "module" });
  window.probe = (config) => new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(config);
  });
</script>"""

PROBE_WORKER = """
import { BYTECODE_ZIP, engineFiles } from "./assets/selfcheck/wheel.js";
self.onmessage = async ({ data: config }) => {
  try {
    const packageBaseURL = new URL(".", config.lockFileURL).href;
    const files = engineFiles({
      lockFileURL: config.lockFileURL, packageBaseURL, packageName: "selfcheck",
      bytecodeURL: packageBaseURL + BYTECODE_ZIP,
    });
    const { loadPyodide } = await import(config.runtimeURL + "pyodide.mjs");
    const pyodide = await loadPyodide({
      indexURL: config.runtimeURL, stdLibURL: config.stdLibURL, lockFileContents: files.lockFileContents,
      packageBaseUrl: packageBaseURL, fsInit: files.fsInit,
    });
    await files.installed;
    pyodide.globals.set("modules", pyodide.toPy(config.modules));
    pyodide.globals.set("texts", pyodide.toPy(config.texts));
    const result = pyodide.runPython(`
import importlib, json, sys
import selfcheck.api
# What "ready" costs: the summary's modules are left for after it (selfcheck.api).
at_ready = sorted(m for m in ("selfcheck.summary", "selfcheck.headline", "selfcheck.wording", "html") if m in sys.modules)
failed = {}
for name in modules:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed[name] = repr(error)
import selfcheck.api as api
answers = [api.evaluate_json(text) for text in texts]
stdlib = next(p for p in sys.path if p.endswith(".zip"))
json.dumps({
    "failed": failed,
    "at_ready": at_ready,
    "answers": answers,
    "summary": api.summary_html(texts[0], "2026-11-24"),
    "stdlib": stdlib,
    "from_trimmed": sorted(n for n, m in sys.modules.items() if str(getattr(m, "__file__", "")).startswith(stdlib)),
})`);
    self.postMessage({ ok: true, result: JSON.parse(result) });
  } catch (error) {
    self.postMessage({ ok: false, message: String(error) });
  }
};
"""


def engine_imports() -> list[str]:
    """Every module the engine's browser-side sources import (CPython reads the sources;
    `from x import y` counts y when it is a module)."""
    names: set[str] = set()
    for path in sorted(paths.ENGINE_SOURCE.glob("*.py")):
        if path.name in ("cli.py", "__main__.py"):  # the command line never runs in a browser
            continue
        names.add(f"selfcheck.{path.stem}" if path.stem != "__init__" else "selfcheck")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    try:
                        if importlib.util.find_spec(candidate) is not None:
                            names.add(candidate)
                    except (ImportError, ValueError):
                        pass
    return sorted(names)


@pytest.fixture(scope="module")
def probe_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("probe")
    (root / "assets").symlink_to(built_site / "assets", target_is_directory=True)
    (root / "index.html").write_text(PROBE_PAGE)
    (root / "probe-worker.js").write_text(PROBE_WORKER)
    with preview.serve(root) as url:
        yield url


def test_engine_imports_everything_from_the_trimmed_stdlib(page: Page, probe_url: str, built_site: Path) -> None:
    """Inside Pyodide, on the shipped trimmed stdlib: every module the engine imports
    imports, and every scenario evaluates with no import problem."""
    bundle_dir = engine_dir(built_site)
    runtime = f"{probe_url}assets/pyodide/{engine.pyodide_version()}/"
    engine_url = f"{probe_url}assets/selfcheck/engine/{bundle_dir.name}/"
    modules = engine_imports()
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(probe_url)
    reply = page.evaluate("config => window.probe(config)", {
        "runtimeURL": runtime,
        "stdLibURL": engine_url + "python_stdlib.zip",
        "lockFileURL": engine_url + "pyodide-lock.json",
        "modules": modules,
        "texts": [json.dumps(case.answers) for case in CASES],
    })
    assert reply["ok"], reply.get("message")
    result = reply["result"]
    assert result["failed"] == {}
    assert result["at_ready"] == [], "importing selfcheck.api loads the GP summary's modules again"
    assert len(result["answers"]) == len(CASES)
    for case, answer in zip(CASES, result["answers"], strict=True):
        assert not IMPORT_PROBLEM.search(answer), case.name
        assert "outcome" in json.loads(answer) or "errors" in json.loads(answer), case.name
    assert "<" in result["summary"] and not IMPORT_PROBLEM.search(result["summary"])
    # The modules came from the trimmed zip, and the runtime's full zip was never fetched.
    assert {"json", "dataclasses", "datetime", "enum"} <= set(result["from_trimmed"])
    assert any(url == engine_url + "python_stdlib.zip" for url in requested)
    assert not any(url.startswith(runtime) and url.endswith(".zip") for url in requested)


def test_self_check_page_uses_the_trimmed_stdlib(page: Page, site_url: str, traffic) -> None:
    """The real page: the worker fetches the trimmed zip, and evaluate and summary give
    answers with no import problem for every scenario."""
    page.goto(site_url + "self-check/")
    page.evaluate("window.selfcheck.ready")
    zips = [url for url in traffic.requests if url.endswith(".zip")]
    assert len(zips) == 2 and all("/assets/selfcheck/engine/" in url for url in zips)
    assert {url.rsplit("/", 1)[1] for url in zips} == {stdlib.STDLIB_ZIP, stdlib.BYTECODE_ZIP}
    results = page.evaluate(
        """async (cases) => {
          const out = [];
          for (const answers of cases) {
            const result = await window.selfcheck.evaluate(answers);
            let summary;
            try { summary = JSON.stringify(await window.selfcheck.check(answers, "2026-11-24")); }
            catch (error) { summary = String(error); }
            out.push([JSON.stringify(result), summary]);
          }
          return out;
        }""",
        [case.answers for case in CASES],
    )
    for case, (result, summary) in zip(CASES, results, strict=True):
        assert not IMPORT_PROBLEM.search(result), case.name
        assert not IMPORT_PROBLEM.search(summary), case.name
    assert traffic.page_errors == []
