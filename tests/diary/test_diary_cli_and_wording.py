"""The command line, the one HDSS source, the plain-English rules and the browser's stdlib."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from diary_helpers import SCENARIOS, diary_text

from diary import api, wording
from selfcheck.bank import question

SRC = Path(__file__).resolve().parents[2] / "src"


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diary", *args], input=stdin.encode(), capture_output=True,
                          env={"PYTHONPATH": str(SRC)})


def test_cli_summary_is_the_api_json_from_stdin_and_file(tmp_path: Path) -> None:
    scenario = SCENARIOS[2]
    text = diary_text(scenario["diary"])
    done = _run(["summary", "-", "--date", scenario["today"]], text)
    assert done.returncode == 0
    assert done.stdout.decode() == api.summary_json(text, scenario["today"])
    path = tmp_path / "diary.json"
    path.write_text(text)
    assert _run(["summary", str(path), "--date", scenario["today"]]).stdout == done.stdout


def test_cli_exits_2_with_errors_json_for_a_bad_diary() -> None:
    done = _run(["summary", "-"], '{"schema": "iontophoresis-diary", "version": 2, "hdss": [{"date": "x", "score": 9}]}')
    assert done.returncode == 2
    assert json.loads(done.stdout)["errors"][0]["problem"] == wording.FILE_HAS_ERRORS


def test_cli_exits_1_for_an_unreadable_file(tmp_path: Path) -> None:
    assert _run(["csv", str(tmp_path / "missing.json")]).returncode == 1


def test_cli_writes_a_lone_surrogate_in_a_note_as_its_escape_not_a_traceback() -> None:
    text = diary_text(SCENARIOS[2]["diary"])
    data = json.loads(text)
    data["sessions"][0]["note"] = "\ud800"
    done = _run(["csv", "-"], json.dumps(data))
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"\\ud800" in done.stdout


def test_hdss_wording_is_the_self_checks_own() -> None:
    hdss = question("hdss")
    assert wording.HDSS_TEXT is hdss.text and wording.HDSS_OPTIONS is hdss.options
    summary = json.loads(api.summary_json(diary_text(SCENARIOS[1]["diary"]), "2026-04-10"))
    assert summary["hdss"]["labels"] == {str(o.value): o.short for o in hdss.options}


def _texts() -> list[tuple[str, str]]:
    found = []
    for name, value in vars(wording).items():
        if not name.isupper() or name.startswith("HDSS_"):
            continue
        items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, str):
                found.append((name, item))
            elif hasattr(item, "__dataclass_fields__"):
                for field in item.__dataclass_fields__:
                    part = getattr(item, field)
                    found += [(name, t) for t in (part if isinstance(part, tuple) else (part,)) if isinstance(t, str)]
    return found


def test_wording_follows_the_plain_english_rules() -> None:
    texts = _texts()
    assert len(texts) > 60
    for name, text in texts:
        for sentence in re.split(r"(?<=[.?!:])\s+", text):
            assert len(sentence.split()) <= 20, (name, sentence)
        assert not re.search(r"\b(should|please)\b", text, re.I), (name, text)
        assert not re.search(r"\b\w+n't\b|\b(I'm|it's|you're|don't)\b", text), (name, text)


def test_the_engine_imports_only_modules_the_browsers_trimmed_stdlib_has() -> None:
    """The browser's standard library is trimmed to what the self-check loads; the diary
    must not need more (the browser parity test proves it end to end)."""
    allowed = {"__future__", "collections", "collections.abc", "dataclasses", "datetime", "enum", "json", "re",
               "diary", "selfcheck"}
    browser_modules = [p for p in (SRC / "diary").glob("*.py") if p.name not in ("cli.py", "__main__.py")]
    for path in browser_modules:
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] in allowed or name in allowed, (path.name, name)
