"""The named answer sets of tests/scenarios/selfcheck_cases.json, for the browser tests.

The one place that reads the scenario file's format: when the format changes, only
:func:`load_cases` changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "selfcheck_cases.json"


@dataclass(frozen=True)
class Case:
    name: str
    answers: dict[str, object]


def load_cases() -> list[Case]:
    """Every scenario's name and complete answer set, in file order."""
    data = json.loads(SCENARIOS.read_text(encoding="utf-8"))
    return [Case(name=case["name"], answers=case["answers"]) for case in data["cases"]]
