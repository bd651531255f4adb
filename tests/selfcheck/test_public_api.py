"""The public surface: what the package exports, and what importing it loads."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

import selfcheck
from selfcheck import api
from sitebuild.paths import ROOT

EXPORTED = [
    "PARTS", "QUESTIONS", "QUESTION_IDS", "QUESTION_SET_ISSUED", "QUESTION_SET_VERSION",
    "Answer", "Band", "Finding", "InvalidAnswers", "InvalidDate", "Kind", "Option", "Outcome",
    "Part", "Problem", "Question", "Result", "Rule", "SelfCheckError", "Severity", "Summary",
    "Tier", "build_summary", "evaluate", "format_date", "question", "questions_as_json",
    "questions_in", "validate",
]


def test_exported_members() -> None:
    """__all__ lists exactly the public names, and each one exists."""
    assert sorted(selfcheck.__all__) == sorted(EXPORTED)
    for name in EXPORTED:
        assert hasattr(selfcheck, name), name


def test_api_functions_and_signatures() -> None:
    """The browser calls evaluate_json(text) and summary_html(text, checked_on)."""
    assert str(inspect.signature(api.evaluate_json)) == "(text: 'str') -> 'str'"
    assert str(inspect.signature(api.summary_html)) == "(text: 'str', checked_on: 'str') -> 'str'"
    assert str(inspect.signature(api.summary_text)) == "(text: 'str', checked_on: 'str') -> 'str'"


def test_browser_path_imports_stay_light() -> None:
    """Importing the package and its API loads no CLI, typing, site tooling or browser modules."""
    code = (
        "import json, sys; before = set(sys.modules); import selfcheck, selfcheck.api; "
        "print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    loaded = set(json.loads(done.stdout))
    forbidden = {
        "argparse", "typing", "selfcheck.cli", "email", "subprocess", "mkdocs", "jinja2",
        "js", "pyodide", "sitebuild", "urllib.request", "socket", "http.client", "locale",
    }
    assert loaded & forbidden == set()


def test_main_module_only_calls_the_cli() -> None:
    """__main__ is a one-line adapter to cli.main()."""
    source = (ROOT / "src" / "selfcheck" / "__main__.py").read_text(encoding="utf-8")
    code = [line for line in source.splitlines() if line and not line.startswith(('"""', "#"))]
    assert code == ["from selfcheck.cli import main", "raise SystemExit(main())"]
