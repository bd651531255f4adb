"""Hardened edges of the engine's input and output (issue 13, review findings F5-F7 and
the surviving mutants of the reliability review's mutation run)."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sc_helpers import clear_answers, to_text
from test_cli import assert_no_traceback, run

from selfcheck import QUESTIONS, api, bank, build_summary, cli, evaluate, wording
from selfcheck.errors import InvalidDate


def cli_in_process(stdin: bytes, *args: str) -> tuple[int, bytes]:
    """``python -m selfcheck evaluate -`` run in this interpreter (fast enough to fuzz)."""
    out = io.BytesIO()
    real_in, real_out = sys.stdin, sys.stdout
    sys.stdin = SimpleNamespace(buffer=io.BytesIO(stdin))  # type: ignore[assignment]
    sys.stdout = SimpleNamespace(buffer=out, flush=lambda: None)  # type: ignore[assignment]
    try:
        code = cli.main(["evaluate", *args, "-"])
    finally:
        sys.stdin, sys.stdout = real_in, real_out
    return code, out.getvalue()


def assert_errors_json(code: int, out: bytes) -> list[dict]:
    assert code == cli.EXIT_INVALID
    errors = json.loads(out.decode("utf-8"))["errors"]
    assert errors and all(set(e) == {"question", "problem"} for e in errors)
    return errors


# Text that looks like answers, with the characters that break naive code.
_NASTY = st.lists(st.sampled_from([*list('{}[]",:\\ 0123456789.eE-+tfnul'), "\\ud800", "\\udc80", "\u202e", "\x00"])).map("".join)
_ALMOST_JSON = st.one_of(
    st.binary(max_size=200),
    _NASTY.map(lambda t: t.encode("utf-8")),
    st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8)),
                    max_size=5).map(lambda d: json.dumps(d).encode()),
    st.text(max_size=6).map(lambda t: ('{"age": 34, "' + t + '": "\\ud83d"}').encode()),
)


class TestGarbageGivesErrorsJson:
    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(raw=_ALMOST_JSON)
    def test_fuzzed_stdin(self, raw: bytes) -> None:
        """Any garbage on stdin: exit 2 and the errors JSON, in UTF-8, never an exception."""
        assert_errors_json(*cli_in_process(raw))

    @pytest.mark.parametrize("raw", [
        b'{"\\ud800": 1}',
        b'{"pregnant": "\\udc80"}',
        b'{"areas": ["\\ud83d"]}',
    ])
    def test_lone_surrogates_in_a_real_process(self, raw: bytes) -> None:
        """F5: once crashed with UnicodeEncodeError; now exit 2 with the errors JSON."""
        done = run("evaluate", "-", stdin=raw)
        assert_no_traceback(done)
        errors = assert_errors_json(done.returncode, done.stdout)
        assert any("\ud800" in e["problem"] or "\udc80" in e["problem"] or "\ud83d" in e["problem"] for e in errors)
        text = run("evaluate", "--format", "text", "-", stdin=raw)
        assert_no_traceback(text)
        assert text.returncode == 2 and text.stdout.decode("utf-8").startswith("There is a problem")

    def test_api_output_is_always_utf8(self) -> None:
        text = api.evaluate_json('{"\\ud800": "\\udfff"}')
        text.encode("utf-8")
        assert json.loads(text)["errors"][-1]["question"] == "\ud800"


class TestShortExcerpts:
    """F7: a problem quotes at most a short excerpt of what was given."""

    def test_a_huge_unknown_key(self) -> None:
        out = api.evaluate_json(json.dumps({**clear_answers(), "a" * 1_000_000: 1}))
        assert len(out) < 1_000
        (problem,) = json.loads(out)["errors"]
        assert problem["question"] == "a" * 40 + "…"

    def test_a_huge_number(self) -> None:
        (problem,) = json.loads(api.evaluate_json(to_text(clear_answers(age=10**4000))))["errors"]
        assert problem["question"] == "age" and len(problem["problem"]) < 120

    def test_many_unknown_keys(self) -> None:
        answers = {**clear_answers(), **{f"k{i}": 1 for i in range(100_000)}}
        errors = json.loads(api.evaluate_json(json.dumps(answers)))["errors"]
        assert [e["question"] for e in errors[:10]] == [f"k{i}" for i in range(10)]
        assert len(errors) == 11 and errors[-1] == {
            "question": None, "problem": "99990 more keys are not questions in this check."}


class TestDates:
    """F6: YYYY-MM-DD only, in the API and the CLI."""

    @pytest.mark.parametrize("text", ["2026-W48-2", "20261124", "2026-11-24T10:00", "2026-02-30", "",
                                      "２０２６-11-24", "2026-11-24\n", "2026-334"])
    def test_refused(self, text: str) -> None:
        with pytest.raises(InvalidDate):
            api.parse_date(text)
        code = run("evaluate", "--date", text, "-", stdin=to_text(clear_answers()).encode())
        assert code.returncode == 2 and b"YYYY-MM-DD" in code.stderr

    def test_accepted(self) -> None:
        assert api.parse_date("2026-11-24") == date(2026, 11, 24)


class TestResultAndSummary:
    """What the page asks for: one evaluation gives the result and its summary."""

    def test_both_from_one_request(self) -> None:
        answers = to_text(clear_answers(braces="not_sure", night_sweats="yes"))
        both = json.loads(api.result_and_summary_json(answers, "2026-11-24"))
        assert both == {
            "result": json.loads(api.evaluate_json(answers)),
            "summary_html": api.summary_html(answers, "2026-11-24"),
        }

    def test_invalid_answers_give_the_errors_json(self) -> None:
        assert api.result_and_summary_json("{}", "2026-11-24") == api.evaluate_json("{}")

    def test_a_bad_date_is_a_fault_not_a_result(self) -> None:
        with pytest.raises(InvalidDate):
            api.result_and_summary_json(to_text(clear_answers()), "2026-W48-2")


class TestNestingGuard:
    """Surviving mutants: the guard must keep counting after a string ends."""

    def test_deep_nesting_after_a_string(self) -> None:
        text = '{"x": "a", "y": ' + "[" * 40 + "]" * 40 + "}"
        assert api.nested_too_deeply(text)
        (problem,) = json.loads(api.evaluate_json(text))["errors"]
        assert problem["problem"] == "The input is not valid JSON: it is nested too deeply."

    def test_escaped_quotes_keep_the_string_open(self) -> None:
        assert not api.nested_too_deeply('{"x": "\\"' + "[" * 40 + '"}')
        assert api.nested_too_deeply('{"x": "\\\\", "y": ' + "[" * 40 + "]" * 40 + "}")

    def test_closing_brackets_lower_the_depth(self) -> None:
        assert not api.nested_too_deeply("[" * 20 + "]" * 20 + "[" * 20 + "]" * 20)
        assert not api.nested_too_deeply("[" * api.MAX_NESTING + "]" * api.MAX_NESTING)
        assert api.nested_too_deeply("[" * (api.MAX_NESTING + 1))


class TestSummaryDetails:
    """Surviving mutants in the GP summary: each of these could vanish unnoticed."""

    ANSWERS = clear_answers(braces="not_sure", weight_loss="yes", hdss=4)

    def summary(self):
        return build_summary(evaluate(self.ANSWERS), date(2026, 11, 24))

    def test_html_findings_carry_reason_and_not_sure_note(self) -> None:
        html = self.summary().to_html()
        for finding in evaluate(self.ANSWERS).findings:
            assert finding.reason in html.replace("&#x27;", "'")
        braces = html.split('data-sc-finding="braces">', 1)[1].split("</li>", 1)[0]
        assert 'sc-finding--not-sure" data-sc-finding="braces"' in html
        assert f"({wording.NOT_SURE_NOTE})" in braces

    def test_html_answer_rows_mark_not_sure_and_flagged(self) -> None:
        html = self.summary().to_html()
        rows = {row.split("<dt>", 1)[1].split("</dt>", 1)[0]: row
                for row in html.split('<div class="sc-answers__row')[1:]}
        label = {q.id: q.label for q in QUESTIONS}
        braces, weight, pregnant = rows[label["braces"]], rows[label["weight_loss"]], rows[label["pregnant"]]
        assert braces.startswith(' sc-answers__row--flagged sc-answers__row--not-sure"')
        assert f"({wording.NOT_SURE_NOTE})" in braces
        assert weight.startswith(' sc-answers__row--flagged"')
        assert pregnant.startswith('">') and wording.NOT_SURE_NOTE not in pregnant

    def test_hdss_credit(self) -> None:
        assert f"Scale: {wording.HDSS_CREDIT}" in self.summary().to_html().replace("&#x27;", "'")
        assert wording.HDSS_CREDIT in self.summary().to_text()

    def test_text_lists_every_answer_in_words(self) -> None:
        summary = self.summary()
        text = summary.to_text()
        assert "None" not in text
        answers = text.split(summary.answers_heading.upper(), 1)[1]
        for q in QUESTIONS:
            line = next(line for line in answers.splitlines() if line.startswith(f"- {q.label}: "))
            assert line.split(": ", 1)[1].strip(), q.id
        assert f"- {next(q.label for q in QUESTIONS if q.id == 'braces')}: " in answers
        assert f"({wording.NOT_SURE_NOTE})" in answers
        assert "- Age: 34" in answers


class TestQuestionsJsonKeys:
    """Surviving mutants: the keys of `python -m selfcheck questions`, spelt out once here
    (the CLI test compares the CLI with the same code, so it cannot see a renamed key)."""

    def test_keys(self) -> None:
        data = json.loads(api.questions_json())
        assert set(data) == {"question_set_version", "issued", "limits", "parts", "questions"}
        assert data["limits"] == {"age": [0, 120], "hdss": [1, 4]}
        assert set(data["parts"][0]) == {"id", "letter", "title", "intro", "questions"}
        question = data["questions"][2]
        assert set(question) == {"id", "kind", "part", "label", "text", "hint", "error", "options", "rules", "sources"}
        assert set(question["options"][0]) == {"value", "label", "short"}
        assert set(question["rules"][0]) == {"tier", "when", "answers", "reason", "ask", "sources"}
        assert question["rules"][0]["tier"] == bank.QUESTIONS[2].rules[0].tier.value
