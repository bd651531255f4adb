"""Named answer sets from tests/scenarios/selfcheck_cases.json give their expected results."""

from __future__ import annotations

import json

import pytest
from scenarios.cases import FILE, Case, load_cases, tiers_from_own_cases

from selfcheck import QUESTIONS, Kind
from selfcheck.api import evaluate_json

CASES = load_cases()


def test_enough_named_cases_valid_and_invalid() -> None:
    """At least 40 valid and a few invalid cases, each with a unique plain-sentence name."""
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert sum(c.valid for c in CASES) >= 40
    assert sum(not c.valid for c in CASES) >= 5
    assert all(name[0].isupper() and not name.endswith(".") for name in names)


def test_every_yes_no_question_has_a_case_of_its_own() -> None:
    """Each yes/no question has a case that changes only its answer and names its one finding."""
    missing = [q.id for q in QUESTIONS if q.kind is Kind.YES_NO and q.id not in tiers_from_own_cases()]
    assert missing == [], f"add a case of its own to {FILE.name} for each of these"


def test_cases_list_only_what_differs() -> None:
    """A case on a baseline changes at most a few answers: the ones its name is about."""
    assert all(len(c.changes) <= 3 for c in CASES if c.base is not None and isinstance(c.changes, dict))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case) -> None:
    """Each case gives the expected outcome, flag and findings, or problems for the expected questions."""
    result = json.loads(evaluate_json(json.dumps(case.answers)))
    expect = case.expected
    if not case.valid:
        assert [e["question"] for e in result["errors"]] == expect["errors"]
    else:
        assert result["outcome"] == expect["outcome"]
        assert result["see_gp_about_sweating"] == expect["see_gp_about_sweating"]
        assert [[f["question"], f["tier"]] for f in result["findings"]] == expect["findings"]
