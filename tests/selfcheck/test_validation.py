"""Strict validation: one plain-English problem per question, in question order."""

from __future__ import annotations

import pytest
from sc_helpers import clear_answers, without

from selfcheck import QUESTION_IDS, QUESTION_SET_VERSION, InvalidAnswers, evaluate, question, validate


def problems(answers: object) -> list[tuple[str | None, str]]:
    with pytest.raises(InvalidAnswers) as caught:
        evaluate(answers)
    return [(p.question, p.problem) for p in caught.value.problems]


def only_problem_for(qid: str, value: object) -> str:
    found = problems(clear_answers(**{qid: value}))
    assert [q for q, _ in found] == [qid]
    return found[0][1]


class TestWholeInput:
    @pytest.mark.parametrize("value", [None, [], ["age"], "yes", 3, 2.5, True])
    def test_non_object_input_is_one_problem_without_a_question(self, value: object) -> None:
        """Input that is not an object gives one problem with question None."""
        (found,) = problems(value)
        assert found[0] is None
        assert "must be a JSON object" in found[1]

    def test_empty_object_lists_every_question_as_missing(self) -> None:
        """An empty object gives one "missing" problem per question, in question order."""
        found = problems({})
        assert [q for q, _ in found] == list(QUESTION_IDS)
        assert found[0][1] == question("age").error + "."

    def test_valid_answers_pass(self) -> None:
        """A complete answer set validates to one answer per question, in order."""
        assert [a.question for a in validate(clear_answers())] == list(QUESTION_IDS)


class TestMissingAndUnknown:
    @pytest.mark.parametrize("qid", QUESTION_IDS)
    def test_missing_answer_uses_the_question_error_message(self, qid: str) -> None:
        """A missing answer gives that question's own error message."""
        assert problems(without(clear_answers(), qid)) == [(qid, question(qid).error + ".")]

    def test_unknown_question_id(self) -> None:
        """An unknown id is a problem named after that id."""
        assert problems(clear_answers(pacemakers="no")) == [
            ("pacemakers", f'"pacemakers" is not a question in this check (question set {QUESTION_SET_VERSION}).')
        ]

    def test_unknown_ids_come_after_known_questions_in_input_order(self) -> None:
        """Problems follow question order, then unknown ids in the order given."""
        answers = {"zzz": 1, **without(clear_answers(), "hdss", "age"), "aaa": 2}
        assert [q for q, _ in problems(answers)] == ["age", "hdss", "zzz", "aaa"]

    def test_non_string_key_from_python_is_unknown(self) -> None:
        """A non-string key (possible from Python, not JSON) is reported, not ignored."""
        found = problems({**clear_answers(), 7: "yes"})
        assert found[0][0] == "7"

    def test_repeated_question_is_one_problem(self) -> None:
        """A question named as repeated gets one problem, whatever its value."""
        with pytest.raises(InvalidAnswers) as caught:
            validate(clear_answers(age="forty"), repeated=("age",))
        (problem,) = caught.value.problems
        assert problem.question == "age" and "only once" in problem.problem


class TestYesNo:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (True, "not true."), (False, "not false."), (None, "not null."), ("Yes", 'not "Yes".'),
            ("maybe", 'not "maybe".'), ("", 'not "".'), (1, "not 1."), (0.0, "not 0.0."),
            (["yes"], "not a list."), ({"a": 1}, "not an object."), ("not sure", 'not "not sure".'),
        ],
    )
    def test_only_the_three_strings_are_accepted(self, value: object, shown: str) -> None:
        """Booleans, other strings, numbers, lists and objects are rejected, saying what was given."""
        message = only_problem_for("pacemaker", value)
        assert message == f'Answer with "yes", "no" or "not_sure", {shown}'

    def test_long_text_is_shortened_in_the_message(self) -> None:
        """A very long wrong answer is cut short in the problem text."""
        assert "…" in only_problem_for("fever", "x" * 500)
        assert len(only_problem_for("fever", "x" * 500)) < 120


class TestAge:
    @pytest.mark.parametrize("value", [-1, 121, 1000, 34.0, 34.5, "34", True, False, None, [34]])
    def test_rejected_ages(self, value: object) -> None:
        """Out-of-range ages, floats (even 34.0), text and booleans are rejected."""
        assert only_problem_for("age", value).startswith("Enter the age as a whole number from 0 to 120, not ")

    @pytest.mark.parametrize("value", [0, 120])
    def test_range_ends_are_accepted(self, value: int) -> None:
        """0 and 120 are valid ages."""
        assert evaluate(clear_answers(age=value)).answer("age") == value


class TestHdss:
    @pytest.mark.parametrize("value", [0, 5, -1, 2.0, "3", True, None])
    def test_rejected_scores(self, value: object) -> None:
        """Scores outside 1 to 4, floats, text and booleans are rejected (True is not 1)."""
        assert only_problem_for("hdss", value).startswith("Give the score as a whole number from 1 to 4, not ")


class TestAreas:
    def test_empty_list(self) -> None:
        """An empty list of areas is rejected."""
        assert only_problem_for("areas", []) == 'Select at least one area: "hands", "feet", "underarms" or "other".'

    def test_duplicate_area(self) -> None:
        """An area listed twice is rejected."""
        assert only_problem_for("areas", ["hands", "feet", "hands"]) == (
            'List each area only once: "hands" appears more than once.'
        )

    @pytest.mark.parametrize(
        ("item", "shown"), [("knees", '"knees"'), ("Hands", '"Hands"'), (1, "1"), (None, "null"), (True, "true")]
    )
    def test_unknown_area(self, item: object, shown: str) -> None:
        """An area that is not one of the four values is rejected, saying what was given."""
        assert only_problem_for("areas", ["hands", item]) == (
            f'Each area must be "hands", "feet", "underarms" or "other", not {shown}.'
        )

    @pytest.mark.parametrize("value", ["hands", None, {"hands": True}, ("hands",), 1])
    def test_areas_must_be_a_list(self, value: object) -> None:
        """A single string, null, an object or a tuple is not a list of areas."""
        assert only_problem_for("areas", value).startswith("Give the areas as a list")


class TestManyProblems:
    def test_one_problem_per_question_in_question_order(self) -> None:
        """Several bad answers give one problem each, in question order."""
        answers = clear_answers(hdss=9, age="forty", pacemaker=True, areas=[])
        answers["unknown"] = "yes"
        del answers["fever"]
        assert [q for q, _ in problems(answers)] == ["age", "areas", "pacemaker", "fever", "hdss", "unknown"]

    def test_exception_message_and_json(self) -> None:
        """The exception's message is the first problem, and to_json() gives the errors shape."""
        with pytest.raises(InvalidAnswers) as caught:
            evaluate(clear_answers(age=-3, hdss=0))
        assert str(caught.value).endswith("(and 1 more)")
        assert caught.value.to_json() == {"errors": [
            {"question": "age", "problem": "Enter the age as a whole number from 0 to 120, not -3."},
            {"question": "hdss", "problem": "Give the score as a whole number from 1 to 4, not 0."},
        ]}

    def test_invalid_answers_is_a_value_error(self) -> None:
        """Callers that catch ValueError also catch invalid answers."""
        with pytest.raises(ValueError):
            evaluate({})
