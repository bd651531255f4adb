"""The published schedules a patient can choose (evidence base section 1.3).

Each schedule is data: a label in plain words, how its dates follow from a start date,
and the sources that publish it. Other schedules in the evidence base ("up to 10 over
3 to 4 weeks", "daily during the first phase") give no fixed dates, so they are not
offered; the patient can type their clinic's own dates instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from diary.model import Plan, PlanKind


@dataclass(frozen=True)
class Schedule:
    """A published course of sessions."""

    id: str
    label: str
    sources: tuple[str, ...]
    day_numbers: tuple[int, ...] = ()
    """Fixed day numbers, day 1 being the start date."""
    weekdays: tuple[int, ...] = ()
    """Or: these weekdays (Monday is 0), from the start date on."""
    weeks: int = 0

    def dates_from(self, start: date) -> tuple[date, ...]:
        if self.day_numbers:
            return tuple(start + timedelta(days=n - 1) for n in self.day_numbers)
        end = start + timedelta(weeks=self.weeks)
        days = (start + timedelta(days=n) for n in range((end - start).days))
        return tuple(d for d in days if d.weekday() in self.weekdays)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "label": self.label, "sources": list(self.sources)}


SCHEDULES: tuple[Schedule, ...] = (
    Schedule(
        "seven-sessions-in-3-weeks",
        "7 sessions on days 1, 2, 4, 7, 10, 15 and 22",
        ("HUK-prot", "DBTH"),
        day_numbers=(1, 2, 4, 7, 10, 15, 22),
    ),
    Schedule(
        "three-a-week-for-3-weeks",
        "3 sessions a week for 3 weeks (days 1, 3 and 5 of each week)",
        ("TRFT",),
        day_numbers=(1, 3, 5, 8, 10, 12, 15, 17, 19),
    ),
    Schedule(
        "mon-wed-fri-for-4-weeks",
        "Monday, Wednesday and Friday for 4 weeks",
        ("Siah",),
        weekdays=(0, 2, 4),
        weeks=4,
    ),
)
_BY_ID = {s.id: s for s in SCHEDULES}


def schedule(schedule_id: str) -> Schedule:
    """The schedule with this id (KeyError if there is none)."""
    return _BY_ID[schedule_id]


def plan_from_schedule(schedule_id: str, start: date) -> Plan:
    return Plan(PlanKind.SCHEDULE, schedule_id, start, schedule(schedule_id).dates_from(start))


def clinic_plan(dates: tuple[date, ...]) -> Plan:
    ordered = tuple(sorted(set(dates)))
    return Plan(PlanKind.CLINIC, None, ordered[0] if ordered else None, ordered)
