"""The named self-check scenarios, read the same way by every test that runs them.

``selfcheck_cases.json`` lists each case as the answers that differ from a named
baseline, plus what it expects (the OpenFisca habit: a case names only what matters).
The baselines come from the question bank through ``support.answers``, so a new
question changes no case here; it only needs a case of its own, which
tests/selfcheck/test_scenarios.py insists on.

    from scenarios.cases import load_cases
    for case in load_cases():
        case.name, case.answers, case.expected

CPython (tests/selfcheck/test_scenarios.py) and every browser compare against these.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.answers import clear_answers, not_sure_to_everything

from selfcheck import QUESTION_IDS, QUESTIONS, Kind, Tier

FILE = Path(__file__).with_name("selfcheck_cases.json")

CLEAR_ADULT = "a clear adult"

BASELINES: dict[str, Callable[[], dict[str, object]]] = {
    CLEAR_ADULT: clear_answers,
    "not sure to everything": not_sure_to_everything,
    "no answers": dict,
}
"""Each baseline's answers (the file describes them in words, under "baselines")."""

EVERY_QUESTION = "every question"
"""In ``errors``: a problem for every question of the bank, in bank order."""

EACH_OWN_TIER = "each yes/no question at the tier of its own case"
"""As ``findings``: one finding per yes/no question, at the tier that question's own
case gives, ordered as the specification says (stop, discuss, red_flag, advice, then
question order)."""


@dataclass(frozen=True)
class Case:
    """One named scenario: the full answers sent to the engine, and what it must say."""

    name: str
    base: str | None
    """The baseline named in the file, or None when the answers are given whole."""
    changes: object
    """What the file lists: the answers that differ from the baseline (or the whole value)."""
    answers: object
    """The full answers, as JSON-ready data (usually a dict; a list or None for a wrong shape)."""
    expected: dict[str, object]
    """Either ``outcome``, ``see_gp_about_sweating`` and ``findings`` (``[question, tier]``
    pairs in order), or ``errors``: the question of each problem, in order (None: the whole)."""

    @property
    def valid(self) -> bool:
        return "errors" not in self.expected


@functools.cache
def load_cases() -> tuple[Case, ...]:
    """Every case of the file, with its baseline applied and its expectations written out."""
    tiers = tiers_from_own_cases()
    return tuple(_case(raw, tiers) for raw in _file()["cases"])


@functools.cache
def tiers_from_own_cases() -> dict[str, Tier]:
    """The tier of each yes/no question that has a case of its own (the specification's table).

    A question's own case changes only that question from a clear adult and expects a
    single finding, for that question. ``test_scenarios`` checks that every yes/no
    question of the bank has one.
    """
    yes_no = [q.id for q in QUESTIONS if q.kind is Kind.YES_NO]
    tiers: dict[str, Tier] = {}
    for raw in _file()["cases"]:
        changes, findings = raw.get("answers"), raw["expect"].get("findings")
        if raw.get("base") != CLEAR_ADULT or len(changes) != 1 or not isinstance(findings, list):
            continue
        (qid,) = changes
        if qid in yes_no and len(findings) == 1 and findings[0][0] == qid:
            tiers[qid] = Tier(findings[0][1])
    return tiers


@functools.cache
def _file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FILE.read_text(encoding="utf-8"))
    assert set(data["baselines"]) == set(BASELINES), "the file describes exactly the baselines defined here"
    return data


def _case(raw: dict[str, Any], tiers: dict[str, Tier]) -> Case:
    name = raw["name"]
    if "whole" in raw:
        base, changes, answers = None, raw["whole"], raw["whole"]
    else:
        base, changes = raw["base"], raw["answers"]
        assert base in BASELINES, f"{name}: unknown baseline {base!r}"
        answers = {**BASELINES[base](), **changes}
    expect = dict(raw["expect"])
    if "errors" in expect:
        expect["errors"] = [qid for item in expect["errors"] for qid in _expand(item)]
    elif expect["findings"] == EACH_OWN_TIER:
        ordered = sorted(tiers.items(), key=lambda item: (item[1].rank, QUESTION_IDS.index(item[0])))
        expect["findings"] = [[qid, tier.value] for qid, tier in ordered]
    return Case(name=name, base=base, changes=changes, answers=answers, expected=expect)


def _expand(item: str | None) -> tuple[str | None, ...]:
    return QUESTION_IDS if item == EVERY_QUESTION else (item,)
