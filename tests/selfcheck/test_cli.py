"""The command line, run as a real subprocess: ``python -m selfcheck``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sc_helpers import clear_answers, to_text

from selfcheck.api import evaluate_json, questions_json
from sitebuild.paths import ROOT


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "selfcheck", *args], input=stdin, capture_output=True, env=env, timeout=60
    )


def assert_no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(to_text(clear_answers(pacemaker="not_sure", weight_loss="yes")), encoding="utf-8")
    return path


class TestEvaluate:
    def test_file_gives_the_result_json_and_exit_0(self, answers_file: Path) -> None:
        """Valid answers in a file print the result JSON, byte for byte what the API gives, and exit 0."""
        done = run("evaluate", str(answers_file))
        assert done.returncode == 0
        assert done.stdout == evaluate_json(answers_file.read_text(encoding="utf-8")).encode("utf-8")
        assert json.loads(done.stdout)["outcome"] == "stop"
        assert done.stderr == b""

    def test_stdin_with_dash(self) -> None:
        """"-" reads the answers from standard input."""
        text = to_text(clear_answers())
        done = run("evaluate", "-", stdin=text.encode())
        assert done.returncode == 0
        assert done.stdout.decode("utf-8") == evaluate_json(text)

    def test_invalid_answers_give_the_errors_json_and_exit_2(self) -> None:
        """Invalid answers print the errors JSON, byte for byte what the API gives, and exit 2."""
        text = to_text({"age": "forty", "pacemaker": True, "unknown": "yes"})
        done = run("evaluate", "-", stdin=text.encode())
        assert done.returncode == 2
        assert done.stdout.decode("utf-8") == evaluate_json(text)
        assert "errors" in json.loads(done.stdout)

    @pytest.mark.parametrize("raw", [b"", b"{", b"not json", b"[1, 2]", b'{"age": NaN}'])
    def test_bad_json_gives_errors_and_exit_2(self, raw: bytes) -> None:
        """Text that is not a JSON object gives one problem with question null, exit 2, no traceback."""
        done = run("evaluate", "-", stdin=raw)
        assert done.returncode == 2
        assert_no_traceback(done)
        (error,) = json.loads(done.stdout)["errors"]
        assert error["question"] is None

    def test_text_that_is_not_utf8_gives_errors_and_exit_2(self) -> None:
        """Bytes that are not UTF-8 give one problem, exit 2."""
        done = run("evaluate", "-", stdin=b'{"age": "\xff"}')
        assert done.returncode == 2
        assert json.loads(done.stdout) == {"errors": [{"question": None, "problem": "The input is not UTF-8 text."}]}

    def test_a_byte_order_mark_is_accepted(self) -> None:
        """A UTF-8 file that starts with a byte order mark is read normally."""
        done = run("evaluate", "-", stdin=b"\xef\xbb\xbf" + to_text(clear_answers()).encode())
        assert done.returncode == 0

    def test_missing_file_exits_1_with_a_message(self, tmp_path: Path) -> None:
        """A file that cannot be read gives a one-line message on stderr and exit 1."""
        done = run("evaluate", str(tmp_path / "nope.json"))
        assert done.returncode == 1
        assert_no_traceback(done)
        assert done.stdout == b""
        assert b"cannot read" in done.stderr

    def test_directory_instead_of_file_exits_1(self, tmp_path: Path) -> None:
        """A directory given as FILE is reported, not a traceback."""
        done = run("evaluate", str(tmp_path))
        assert done.returncode == 1
        assert_no_traceback(done)


class TestTextFormat:
    def test_text_summary(self, answers_file: Path) -> None:
        """--format text prints the GP summary as plain text, dated with --date."""
        done = run("evaluate", str(answers_file), "--format", "text", "--date", "2026-11-24")
        assert done.returncode == 0
        out = done.stdout.decode("utf-8")
        assert out.startswith("Tap-water iontophoresis: questions to discuss with a GP\n")
        assert "Based on answers given on 24 November 2026." in out
        assert "Not sure (counted as a reason to check)" in out

    def test_text_summary_defaults_to_today(self, answers_file: Path) -> None:
        """Without --date the summary is dated today."""
        done = run("evaluate", str(answers_file), "--format", "text")
        assert done.returncode == 0 and b"Based on answers given on " in done.stdout

    def test_text_problems(self) -> None:
        """--format text lists problems in words and exits 2."""
        done = run("evaluate", "-", "--format", "text", stdin=b'{"age": 3}')
        assert done.returncode == 2
        assert done.stdout.startswith(b"There is a problem with the answers:\n- areas: ")

    def test_text_problem_for_the_whole_input(self) -> None:
        """A problem with the whole input is labelled "input"."""
        done = run("evaluate", "-", "--format", "text", stdin=b"[]")
        assert done.returncode == 2
        assert b"- input: The answers must be a JSON object" in done.stdout


class TestQuestions:
    def test_questions_prints_the_bank(self) -> None:
        """"questions" prints the bank as JSON and exits 0."""
        done = run("questions")
        assert done.returncode == 0
        assert done.stdout.decode("utf-8") == questions_json()


class TestArguments:
    @pytest.mark.parametrize(
        "args",
        [
            (), ("nonsense",), ("evaluate",),
            ("evaluate", "-", "--format", "xml"), ("evaluate", "-", "--date", "24/11/2026"),
        ],
    )
    def test_bad_arguments_exit_2_with_usage(self, args: tuple[str, ...]) -> None:
        """Bad arguments print usage on stderr and exit 2, without a traceback."""
        done = run(*args)
        assert done.returncode == 2
        assert_no_traceback(done)
        assert b"usage:" in done.stderr

    def test_help(self) -> None:
        """--help describes the commands and exits 0."""
        done = run("--help")
        assert done.returncode == 0
        assert b"evaluate" in done.stdout and b"questions" in done.stdout
