"""Reading a diary file: JSON text in, a current-version diary out, or a clear refusal.

Each older schema version has one step that turns it into the next, so a file from any
earlier version is brought up to date one step at a time. Version 1 was the first
draft format: no plan, and the current's direction written as "changed" or "same".
A file from a newer version is refused, never guessed at.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from diary import wording
from diary.errors import InvalidDiary, Problem
from diary.model import ENTRIES_MAX, SCHEMA, SCHEMA_VERSION, Diary
from diary.validation import check_diary
from selfcheck.api import nested_too_deeply

TEXT_MAX = 2_000_000
"""Characters: 5,000 entries at their longest fit well inside this."""
NESTING_MAX = 8
"""A diary nests four levels deep; deeper text is refused before parsing, because
Python's JSON parser recurses and a small browser stack would crash, not raise."""


def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
    sessions = []
    old_sessions = data.get("sessions", [])
    for entry in old_sessions if isinstance(old_sessions, list) else []:
        session = entry
        if isinstance(entry, dict) and "polarity" in entry:
            session = {key: value for key, value in entry.items() if key != "polarity"}
            session["polarity_changed"] = {"changed": True, "same": False}.get(entry["polarity"], entry["polarity"])
        sessions.append(session)
    return {**data, "version": 2, "plan": None, "sessions": sessions}


STEPS: dict[int, Callable[[dict[str, object]], dict[str, object]]] = {1: _v1_to_v2}
"""From each older version to the next one."""


@dataclass(frozen=True)
class Loaded:
    diary: Diary
    migrated_from: int | None
    """The file's version when it was older than the current one."""


def _refuse(message: str) -> InvalidDiary:
    return InvalidDiary([Problem(None, message)])


def _reject_constant(name: str) -> object:
    raise ValueError(name)


def load(text: str) -> Loaded:
    """Parse, migrate and check a diary file. Raises ``InvalidDiary``; never returns half a diary."""
    if not isinstance(text, str) or len(text) > TEXT_MAX or nested_too_deeply(text, NESTING_MAX):
        raise _refuse(wording.FILE_NOT_DIARY)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        raise _refuse(wording.FILE_NOT_JSON) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise _refuse(wording.FILE_NOT_DIARY)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(wording.FILE_NOT_DIARY)
    if version > SCHEMA_VERSION:
        raise _refuse(wording.FILE_TOO_NEW)
    entries = [data.get(key) for key in ("sessions", "hdss")]
    if sum(len(e) for e in entries if isinstance(e, list)) > ENTRIES_MAX:
        raise _refuse(wording.FILE_TOO_BIG)
    original = version
    step = version
    while step < SCHEMA_VERSION:
        data = STEPS[step](data)
        step += 1
    try:
        diary = check_diary(data)
    except InvalidDiary as exc:
        summary = Problem(None, wording.FILE_HAS_ERRORS)
        raise InvalidDiary([summary, *exc.problems]) from None
    return Loaded(diary, original if original < SCHEMA_VERSION else None)
