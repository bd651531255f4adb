"""The progress summary: sessions per week against the plan, HDSS first v latest and its
trend, side-effect counts, and the prompts the evidence supports.

Pure: the same diary and the same day always give the same summary, in CPython and in
Pyodide. It never suggests a different current or schedule (``wording.NEVER_CHANGE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from diary import plans, wording
from diary.model import Diary, Score, SideEffect
from diary.wording import HDSS_QUESTION

MONTH_DAYS = 28
"""Four weeks: "no change after 1 month" [HWE], [PC-path]; also the least time between
the first and latest scores before the summary names a direction at all."""
SESSIONS_BEFORE_JUDGING = 4
"""At least four sessions before any change is expected [HUK-TO]."""
STILL_SEVERE_DAYS = 91
"""13 weeks: the 3 to 6 month check-point for self-management [HWE] (section 18d)."""
STILL_SEVERE_SCORE = 4


class Status(StrEnum):
    """Where a planned day stands on the day of the summary."""

    DONE = "done"
    DUE = "due"
    NOT_RECORDED = "not_recorded"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class PlannedDay:
    day: date
    status: Status

    def to_json(self) -> dict[str, object]:
        return {"date": self.day.isoformat(), "status": self.status.value}


@dataclass(frozen=True)
class Week:
    number: int
    start: date
    planned: int
    done: int

    def to_json(self) -> dict[str, object]:
        return {"week": self.number, "start": self.start.isoformat(), "planned": self.planned, "done": self.done}


@dataclass(frozen=True)
class Trend:
    first: Score | None
    latest: Score | None
    key: str
    """"not_enough", "too_early", "lower", "same" or "higher"."""

    @property
    def change(self) -> int | None:
        if self.first and self.latest and self.first != self.latest:
            return self.latest.score - self.first.score
        return None

    @property
    def text(self) -> str:
        return {
            "not_enough": wording.TREND_NOT_ENOUGH, "too_early": wording.TREND_TOO_EARLY,
            "lower": wording.TREND_LOWER, "same": wording.TREND_SAME, "higher": wording.TREND_HIGHER,
        }[self.key]

    def to_json(self) -> dict[str, object]:
        return {
            "first": self.first.to_json() if self.first else None,
            "latest": self.latest.to_json() if self.latest and self.latest != self.first else None,
            "change": self.change,
            "trend": self.key,
            "text": self.text,
        }


@dataclass(frozen=True)
class Summary:
    made_on: date
    diary: Diary
    planned: tuple[PlannedDay, ...]
    weeks: tuple[Week, ...]
    trend: Trend
    side_effects: tuple[tuple[SideEffect, int], ...]
    prompts: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        sessions, plan = self.diary.sessions, self.diary.plan
        due = [p for p in self.planned if p.day <= self.made_on]
        return {
            "made_on": self.made_on.isoformat(),
            "title": wording.SUMMARY_TITLE,
            "intro": wording.SUMMARY_INTRO,
            "sessions": {
                "count": len(sessions),
                "first": sessions[0].day.isoformat() if sessions else None,
                "last": sessions[-1].day.isoformat() if sessions else None,
                "text": None if sessions else wording.NO_SESSIONS,
            },
            "plan": None if plan is None else {
                "label": _plan_label(plan.schedule),
                "sources": list(plans.schedule(plan.schedule).sources) if plan.schedule else [],
                "planned": len(self.planned),
                "planned_to_date": len(due),
                "done_to_date": sum(p.status == Status.DONE for p in due),
                "days": [p.to_json() for p in self.planned],
            },
            "weeks": [w.to_json() for w in self.weeks],
            "hdss": {
                **self.trend.to_json(),
                "question": HDSS_QUESTION.text,
                "scores": [s.to_json() for s in self.diary.scores],
                "labels": {str(o.value): o.short for o in HDSS_QUESTION.options},
                "limit": wording.HDSS_LIMIT,
                "limit_sources": list(wording.HDSS_LIMIT_SOURCES),
                "credit": wording.HDSS_SOURCE,
            },
            "side_effects": [
                {"id": effect.value, "label": wording.SIDE_EFFECT_LABELS[effect], "sessions": count}
                for effect, count in self.side_effects
            ],
            "prompts": [
                {"id": key, "heading": wording.PROMPTS[key].heading, "lines": list(wording.PROMPTS[key].lines),
                 "sources": list(wording.PROMPTS[key].sources)}
                for key in self.prompts
            ],
            "never_change": wording.NEVER_CHANGE,
        }


def _plan_label(schedule_id: str | None) -> str:
    return plans.schedule(schedule_id).label if schedule_id else wording.PLAN_CLINIC_LABEL


def _planned(diary: Diary, today: date) -> tuple[PlannedDay, ...]:
    if diary.plan is None:
        return ()
    done_days = {s.day for s in diary.sessions}
    days = []
    for day in diary.plan.dates:
        if day in done_days:
            status = Status.DONE
        elif day == today:
            status = Status.DUE
        elif day < today:
            status = Status.NOT_RECORDED
        else:
            status = Status.UPCOMING
        days.append(PlannedDay(day, status))
    return tuple(days)


def _weeks(diary: Diary) -> tuple[Week, ...]:
    """Weeks counted from the plan's start, or from the first session without a plan."""
    planned = diary.plan.dates if diary.plan else ()
    days = [s.day for s in diary.sessions] + list(planned)
    if not days:
        return ()
    start = diary.plan.start if diary.plan and diary.plan.start else min(days)
    start = min(start, *days)
    count = (max(days) - start).days // 7 + 1
    done, plan = [0] * count, [0] * count
    for session in diary.sessions:
        done[(session.day - start).days // 7] += 1
    for day in planned:
        plan[(day - start).days // 7] += 1
    return tuple(Week(n + 1, start + timedelta(weeks=n), plan[n], done[n]) for n in range(count))


def _trend(scores: tuple[Score, ...]) -> Trend:
    if len(scores) < 2:
        return Trend(scores[0] if scores else None, None, "not_enough")
    first, latest = scores[0], scores[-1]
    if (latest.day - first.day).days < MONTH_DAYS:
        key = "too_early"
    else:
        key = "lower" if latest.score < first.score else "same" if latest.score == first.score else "higher"
    return Trend(first, latest, key)


def _prompts(diary: Diary, trend: Trend) -> tuple[str, ...]:
    found: set[str] = set()
    effects = {e for s in diary.sessions for e in s.side_effects}
    if effects & {SideEffect.BLISTERS, SideEffect.BURN}:
        found.add("blister_or_burn")
    if SideEffect.SHOCK in effects:
        found.add("shock")
    first, latest = trend.first, trend.latest
    if first and latest and trend.key in ("same", "higher"):
        between = sum(first.day <= s.day <= latest.day for s in diary.sessions)
        if between >= SESSIONS_BEFORE_JUDGING:
            found.add("no_change_after_a_month")
    if (
        latest and latest.score >= STILL_SEVERE_SCORE and diary.sessions
        and (latest.day - diary.sessions[0].day).days >= STILL_SEVERE_DAYS
    ):
        found.add("still_4_after_3_months")
    return tuple(key for key in wording.PROMPT_ORDER if key in found)


def build_summary(diary: Diary, today: date) -> Summary:
    trend = _trend(diary.scores)
    counts = dict.fromkeys(SideEffect, 0)
    for session in diary.sessions:
        for effect in session.side_effects:
            counts[effect] += 1
    return Summary(
        made_on=today,
        diary=diary,
        planned=_planned(diary, today),
        weeks=_weeks(diary),
        trend=trend,
        side_effects=tuple(counts.items()),
        prompts=_prompts(diary, trend),
    )

