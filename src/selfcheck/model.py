"""Value objects shared by the question bank, the rules and the summary.

Everything here is immutable: enums for the fixed vocabularies of the JSON contract
and frozen dataclasses for answers and results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

QUESTION_SET_VERSION = "2026.12"
"""Shown on every page, result and print-out; bump it whenever wording or rules change,
and add the release to ``data/changes.yml`` (the "What changed" page)."""


@dataclass(frozen=True)
class SignOff:
    """A clinical sign-off: who signed what, in which role, and when."""

    who: str
    role: str
    """For example "Clinical Safety Officer"."""
    date: date
    what: str
    """What was signed off, for example "question set 2026.12"."""


class Kind(StrEnum):
    """How a question is answered."""

    YES_NO = "yes_no"
    AGE = "age"
    AREAS = "areas"
    HDSS = "hdss"


class Tier(StrEnum):
    """What a finding means. The order of the members is the order of findings."""

    STOP = "stop"
    DISCUSS = "discuss"
    RED_FLAG = "red_flag"
    ADVICE = "advice"

    @property
    def rank(self) -> int:
        return _TIER_ORDER.index(self)


_TIER_ORDER = tuple(Tier)


class Outcome(StrEnum):
    """The overall result, strictest first."""

    STOP = "stop"
    DISCUSS = "discuss"
    NONE_FOUND = "none_found"

    @property
    def severity(self) -> int:
        """Higher is stricter: none_found 0, discuss 1, stop 2."""
        return {Outcome.NONE_FOUND: 0, Outcome.DISCUSS: 1, Outcome.STOP: 2}[self]


class Band(StrEnum):
    """How the HDSS score is reported: 1 mild, 2 moderate, 3 and 4 severe."""

    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @classmethod
    def for_score(cls, score: int) -> Band:
        if score == 1:
            return cls.MILD
        if score == 2:
            return cls.MODERATE
        return cls.SEVERE


YES = "yes"
NO = "no"
NOT_SURE = "not_sure"
YES_NO_VALUES = (YES, NO, NOT_SURE)

AREA_VALUES = ("hands", "feet", "underarms", "other")

AGE_MIN, AGE_MAX = 0, 120
HDSS_MIN, HDSS_MAX = 1, 4

type AnswerValue = str | int | tuple[str, ...]
"""A validated answer: "yes"/"no"/"not_sure", an age or HDSS score, or a tuple of areas."""


@dataclass(frozen=True)
class Answer:
    """One validated answer, keyed by question id."""

    question: str
    value: AnswerValue

    def to_json(self) -> str | int | list[str]:
        return list(self.value) if isinstance(self.value, tuple) else self.value


@dataclass(frozen=True)
class Severity:
    """The HDSS score and how it is reported."""

    hdss: int
    band: Band

    def to_json(self) -> dict[str, object]:
        return {"hdss": self.hdss, "band": self.band.value}


@dataclass(frozen=True)
class Finding:
    """One answer that needs attention, with the reason and the evidence behind it."""

    question: str
    answer: AnswerValue
    tier: Tier
    reason: str
    sources: tuple[str, ...]
    ask: str
    """A question the patient can ask the doctor (not part of the JSON contract)."""

    def to_json(self) -> dict[str, object]:
        answer = list(self.answer) if isinstance(self.answer, tuple) else self.answer
        return {
            "question": self.question,
            "answer": answer,
            "tier": self.tier.value,
            "reason": self.reason,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Result:
    """The outcome of one evaluation. ``to_json()`` gives the fixed JSON contract."""

    outcome: Outcome
    see_gp_about_sweating: bool
    severity: Severity
    findings: tuple[Finding, ...]
    answers: tuple[Answer, ...]
    """Every validated answer, in question order (not part of the JSON contract)."""
    question_set_version: str = QUESTION_SET_VERSION

    def findings_with(self, tier: Tier) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.tier is tier)

    def answer(self, question: str) -> AnswerValue:
        for item in self.answers:
            if item.question == question:
                return item.value
        raise KeyError(question)

    def to_json(self) -> dict[str, object]:
        return {
            "question_set_version": self.question_set_version,
            "outcome": self.outcome.value,
            "see_gp_about_sweating": self.see_gp_about_sweating,
            "severity": self.severity.to_json(),
            "findings": [f.to_json() for f in self.findings],
        }
