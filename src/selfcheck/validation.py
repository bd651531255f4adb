"""Strict checking of answers against the question bank.

Nothing is coerced or ignored: every problem is reported, at most one per question, in
question order, followed by unknown question ids in the order they were given.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from selfcheck.bank import QUESTIONS, Question
from selfcheck.errors import InvalidAnswers, Problem
from selfcheck.model import (
    AGE_MAX,
    AGE_MIN,
    AREA_VALUES,
    HDSS_MAX,
    HDSS_MIN,
    QUESTION_SET_VERSION,
    YES_NO_VALUES,
    Answer,
    AnswerValue,
    Kind,
)

_KNOWN = {q.id for q in QUESTIONS}
# Problem messages quote at most a short excerpt of the input: a megabyte of key or a
# thousand-digit age must not come back whole, nor a hundred thousand unknown keys.
_SHOWN_TEXT_MAX = 40
_UNKNOWN_KEYS_LISTED = 10


def excerpt(text: str) -> str:
    """At most ``_SHOWN_TEXT_MAX`` characters of ``text``, then "…"."""
    return text[:_SHOWN_TEXT_MAX] + "…" if len(text) > _SHOWN_TEXT_MAX else text


def _quoted(values: tuple[str, ...]) -> str:
    words = [f'"{v}"' for v in values]
    return ", ".join(words[:-1]) + " or " + words[-1]


def shown(value: object) -> str:
    """A given value described in a few words, for problem messages."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(excerpt(value), ensure_ascii=False)
    if isinstance(value, int):
        return excerpt(str(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a value of type {type(value).__name__}"


def _is_int(value: object) -> bool:
    """True for a real integer: bool is a subclass of int in Python, but not an answer here."""
    return isinstance(value, int) and not isinstance(value, bool)


def _check(question: Question, value: object) -> AnswerValue | Problem:
    qid = question.id
    if question.kind is Kind.YES_NO:
        if isinstance(value, str) and value in YES_NO_VALUES:
            return value
        return Problem(qid, f"Answer with {_quoted(YES_NO_VALUES)}, not {shown(value)}.")
    if question.kind is Kind.AGE:
        if _is_int(value) and AGE_MIN <= value <= AGE_MAX:  # type: ignore[operator]
            return value  # type: ignore[return-value]
        return Problem(
            qid, f"Enter the age as a whole number from {AGE_MIN} to {AGE_MAX}, not {shown(value)}."
        )
    if question.kind is Kind.HDSS:
        if _is_int(value) and HDSS_MIN <= value <= HDSS_MAX:  # type: ignore[operator]
            return value  # type: ignore[return-value]
        return Problem(
            qid, f"Give the score as a whole number from {HDSS_MIN} to {HDSS_MAX}, not {shown(value)}."
        )
    return _check_areas(question, value)


def _check_areas(question: Question, value: object) -> AnswerValue | Problem:
    qid = question.id
    if not isinstance(value, list):
        return Problem(qid, f'Give the areas as a list, such as ["hands", "feet"], not {shown(value)}.')
    if not value:
        return Problem(qid, f"Select at least one area: {_quoted(AREA_VALUES)}.")
    seen: list[str] = []
    for item in value:
        if not (isinstance(item, str) and item in AREA_VALUES):
            return Problem(qid, f"Each area must be {_quoted(AREA_VALUES)}, not {shown(item)}.")
        if item in seen:
            return Problem(qid, f"List each area only once: {shown(item)} appears more than once.")
        seen.append(item)
    return tuple(seen)


def validate(answers: object, *, repeated: Collection[str] = ()) -> tuple[Answer, ...]:
    """Check answers and return them in question order, or raise ``InvalidAnswers``.

    ``repeated`` names question ids that appeared more than once in the input text
    (a JSON parser keeps only the last, so the caller who parsed it must say so).
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswers([Problem(
            None,
            "The answers must be a JSON object that maps each question id to its answer, "
            f"not {shown(answers)}.",
        )])
    problems: list[Problem] = []
    valid: list[Answer] = []
    for question in QUESTIONS:
        if question.id in repeated:
            problems.append(Problem(
                question.id, f'Answer each question only once: "{question.id}" appears more than once.'
            ))
        elif question.id not in answers:
            problems.append(Problem(question.id, question.error + "."))
        else:
            checked = _check(question, answers[question.id])
            if isinstance(checked, Problem):
                problems.append(checked)
            else:
                valid.append(Answer(question.id, checked))
    unknown = [key for key in answers if key not in _KNOWN]
    for key in unknown[:_UNKNOWN_KEYS_LISTED]:
        name = key if isinstance(key, str) else repr(key)
        problems.append(Problem(
            excerpt(name), f"{shown(name)} is not a question in this check "
            f"(question set {QUESTION_SET_VERSION})."
        ))
    if len(unknown) > _UNKNOWN_KEYS_LISTED:
        problems.append(Problem(
            None, f"{len(unknown) - _UNKNOWN_KEYS_LISTED} more keys are not questions in this check."
        ))
    if problems:
        raise InvalidAnswers(problems)
    return tuple(valid)
