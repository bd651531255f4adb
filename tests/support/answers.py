"""The one generator of answer sets, derived from the question bank.

A new question needs no edit here: each yes/no question gets the answer that gives
no finding (``Question.clear_answer``, "yes" for the two inverted questions).
"""

from __future__ import annotations

from selfcheck import QUESTIONS, Kind
from selfcheck.model import NOT_SURE

#: The answers to the questions that are not yes/no, for a clear adult.
CLEAR_ADULT = {Kind.AGE: 34, Kind.AREAS: ["hands", "feet"], Kind.HDSS: 2}


def clear_answers(**changes: object) -> dict[str, object]:
    """A complete, valid answer set that gives no finding (an adult, hands and feet, HDSS 2),
    with ``changes`` applied; a change to an unknown id is added at the end."""
    answers: dict[str, object] = {
        q.id: q.clear_answer if q.kind is Kind.YES_NO else CLEAR_ADULT[q.kind] for q in QUESTIONS
    }
    answers.update(changes)
    return answers


def not_sure_to_everything(**changes: object) -> dict[str, object]:
    """A clear adult who answers every yes/no question "I'm not sure", with ``changes`` applied."""
    every = {q.id: NOT_SURE for q in QUESTIONS if q.kind is Kind.YES_NO}
    return clear_answers(**{**every, **changes})


def without(answers: dict[str, object], *ids: str) -> dict[str, object]:
    """A copy of ``answers`` with some questions left out."""
    return {k: v for k, v in answers.items() if k not in ids}
