"""Strict checking of entries, plans and whole diaries.

Nothing is coerced from a file: a current written as text, a score of 2.0 or an unknown
field is a problem, reported in the words of ``diary.wording``. A form is different: the
page sends what was typed, as text, and ``*_from_form`` reads numbers and yes/no from it.
Every problem is reported, at most one per field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from diary import plans, wording
from diary.errors import InvalidDiary, Problem
from diary.model import (
    AREAS,
    CURRENT_MAX_TENTHS,
    ENTRIES_MAX,
    MINUTES_MAX,
    MINUTES_MIN,
    NOTE_MAX,
    Diary,
    Plan,
    PlanKind,
    Score,
    Session,
    SideEffect,
)
from selfcheck.model import HDSS_MAX, HDSS_MIN

_SESSION_KEYS = ("date", "areas", "current_ma", "minutes", "polarity_changed", "side_effects", "note")
_SCORE_KEYS = ("date", "score")
_PLAN_KEYS = ("kind", "schedule", "start", "dates")
_DECIMAL = re.compile(r"\d{1,3}(\.\d)?")
_WHOLE = re.compile(r"\d{1,3}")
_SIDE_EFFECTS = tuple(SideEffect)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_date(value: object) -> date | None:
    """A real date written exactly as YYYY-MM-DD, or None."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _date(value: object, key: str, today: date | None, problems: list[Problem]) -> date | None:
    field = wording.FIELDS[key]
    if value is None or value == "":
        problems.append(Problem(key, field.missing))
        return None
    day = read_date(value)
    if day is None:
        problems.append(Problem(key, field.invalid))
    elif today is not None and day > today:
        problems.append(Problem(key, wording.FUTURE_DATE.format(label=field.label)))
        return None
    return day


def _choices(
    value: object, allowed: tuple[str, ...], key: str, required: bool, problems: list[Problem]
) -> tuple[str, ...] | None:
    field = wording.FIELDS[key]
    if value is None and required:
        problems.append(Problem(key, field.missing))
        return None
    if (
        not isinstance(value, list)
        or not all(isinstance(v, str) and v in allowed for v in value)
        or len(set(value)) != len(value)
    ):
        problems.append(Problem(key, field.invalid))
        return None
    if required and not value:
        problems.append(Problem(key, field.missing))
        return None
    # Always in the list's order, so the same choices are written the same way.
    return tuple(v for v in allowed if v in value)


def _extra_keys(data: Mapping[str, object], known: tuple[str, ...], where: str, problems: list[Problem]) -> None:
    for key in data:
        if key not in known:
            problems.append(Problem(f"{where}{key}" if where else key, f"{key!r} is not part of a diary entry"))


def _current_tenths(value: object, from_form: bool) -> int | None:
    if from_form:
        if not isinstance(value, str) or not _DECIMAL.fullmatch(value.strip()):
            return None
        whole, _, tenth = value.strip().partition(".")
        tenths = int(whole) * 10 + int(tenth or 0)
    elif _is_int(value):
        tenths = value * 10  # type: ignore[operator]
    # abs() < 1000 also turns away infinity, which JSON can spell as 1e400.
    elif isinstance(value, float) and abs(value) < 1000 and abs(value * 10 - round(value * 10)) < 1e-6:
        tenths = round(value * 10)
    else:
        return None
    return tenths if 0 <= tenths <= CURRENT_MAX_TENTHS else None


def _minutes(value: object, from_form: bool) -> int | None:
    if from_form:
        number = int(value.strip()) if isinstance(value, str) and _WHOLE.fullmatch(value.strip()) else None
    else:
        number = value if _is_int(value) else None  # type: ignore[assignment]
    return number if number is not None and MINUTES_MIN <= number <= MINUTES_MAX else None


def _polarity(value: object, from_form: bool, problems: list[Problem]) -> bool | None:
    field = wording.FIELDS["polarity_changed"]
    if from_form and value in ("yes", "no"):
        return value == "yes"
    if not from_form and isinstance(value, bool):
        return value
    problems.append(Problem("polarity_changed", field.missing if value in (None, "") else field.invalid))
    return None


def check_session(data: object, today: date | None = None, from_form: bool = False) -> Session:
    """A valid session, or ``InvalidDiary`` naming each wrong field."""
    if not isinstance(data, Mapping):
        raise InvalidDiary([Problem(None, "A session must be a JSON object")])
    problems: list[Problem] = []
    _extra_keys(data, _SESSION_KEYS, "", problems)
    day = _date(data.get("date"), "date", today, problems)
    areas = _choices(data.get("areas"), AREAS, "areas", True, problems)
    raw_current = data.get("current_ma")
    tenths = _current_tenths(raw_current, from_form)
    if tenths is None:
        field = wording.FIELDS["current_ma"]
        problems.append(Problem("current_ma", field.missing if raw_current in (None, "") else field.invalid))
    raw_minutes = data.get("minutes")
    minutes = _minutes(raw_minutes, from_form)
    if minutes is None:
        field = wording.FIELDS["minutes"]
        problems.append(Problem("minutes", field.missing if raw_minutes in (None, "") else field.invalid))
    polarity = _polarity(data.get("polarity_changed"), from_form, problems)
    effect_values = tuple(e.value for e in _SIDE_EFFECTS)
    effects = _choices(data.get("side_effects", []), effect_values, "side_effects", False, problems)
    note = data.get("note", "")
    if not isinstance(note, str) or len(note.strip()) > NOTE_MAX:
        problems.append(Problem("note", wording.FIELDS["note"].invalid))
    if problems:
        raise InvalidDiary(problems)
    # Each check above either gave a value or added a problem.
    assert day and areas and tenths is not None and minutes and polarity is not None and isinstance(note, str)
    return Session(
        day=day, areas=areas, current_tenths=tenths, minutes=minutes, polarity_changed=polarity,
        side_effects=tuple(SideEffect(e) for e in effects or ()),
        note=" ".join(note.split()),
    )


