"""Property tests (hypothesis): monotone outcome, "not sure" counts as the triggering answer,
and the API never crashes on any input."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from sc_helpers import YES_NO_IDS

from selfcheck import QUESTION_SET_VERSION, QUESTIONS, Kind, Outcome, Tier, evaluate, question
from selfcheck.api import evaluate_json
from selfcheck.model import AGE_MAX, AGE_MIN, AREA_VALUES, HDSS_MAX, HDSS_MIN, YES_NO_VALUES



def answer_for(kind: Kind) -> st.SearchStrategy[object]:
    if kind is Kind.AGE:
        return st.integers(AGE_MIN, AGE_MAX)
    if kind is Kind.HDSS:
        return st.integers(HDSS_MIN, HDSS_MAX)
    if kind is Kind.AREAS:
        return st.lists(st.sampled_from(AREA_VALUES), min_size=1, max_size=len(AREA_VALUES), unique=True)
    return st.sampled_from(YES_NO_VALUES)


valid_answers = st.fixed_dictionaries({q.id: answer_for(q.kind) for q in QUESTIONS})
yes_no_ids = st.sampled_from(YES_NO_IDS)


def trigger(qid: str) -> str:
    return "no" if question(qid).inverted else "yes"


def rank(answers: dict[str, object]) -> tuple[int, bool]:
    result = evaluate(answers)
    return result.outcome.severity, result.see_gp_about_sweating


@given(valid_answers, yes_no_ids, st.sampled_from(("trigger", "not_sure")))
def test_moving_away_from_the_clear_answer_never_lowers_the_outcome(
    answers: dict[str, object], qid: str, to: str
) -> None:
    """Changing a yes/no answer from its clear answer to the triggering one or "not sure" never
    lowers the outcome and never clears see_gp_about_sweating."""
    before = {**answers, qid: question(qid).clear_answer}
    after = {**answers, qid: trigger(qid) if to == "trigger" else "not_sure"}
    (outcome_before, gp_before), (outcome_after, gp_after) = rank(before), rank(after)
    assert outcome_after >= outcome_before
    assert gp_after or not gp_before


@given(valid_answers, st.sampled_from([q for q in YES_NO_IDS if not question(q).inverted]),
       st.sampled_from(("yes", "not_sure")))
def test_no_to_yes_or_not_sure_never_lowers_the_outcome(answers: dict[str, object], qid: str, to: str) -> None:
    """For every question that asks about a reason for caution, "no" to "yes" or "not sure"
    never lowers the outcome or clears see_gp_about_sweating."""
    (outcome_before, gp_before), (outcome_after, gp_after) = rank({**answers, qid: "no"}), rank({**answers, qid: to})
    assert outcome_after >= outcome_before
    assert gp_after or not gp_before


@given(valid_answers, yes_no_ids)
def test_not_sure_counts_exactly_like_the_triggering_answer(answers: dict[str, object], qid: str) -> None:
    """"Not sure" gives the same outcome, flag and finding tiers as the triggering answer."""
    unsure = evaluate({**answers, qid: "not_sure"})
    sure = evaluate({**answers, qid: trigger(qid)})
    assert unsure.outcome is sure.outcome
    assert unsure.see_gp_about_sweating == sure.see_gp_about_sweating
    assert [(f.question, f.tier, f.reason) for f in unsure.findings] == [
        (f.question, f.tier, f.reason) for f in sure.findings
    ]


@given(valid_answers, st.sampled_from(AREA_VALUES))
def test_adding_an_area_never_lowers_the_outcome(answers: dict[str, object], area: str) -> None:
    """Adding an area to treat never lowers the outcome."""
    areas = list(answers["areas"])  # type: ignore[call-overload]
    more = areas if area in areas else [*areas, area]
    assert rank({**answers, "areas": more})[0] >= rank(answers)[0]


@given(valid_answers, st.integers(0, 120))
def test_a_younger_age_never_lowers_the_outcome(answers: dict[str, object], younger: int) -> None:
    """Being younger never lowers the outcome."""
    age = answers["age"]
    assert isinstance(age, int)
    low = min(age, younger)
    assert rank({**answers, "age": low})[0] >= rank(answers)[0]


@given(valid_answers)
def test_outcome_follows_the_findings(answers: dict[str, object]) -> None:
    """The outcome is the strictest of stop or discuss, red flags set the flag, and findings are in order."""
    result = evaluate(answers)
    tiers = [f.tier for f in result.findings]
    expected = Outcome.STOP if Tier.STOP in tiers else Outcome.DISCUSS if Tier.DISCUSS in tiers else Outcome.NONE_FOUND
    assert result.outcome is expected
    assert result.see_gp_about_sweating == (Tier.RED_FLAG in tiers)
    assert [t.rank for t in tiers] == sorted(t.rank for t in tiers)
    assert json.loads(json.dumps(result.to_json())) == result.to_json()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=20,
)


@settings(max_examples=300)
@given(st.one_of(
    json_values,
    st.dictionaries(st.sampled_from([q.id for q in QUESTIONS] + ["extra"]), json_values, max_size=30),
))
def test_evaluate_json_never_raises_on_any_json(value: object) -> None:
    """Any JSON value gives either a result or errors, never an exception."""
    data = json.loads(evaluate_json(json.dumps(value)))
    assert "errors" in data or data["question_set_version"] == QUESTION_SET_VERSION
    if "errors" in data:
        questions = [e["question"] for e in data["errors"]]
        assert len(questions) == len(set(questions)) and data["errors"]


@given(st.text(max_size=200))
def test_evaluate_json_never_raises_on_any_text(text: str) -> None:
    """Any text at all gives JSON back."""
    json.loads(evaluate_json(text))
