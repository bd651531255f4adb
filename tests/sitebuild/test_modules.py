"""sitebuild.modules: the imports a page script's <link rel="modulepreload"> lists."""

from __future__ import annotations

from sitebuild import modules, paths


def test_every_static_import_form_is_found_and_nothing_else() -> None:
    source = """
import "./side-effect.js";
import * as storage from "./storage.js";
import { need } from './dom.js';
import {
  Journey,
  fromHistory,
} from "../other/journey.mjs";
export { chart } from "./chart.js";
// import { old } from "./commented-out.js";
const later = import("./dynamic.js");
import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
const text = "import x from './in-a-string.js'";
"""
    assert modules.imports_of(source) == [
        "./side-effect.js", "./storage.js", "./dom.js", "../other/journey.mjs", "./chart.js",
    ]


def test_the_self_check_lists_its_whole_import_graph() -> None:
    """flow.js imports result.js, which imports summary-html.js: the page asks for both
    at once, each module once."""
    found = modules.module_imports("assets/selfcheck/flow.js")
    assert len(found) == len(set(found))
    for module in ("dom.js", "storage.js", "journey.js", "question.js", "result.js", "summary-html.js"):
        assert f"assets/selfcheck/{module}" in found
    assert "assets/selfcheck/flow.js" not in found
    assert "assets/selfcheck/worker.js" not in found  # the worker's, not the page's
    assert all((paths.OVERRIDES / path).is_file() for path in found)


def test_the_diary_lists_its_imports() -> None:
    found = modules.module_imports("assets/diary/page.js")
    assert {"assets/diary/engine.js", "assets/diary/store.js", "assets/diary/chart.js"} <= set(found)
    assert all((paths.OVERRIDES / path).is_file() for path in found)
