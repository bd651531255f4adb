"""Named answer sets from tests/scenarios/selfcheck_cases.json give their expected results."""

from __future__ import annotations

import json

import pytest
from sc_helpers import SCENARIOS

from selfcheck import QUESTION_SET_VERSION
from selfcheck.api import evaluate_json

DATA = json.loads(SCENARIOS.read_text(encoding="utf-8"))
CASES = DATA["cases"]


def test_scenario_file_is_for_this_question_set() -> None:
    """The scenarios were written for the current question set."""
    assert DATA["question_set_version"] == QUESTION_SET_VERSION


def test_enough_named_cases_valid_and_invalid() -> None:
    """At least 40 valid and a few invalid cases, each with a unique plain-sentence name."""
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names))
    assert sum("errors" not in c["expect"] for c in CASES) >= 40
    assert sum("errors" in c["expect"] for c in CASES) >= 5
    assert all(name[0].isupper() and not name.endswith(".") for name in names)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, object]) -> None:
    """Each case gives the expected outcome, flag and findings, or problems for the expected questions."""
    result = json.loads(evaluate_json(json.dumps(case["answers"])))
    expect = case["expect"]
    assert isinstance(expect, dict)
    if "errors" in expect:
        assert [e["question"] for e in result["errors"]] == expect["errors"]
    else:
        assert result["outcome"] == expect["outcome"]
        assert result["see_gp_about_sweating"] == expect["see_gp_about_sweating"]
        assert [[f["question"], f["tier"]] for f in result["findings"]] == expect["findings"]
