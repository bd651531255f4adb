"""Named answer sets from tests/scenarios/selfcheck_cases.json give their expected results."""

from __future__ import annotations

import json

import pytest
from scenarios.cases import Case, load_cases

from selfcheck.api import evaluate_json

CASES = load_cases()


def test_enough_named_cases_valid_and_invalid() -> None:
    """At least 40 valid and a few invalid cases, each with a unique plain-sentence name."""
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert sum(c.valid for c in CASES) >= 40
    assert sum(not c.valid for c in CASES) >= 5
    assert all(name[0].isupper() and not name.endswith(".") for name in names)


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