def check_score(data: object, today: date | None = None, from_form: bool = False) -> Score:
    """A valid weekly HDSS score, or ``InvalidDiary``."""
    if not isinstance(data, Mapping):
        raise InvalidDiary([Problem(None, "A score must be a JSON object")])
    problems: list[Problem] = []
    _extra_keys(data, _SCORE_KEYS, "", problems)
    day = _date(data.get("date"), "score_date", today, problems)
    raw = data.get("score")
    if from_form and isinstance(raw, str) and raw.isdigit():
        raw = int(raw)
    if not (_is_int(raw) and HDSS_MIN <= raw <= HDSS_MAX):  # type: ignore[operator]
        field = wording.FIELDS["score"]
        problems.append(Problem("score", field.missing if raw in (None, "") else field.invalid))
    if problems:
        raise InvalidDiary([Problem("date" if p.field == "score_date" else p.field, p.problem) for p in problems])
    return Score(day, raw)  # type: ignore[arg-type]


def check_plan(data: object) -> Plan:
    """A valid plan: a published schedule with a start date, or the clinic's dates."""
    if not isinstance(data, Mapping):
        raise InvalidDiary([Problem("plan", "A plan must be a JSON object")])
    problems: list[Problem] = []
    _extra_keys(data, _PLAN_KEYS, "", problems)
    kind = data.get("kind")
    if kind == PlanKind.SCHEDULE.value:
        schedule_id = data.get("schedule")
        start = _date(data.get("start"), "plan_start", None, problems)
        if not isinstance(schedule_id, str) or schedule_id not in {s.id for s in plans.SCHEDULES}:
            problems.append(Problem("schedule", "Select a plan from the list"))
        if problems:
            raise InvalidDiary(problems)
        return plans.plan_from_schedule(schedule_id, start)  # type: ignore[arg-type]
    if kind == PlanKind.CLINIC.value:
        raw = data.get("dates")
        field = wording.FIELDS["plan_dates"]
        if not isinstance(raw, list) or not raw:
            raise InvalidDiary([Problem("plan_dates", field.missing)])
        dates = [read_date(d) for d in raw]
        if any(d is None for d in dates) or len(dates) > ENTRIES_MAX:
            raise InvalidDiary([Problem("plan_dates", field.invalid)])
        return plans.clinic_plan(tuple(dates))  # type: ignore[arg-type]
    raise InvalidDiary([Problem("kind", "Select a plan from the list, or choose your clinic's own dates")])


def _entries[T](data: object, name: str, check: Callable[[object], T], problems: list[Problem]) -> list[T]:
    if not isinstance(data, list):
        problems.append(Problem(name, f"{name!r} must be a list"))
        return []
    found: list[T] = []
    for index, item in enumerate(data):
        try:
            found.append(check(item))
        except InvalidDiary as exc:
            what = "Session" if name == "sessions" else "Score"
            day = item.get("date") if isinstance(item, Mapping) and isinstance(item.get("date"), str) else None
            where = f"{what} {index + 1}" + (f" ({day[:10]})" if day else "")
            problems.extend(
                Problem(f"{name}.{index}.{p.field}" if p.field else f"{name}.{index}", f"{where}: {p.problem}")
                for p in exc.problems
            )
    return found


def check_diary(data: Mapping[str, object]) -> Diary:
    """A valid diary of the current schema version (``diary.migrate`` runs first)."""
    problems: list[Problem] = []
    for key in data:
        if key not in ("schema", "version", "plan", "sessions", "hdss"):
            problems.append(Problem(key, f"{key!r} is not part of a diary"))
    sessions: list[Session] = _entries(data.get("sessions", []), "sessions", check_session, problems)
    scores: list[Score] = _entries(data.get("hdss", []), "hdss", check_score, problems)
    plan = None
    if data.get("plan") is not None:
        try:
            plan = check_plan(data["plan"])
        except InvalidDiary as exc:
            problems.extend(Problem(f"plan.{p.field}", f"Plan: {p.problem}") for p in exc.problems)
    seen: set[date] = set()
    for index, score in enumerate(scores):
        if score.day in seen:
            problems.append(Problem(f"hdss.{index}.date", f"Score {index + 1} ({score.day}): {wording.SCORE_SAME_DAY}"))
        seen.add(score.day)
    if problems:
        raise InvalidDiary(problems)
    return Diary(
        sessions=tuple(sorted(sessions, key=lambda s: s.day)),
        scores=tuple(sorted(scores, key=lambda s: s.day)),
        plan=plan,
    )
