"""String in, string out: the functions the diary page's worker calls through Pyodide.

The CLI uses the same functions, so CPython and the browser give byte-identical JSON.
A diary crosses as its file text (``dumps`` of ``Diary.to_json()``): the page stores and
exports exactly the text these functions return, so export, import and export again
gives the same bytes. Replies that can fail are ``{"diary": TEXT, "notice": ...}`` or
``{"errors": [...]}``; nothing here raises for bad input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from diary import export, plans, wording
from diary.errors import InvalidDiary, Problem
from diary.migrate import load
from diary.model import Diary
from diary.summary import build_summary
from diary.validation import check_plan, check_score, check_session, read_date


def dumps(data: object) -> str:
    """The one JSON serialiser: UTF-8 friendly, indented, ending with a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def diary_text(diary: Diary) -> str:
    return dumps(diary.to_json())


def _day(text: str) -> date:
    day = read_date(text)
    if day is None:
        raise InvalidDiary([Problem(None, f"The date must be a real date written as YYYY-MM-DD, not {text!r}")])
    return day


def _form(text: str) -> dict[str, object]:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise InvalidDiary([Problem(None, "The form must be a JSON object")])
    return data


def _reply(work: Callable[[], tuple[Diary, str | None]]) -> str:
    try:
        diary, notice = work()
    except InvalidDiary as exc:
        return dumps(exc.to_json())
    except ValueError:
        return dumps({"errors": [Problem(None, wording.FILE_NOT_JSON).to_json()]})
    return dumps({"diary": diary_text(diary), "notice": notice})


def new_diary() -> str:
    return diary_text(Diary())


def open_diary(text: str) -> str:
    """Read a stored or imported diary file: migrated, checked, written the current way."""
    def work() -> tuple[Diary, str | None]:
        loaded = load(text)
        return loaded.diary, wording.FILE_MIGRATED if loaded.migrated_from else None
    return _reply(work)


def add_session(text: str, form: str, today: str) -> str:
    def work() -> tuple[Diary, str | None]:
        diary = load(text).diary
        session = check_session(_form(form), _day(today), from_form=True)
        sessions = sorted((*diary.sessions, session), key=lambda s: s.day)
        return Diary(tuple(sessions), diary.scores, diary.plan), None
    return _reply(work)


def add_score(text: str, form: str, today: str) -> str:
    def work() -> tuple[Diary, str | None]:
        diary = load(text).diary
        score = check_score(_form(form), _day(today), from_form=True)
        if any(s.day == score.day for s in diary.scores):
            raise InvalidDiary([Problem("date", wording.SCORE_SAME_DAY)])
        scores = sorted((*diary.scores, score), key=lambda s: s.day)
        return Diary(diary.sessions, tuple(scores), diary.plan), None
    return _reply(work)


def remove_entry(text: str, kind: str, index: int) -> str:
    """Remove session or score number ``index`` (0-based, in the diary's order)."""
    def work() -> tuple[Diary, str | None]:
        diary = load(text).diary
        count = len(diary.sessions if kind == "session" else diary.scores)
        if kind not in ("session", "score") or not 0 <= index < count:
            raise InvalidDiary([Problem(None, "There is no such entry")])
        if kind == "session":
            return Diary(diary.sessions[:index] + diary.sessions[index + 1:], diary.scores, diary.plan), None
        return Diary(diary.sessions, diary.scores[:index] + diary.scores[index + 1:], diary.plan), None
    return _reply(work)


def set_plan(text: str, form: str) -> str:
    """Choose a plan. The form gives ``dates`` as typed text, one date a line, for clinic dates."""
    def work() -> tuple[Diary, str | None]:
        diary = load(text).diary
        data = _form(form)
        if data.get("kind") == "none":
            return Diary(diary.sessions, diary.scores, None), None
        typed = data.get("dates")
        if data.get("kind") == "clinic" and isinstance(typed, str):
            data = {**data, "dates": typed.split()}
        return Diary(diary.sessions, diary.scores, check_plan(data)), None
    return _reply(work)


def summary_json(text: str, today: str) -> str:
    """The progress summary as JSON, or ``{"errors": [...]}``."""
    try:
        return dumps(build_summary(load(text).diary, _day(today)).to_json())
    except InvalidDiary as exc:
        return dumps(exc.to_json())


def csv_text(text: str) -> str:
    return export.to_csv(load(text).diary)


def ics_text(text: str, today: str) -> str:
    return export.to_ics(load(text).diary, _day(today))


def plans_json() -> str:
    return dumps({"schedules": [s.to_json() for s in plans.SCHEDULES]})
