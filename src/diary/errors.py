"""Errors the diary raises on purpose.

Each ``Problem`` names the field it is about (``"current_ma"`` on a form,
``"sessions.3.current_ma"`` in a file, None for the file as a whole) and says what is
wrong in the words of ``diary.wording``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str | None
    problem: str

    def to_json(self) -> dict[str, object]:
        return {"field": self.field, "problem": self.problem}


class InvalidDiary(ValueError):
    """A diary, an entry or a plan breaks the rules. ``problems`` lists what is wrong."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.problems[0].problem if self.problems else "no detail")

    def to_json(self) -> dict[str, object]:
        return {"errors": [p.to_json() for p in self.problems]}
