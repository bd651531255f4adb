"""The diary's value objects: sessions, weekly HDSS scores, the plan and the diary itself.

Everything is immutable. Dates are ``datetime.date``; the current is kept in tenths of a
milliamp (an ``int``) so that a value typed as 12.5 is stored, compared and written back
exactly, in CPython and in Pyodide alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from selfcheck.model import AREA_VALUES

SCHEMA = "iontophoresis-diary"
"""The ``schema`` field of every diary file: a file without it is not a diary."""
SCHEMA_VERSION = 2
"""Bump it when the file format changes, and add a step to ``diary.migrate``."""

AREAS = AREA_VALUES
"""The body areas, the same values the self-check uses."""

CURRENT_MAX_TENTHS = 500
"""50 mA: a limit on what can be typed, far above any device's range, to catch slips
such as 125 for 12.5. It is not a treatment limit and is never shown as one."""
MINUTES_MIN, MINUTES_MAX = 1, 120
NOTE_MAX = 200
ENTRIES_MAX = 5000
"""More entries than 10 years of daily sessions: a larger file is refused unread."""


class SideEffect(StrEnum):
    """The fixed list of side effects a session can record, in the order shown."""

    TINGLING = "tingling"
    ITCHING = "itching"
    REDNESS = "redness"
    DRY_SKIN = "dry_skin"
    BLISTERS = "blisters"
    BURN = "burn"
    SHOCK = "shock"


class PlanKind(StrEnum):
    """Where the planned dates come from: a published schedule, or the clinic's own dates."""

    SCHEDULE = "schedule"
    CLINIC = "clinic"


@dataclass(frozen=True)
class Session:
    """One treatment session as the patient recorded it."""

    day: date
    areas: tuple[str, ...]
    current_tenths: int
    minutes: int
    polarity_changed: bool
    side_effects: tuple[SideEffect, ...]
    note: str = ""

    @property
    def current_ma(self) -> int | float:
        """The current in mA: a whole number when it is one, so files read naturally."""
        whole, tenths = divmod(self.current_tenths, 10)
        return whole if tenths == 0 else self.current_tenths / 10

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "areas": list(self.areas),
            "current_ma": self.current_ma,
            "minutes": self.minutes,
            "polarity_changed": self.polarity_changed,
            "side_effects": [effect.value for effect in self.side_effects],
            "note": self.note,
        }


@dataclass(frozen=True)
class Score:
    """One weekly HDSS score (1 to 4)."""

    day: date
    score: int

    def to_json(self) -> dict[str, object]:
        return {"date": self.day.isoformat(), "score": self.score}


@dataclass(frozen=True)
class Plan:
    """The course the patient chose: a published schedule from a start date, or clinic dates."""

    kind: PlanKind
    schedule: str | None
    """The id of a published schedule (``diary.plans``); None for clinic dates."""
    start: date | None
    dates: tuple[date, ...]
    """The planned dates, worked out once from the schedule or typed from the clinic."""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "schedule": self.schedule,
            "start": self.start.isoformat() if self.start else None,
            "dates": [d.isoformat() for d in self.dates],
        }


@dataclass(frozen=True)
class Diary:
    """The whole diary. Entries are kept in date order (sessions on one day in the order added)."""

    sessions: tuple[Session, ...] = ()
    scores: tuple[Score, ...] = ()
    plan: Plan | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "plan": self.plan.to_json() if self.plan else None,
            "sessions": [s.to_json() for s in self.sessions],
            "hdss": [s.to_json() for s in self.scores],
        }
