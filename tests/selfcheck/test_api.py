"""The string-in, string-out API used by the browser worker."""

from __future__ import annotations

import json

import pytest
from sc_helpers import clear_answers, to_text

from selfcheck import QUESTION_SET_VERSION, QUESTIONS, InvalidAnswers, InvalidDate, evaluate
from selfcheck.api import MAX_NESTING, dumps, evaluate_json, questions_json, summary_html, summary_text


def errors_of(text: str) -> list[dict[str, object]]:
    data = json.loads(evaluate_json(text))
    assert list(data) == ["errors"]
    return data["errors"]


class TestEvaluateJson:
    def test_valid_answers_give_the_result_json(self) -> None:
        """Valid answers give exactly Result.to_json(), serialised."""
        answers = clear_answers(pacemaker="not_sure", night_sweats="yes")
        assert json.loads(evaluate_json(to_text(answers))) == evaluate(answers).to_json()

    def test_invalid_answers_give_the_errors_json(self) -> None:
        """Invalid answers give {"errors": [...]} with one entry per question."""
        found = errors_of(to_text({"age": "forty", "pacemaker": True, "unknown": "yes"}))
        assert [e["question"] for e in found][:3] == ["age", "areas", "pregnant"]
        assert found[-1]["question"] == "unknown"
        assert all(set(e) == {"question", "problem"} for e in found)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("", "The input is not valid JSON: Expecting value (line 1, column 1)."),
            ("{", "The input is not valid JSON: "),
            ('{"age": 34,}', "The input is not valid JSON: "),
            ("\ufeff{}", "The input is not valid JSON: "),
            ('{"age": NaN}', "The input is not valid JSON: NaN is not allowed in JSON."),
            ('{"age": Infinity}', "The input is not valid JSON: Infinity is not allowed in JSON."),
            ('{"age": ' + "9" * 5000 + "}", "The input is not valid JSON: "),
            ("[" * 200_000 + "]" * 200_000, "The input is not valid JSON: "),
            ("null", "The answers must be a JSON object"),
            ("[]", "The answers must be a JSON object"),
        ],
    )
    def test_bad_text_is_one_problem_without_a_question(self, text: str, expected: str) -> None:
        """Text that is not a JSON object gives one problem with question null."""
        (error,) = errors_of(text)
        assert error["question"] is None
        assert error["problem"].startswith(expected)

    def test_deep_nesting_is_refused_before_parsing(self) -> None:
        """Brackets nested past the limit are refused without running the recursive parser."""
        (error,) = errors_of("[" * 2000)
        assert error == {"question": None, "problem": "The input is not valid JSON: it is nested too deeply."}

    def test_nesting_up_to_the_limit_reaches_validation(self) -> None:
        """Nesting at the limit is parsed, and validation names the question."""
        nested = "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1)
        found = errors_of('{"areas": ' + nested + "}")
        assert any(e["question"] == "areas" for e in found)

    def test_brackets_inside_strings_do_not_count_as_nesting(self) -> None:
        """A string full of brackets (and escaped quotes) is text, not nesting."""
        found = errors_of('{"age": "\\"' + "[" * 100 + '"}')
        assert all("nested" not in e["problem"] for e in found)

    def test_non_text_input_is_a_problem_not_a_crash(self) -> None:
        """Something other than a string gives the errors JSON."""
        (error,) = errors_of(None)  # type: ignore[arg-type]
        assert error == {"question": None, "problem": "The answers must be given as JSON text."}

    def test_repeated_keys_are_reported(self) -> None:
        """A question given twice in the JSON text is a problem, not silently the last value."""
        text = to_text(clear_answers())[:-1] + ', "age": 3}'
        assert errors_of(text) == [
            {"question": "age", "problem": 'Answer each question only once: "age" appears more than once.'}
        ]

    def test_repeated_keys_inside_a_value_do_not_matter_twice(self) -> None:
        """Repeated keys inside a nested (invalid) value give only that value's problem."""
        text = to_text(clear_answers())[:-1] + ', "fever": {"a": 1, "a": 2}}'
        found = errors_of(text)
        assert [e["question"] for e in found] == ["fever"]

    def test_output_is_the_one_serialiser(self) -> None:
        """The result text is dumps() of the result: indented, UTF-8, ending in a newline."""
        answers = clear_answers(age=12)
        text = evaluate_json(to_text(answers))
        assert text == dumps(evaluate(answers).to_json())
        assert text.endswith("}\n") and text.startswith(f'{{\n  "question_set_version": "{QUESTION_SET_VERSION}"')

    def test_dumps_keeps_non_ascii_text(self) -> None:
        """Non-ASCII text is written as is, not as \\u escapes."""
        assert dumps({"a": "naïve …"}) == '{\n  "a": "naïve …"\n}\n'


class TestSummaryFunctions:
    def test_summary_html_for_valid_answers(self) -> None:
        """summary_html gives the GP summary fragment dated as asked."""
        html = summary_html(to_text(clear_answers(coil="yes")), "2026-11-24")
        assert html.startswith('<article class="sc-summary sc-summary--stop"')
        assert "24 November 2026" in html and "Contraceptive coil" in html

    def test_summary_text_for_valid_answers(self) -> None:
        """summary_text gives the same summary as plain text."""
        text = summary_text(to_text(clear_answers()), "2026-01-05")
        assert "Based on answers given on 5 January 2026." in text

    def test_summary_raises_on_invalid_answers(self) -> None:
        """Invalid answers raise InvalidAnswers rather than giving a summary."""
        with pytest.raises(InvalidAnswers):
            summary_html(to_text({"age": 3}), "2026-11-24")
        with pytest.raises(InvalidAnswers):
            summary_html("not json", "2026-11-24")

    @pytest.mark.parametrize("day", ["2026-02-30", "20261124", "24/11/2026", "2026-11-24T10:00", "", None, 20261124])
    def test_summary_raises_on_a_bad_date(self, day: object) -> None:
        """A date that is not a real YYYY-MM-DD date raises InvalidDate."""
        with pytest.raises(InvalidDate):
            summary_html(to_text(clear_answers()), day)  # type: ignore[arg-type]

    def test_questions_json_is_the_bank(self) -> None:
        """questions_json gives the bank as JSON text."""
        data = json.loads(questions_json())
        assert data["question_set_version"] == QUESTION_SET_VERSION and len(data["questions"]) == len(QUESTIONS)
