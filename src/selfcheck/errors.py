"""Errors raised by the self-check engine.

Hierarchy::

    SelfCheckError (Exception)
    ├── InvalidAnswers (also ValueError)  the answers break the contract; carries .problems
    └── InvalidDate (also ValueError)     a summary date is not an ISO date (YYYY-MM-DD)

Each ``Problem`` names one question (or ``None`` for the input as a whole) and says in
plain English what is wrong. There is at most one problem per question.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong with the answer to one question (``question`` is None for the whole input)."""

    question: str | None
    problem: str

    def to_json(self) -> dict[str, object]:
        return {"question": self.question, "problem": self.problem}


class SelfCheckError(Exception):
    """Base class of every error the engine raises on purpose."""


class InvalidAnswers(SelfCheckError, ValueError):
    """The answers do not follow the contract. ``problems`` lists one problem per question."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0].problem if self.problems else "no detail"
        more = len(self.problems) - 1
        super().__init__(first if more <= 0 else f"{first} (and {more} more)")

    def to_json(self) -> dict[str, object]:
        return {"errors": [p.to_json() for p in self.problems]}


class InvalidDate(SelfCheckError, ValueError):
    """A date for the summary is not a real date written as YYYY-MM-DD."""
