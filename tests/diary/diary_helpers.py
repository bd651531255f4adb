"""Shared by the diary's CPython tests and its browser tests: the named scenarios."""

from __future__ import annotations

import json
from pathlib import Path

SCENARIOS_FILE = Path(__file__).with_name("scenarios.json")
SCENARIOS: list[dict] = json.loads(SCENARIOS_FILE.read_text(encoding="utf-8"))["scenarios"]


def diary_text(data: dict) -> str:
    return json.dumps(data)


def session(day: str, **changes: object) -> dict:
    """A valid session entry as a file holds it."""
    entry = {
        "date": day, "areas": ["hands"], "current_ma": 12, "minutes": 20,
        "polarity_changed": True, "side_effects": [], "note": "",
    }
    return {**entry, **changes}


def form(day: str, **changes: object) -> dict:
    """A session as the page's form sends it: what was typed, as text."""
    entry = {
        "date": day, "areas": ["hands"], "current_ma": "12.5", "minutes": "20",
        "polarity_changed": "no", "side_effects": [], "note": "",
    }
    return {**entry, **changes}


def empty() -> dict:
    return {"schema": "iontophoresis-diary", "version": 2, "plan": None, "sessions": [], "hdss": []}


def two_years() -> dict:
    """500 sessions and 100 weekly scores: about two years of a kept diary."""
    from datetime import date, timedelta

    first = date(2025, 1, 6)
    sessions = [session((first + timedelta(days=n * 104 // 70)).isoformat(), side_effects=["tingling"] if n % 9 == 0 else [])
                for n in range(500)]
    scores = [{"date": (first + timedelta(weeks=n)).isoformat(), "score": 4 - min(n // 30, 2)} for n in range(100)]
    return {**empty(), "sessions": sessions, "hdss": scores}
