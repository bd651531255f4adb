"""The diary as a CSV file for a spreadsheet and the plan as an iCalendar (.ics) file.

Both are written by hand with the standard library's basics, because the browser's
trimmed standard library carries only what the engines import (no ``csv`` module).
"""

from __future__ import annotations

from datetime import date, timedelta

from diary import plans, wording
from diary.model import Diary, Session

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    # A note starting with "=" would run as a formula in a spreadsheet: keep it as text.
    if text.startswith(_FORMULA_START) and not _is_number(text):
        text = "'" + text
    if any(ch in text for ch in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _session_row(session: Session) -> list[object]:
    return [
        wording.CSV_SESSION,
        session.day.isoformat(),
        "; ".join(wording.AREA_LABELS[a] for a in session.areas),
        session.current_ma,
        session.minutes,
        wording.YES_WORD if session.polarity_changed else wording.NO_WORD,
        "; ".join(wording.SIDE_EFFECT_LABELS[e] for e in session.side_effects),
        session.note,
        "",
    ]


def to_csv(diary: Diary) -> str:
    """One row per session and per score, in date order (sessions first on a shared day)."""
    rows: list[tuple[date, int, list[object]]] = [(s.day, 0, _session_row(s)) for s in diary.sessions]
    rows += [(s.day, 1, [wording.CSV_SCORE, s.day.isoformat(), "", "", "", "", "", "", s.score]) for s in diary.scores]
    rows.sort(key=lambda row: (row[0], row[1]))
    lines = [",".join(_cell(c) for c in wording.CSV_HEADINGS)]
    lines += [",".join(_cell(c) for c in row) for _, _, row in rows]
    return "\r\n".join(lines) + "\r\n"


def _ics_text(text: str) -> str:
    """RFC 5545 section 3.3.11: escape backslash, semicolon, comma and newlines."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 section 3.1: lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def to_ics(diary: Diary, made_on: date) -> str:
    """The plan's dates as all-day events. Empty calendar when there is no plan.

    Deterministic: the same plan and day give the same bytes. The UIDs come from the
    dates, so importing the file again updates the events instead of doubling them.
    """
    plan = diary.plan
    name = plans.schedule(plan.schedule).label if plan and plan.schedule else wording.PLAN_CLINIC_LABEL
    stamp = made_on.strftime("%Y%m%d") + "T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Iontophoresis diary//EN", "CALSCALE:GREGORIAN"]
    for number, day in enumerate(plan.dates if plan else (), start=1):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day.strftime('%Y%m%d')}-session@iontophoresis-diary",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(f'{wording.ICS_EVENT} {number} of {len(plan.dates)}')}",  # type: ignore[union-attr]
            f"DESCRIPTION:{_ics_text(wording.ICS_DESCRIPTION + ' ' + name + '.')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
