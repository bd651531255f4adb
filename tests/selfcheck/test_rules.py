"""The rules: every tier, the outcome, the red-flag flag, severity and the findings order."""

from __future__ import annotations

import pytest
from sc_helpers import SPEC_TIERS, clear_answers

from selfcheck import QUESTION_SET_VERSION, Band, Outcome, Tier, evaluate, question

TIER_TO_OUTCOME = {
    Tier.STOP: Outcome.STOP, Tier.DISCUSS: Outcome.DISCUSS,
    Tier.RED_FLAG: Outcome.NONE_FOUND, Tier.ADVICE: Outcome.NONE_FOUND,
}


def triggering(qid: str) -> str:
    return "no" if question(qid).inverted else "yes"


def findings(answers: dict[str, object]) -> list[tuple[str, str]]:
    return [(f.question, f.tier.value) for f in evaluate(answers).findings]


class TestClearAnswers:
    def test_no_finding_for_clear_answers(self) -> None:
        """An adult treating hands and feet who answers every question clear gets no finding."""
        result = evaluate(clear_answers())
        assert result.outcome is Outcome.NONE_FOUND
        assert result.see_gp_about_sweating is False
        assert result.findings == ()


class TestEachYesNoQuestion:
    @pytest.mark.parametrize("qid", SPEC_TIERS)
    @pytest.mark.parametrize("answer", ["trigger", "not_sure"])
    def test_triggering_answer_gives_its_tier(self, qid: str, answer: str) -> None:
        """The triggering answer, or "not sure", gives exactly one finding of the question's tier."""
        value = triggering(qid) if answer == "trigger" else "not_sure"
        result = evaluate(clear_answers(**{qid: value}))
        tier = SPEC_TIERS[qid]
        assert [(f.question, f.tier, f.answer) for f in result.findings] == [(qid, tier, value)]
        assert result.outcome is TIER_TO_OUTCOME[tier]
        assert result.see_gp_about_sweating is (tier is Tier.RED_FLAG)

    @pytest.mark.parametrize("qid", SPEC_TIERS)
    def test_finding_carries_reason_sources_and_question_to_ask(self, qid: str) -> None:
        """A finding holds the rule's reason, sources and question to ask."""
        (finding,) = evaluate(clear_answers(**{qid: triggering(qid)})).findings
        (rule,) = question(qid).rules
        assert (finding.reason, finding.sources, finding.ask) == (rule.reason, rule.sources, rule.ask)


class TestInvertedQuestions:
    def test_no_antiperspirant_means_discuss(self) -> None:
        """Not having tried a strong antiperspirant for a month is a discuss finding."""
        assert findings(clear_answers(tried_antiperspirant="no")) == [("tried_antiperspirant", "discuss")]

    def test_antiperspirant_tried_gives_nothing(self) -> None:
        """Having tried a strong antiperspirant gives no finding."""
        assert findings(clear_answers(tried_antiperspirant="yes")) == []

    def test_short_duration_is_advice_only(self) -> None:
        """Sweating for less than 6 months is advice and leaves the outcome unchanged."""
        result = evaluate(clear_answers(duration_6_months="no"))
        assert findings(clear_answers(duration_6_months="no")) == [("duration_6_months", "advice")]
        assert result.outcome is Outcome.NONE_FOUND
        assert result.see_gp_about_sweating is False

    def test_not_sure_about_duration_is_advice(self) -> None:
        """Not sure about the 6 months gives the same advice."""
        assert findings(clear_answers(duration_6_months="not_sure")) == [("duration_6_months", "advice")]


class TestAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            (0, [("age", "stop")]),
            (4, [("age", "stop")]),
            (5, [("age", "discuss")]),
            (6, [("age", "discuss")]),
            (17, [("age", "discuss")]),
            (18, []),
            (120, []),
        ],
    )
    def test_age_boundaries(self, age: int, expected: list[tuple[str, str]]) -> None:
        """Under 5 is stop, 5 to 17 is discuss, 18 and over gives nothing."""
        assert findings(clear_answers(age=age)) == expected

    def test_age_in_findings_is_the_integer(self) -> None:
        """The finding's answer for age is the number given."""
        result = evaluate(clear_answers(age=12))
        assert result.findings[0].answer == 12
        assert result.to_json()["findings"][0]["answer"] == 12

    def test_age_5_reason_mentions_the_makers_limit_of_6(self) -> None:
        """At 5 the reason says some machine makers set the limit at 6."""
        (finding,) = evaluate(clear_answers(age=5)).findings
        assert "under 6" in finding.reason

    def test_children_have_their_own_reason(self) -> None:
        """Under 5 and 5 to 17 give different reasons."""
        reasons = {evaluate(clear_answers(age=a)).findings[0].reason for a in (3, 5, 12)}
        assert len(reasons) == 3


class TestAreas:
    @pytest.mark.parametrize(
        ("areas", "expected"),
        [
            (["hands"], []),
            (["feet"], []),
            (["hands", "feet"], []),
            (["underarms"], [("areas", "advice")]),
            (["other"], [("areas", "discuss")]),
            (["hands", "underarms"], [("areas", "advice")]),
            (["feet", "other"], [("areas", "discuss")]),
            (["underarms", "other"], [("areas", "discuss"), ("areas", "advice")]),
            (["other", "underarms", "feet", "hands"], [("areas", "discuss"), ("areas", "advice")]),
        ],
    )
    def test_area_combinations(self, areas: list[str], expected: list[tuple[str, str]]) -> None:
        """Underarms give advice, other areas give discuss, hands and feet give nothing."""
        assert findings(clear_answers(areas=areas)) == expected

    def test_areas_in_findings_are_the_list_given(self) -> None:
        """The finding's answer for areas is the list, in the order given."""
        result = evaluate(clear_answers(areas=["underarms", "hands"]))
        assert result.to_json()["findings"][0]["answer"] == ["underarms", "hands"]

    def test_underarms_alone_do_not_change_the_outcome(self) -> None:
        """Underarm advice leaves the outcome as none_found."""
        assert evaluate(clear_answers(areas=["underarms"])).outcome is Outcome.NONE_FOUND


class TestSeverity:
    @pytest.mark.parametrize(
        ("score", "band"), [(1, Band.MILD), (2, Band.MODERATE), (3, Band.SEVERE), (4, Band.SEVERE)]
    )
    def test_hdss_bands(self, score: int, band: Band) -> None:
        """HDSS 1 is mild, 2 moderate, 3 and 4 severe; the score gives no finding."""
        result = evaluate(clear_answers(hdss=score))
        assert (result.severity.hdss, result.severity.band) == (score, band)
        assert result.findings == ()
        assert result.to_json()["severity"] == {"hdss": score, "band": band.value}


class TestOutcome:
    def test_stop_wins_over_discuss(self) -> None:
        """Any stop finding makes the outcome stop, whatever else is found."""
        result = evaluate(clear_answers(pregnant="yes", braces="yes", tried_antiperspirant="no"))
        assert result.outcome is Outcome.STOP

    def test_discuss_without_stop(self) -> None:
        """Discuss findings without a stop finding give discuss."""
        assert evaluate(clear_answers(braces="not_sure")).outcome is Outcome.DISCUSS

    def test_red_flag_does_not_change_the_outcome(self) -> None:
        """A red flag sets see_gp_about_sweating but leaves the outcome alone."""
        result = evaluate(clear_answers(weight_loss="yes"))
        assert result.outcome is Outcome.NONE_FOUND
        assert result.see_gp_about_sweating is True

    def test_red_flag_shows_with_a_stop_outcome(self) -> None:
        """see_gp_about_sweating is true whatever the outcome."""
        result = evaluate(clear_answers(pacemaker="yes", one_sided="not_sure"))
        assert result.outcome is Outcome.STOP
        assert result.see_gp_about_sweating is True

    def test_advice_never_changes_the_outcome(self) -> None:
        """All advice findings together still give none_found."""
        result = evaluate(clear_answers(small_cuts="yes", duration_6_months="no", areas=["underarms"]))
        assert result.outcome is Outcome.NONE_FOUND
        assert {f.tier for f in result.findings} == {Tier.ADVICE}


class TestFindingsOrder:
    def test_ordered_by_tier_then_question(self) -> None:
        """Findings come stop, discuss, red_flag, advice, each in question order."""
        answers = clear_answers(
            age=12, areas=["underarms", "other"], small_cuts="yes", fever="yes", night_sweats="not_sure",
            braces="yes", cancer="not_sure", pregnant="yes", tried_antiperspirant="no",
            duration_6_months="not_sure",
        )
        assert findings(answers) == [
            ("pregnant", "stop"), ("cancer", "stop"),
            ("age", "discuss"), ("areas", "discuss"), ("braces", "discuss"), ("tried_antiperspirant", "discuss"),
            ("night_sweats", "red_flag"), ("fever", "red_flag"),
            ("areas", "advice"), ("small_cuts", "advice"), ("duration_6_months", "advice"),
        ]

    def test_everything_flagged(self) -> None:
        """When every answer triggers, every rule but one age rule gives a finding."""
        answers = clear_answers(age=3, areas=["underarms", "other"])
        for qid in SPEC_TIERS:
            answers[qid] = triggering(qid)
        result = evaluate(answers)
        assert len(result.findings) == 1 + 2 + len(SPEC_TIERS)
        ranks = [f.tier.rank for f in result.findings]
        assert ranks == sorted(ranks)


class TestJsonShape:
    def test_result_json_has_exactly_the_contract_keys(self) -> None:
        """to_json() gives the contract's keys and nothing more."""
        data = evaluate(clear_answers(pacemaker="yes", hdss=3)).to_json()
        assert list(data) == ["question_set_version", "outcome", "see_gp_about_sweating", "severity", "findings"]
        assert data["question_set_version"] == QUESTION_SET_VERSION
        assert data["severity"] == {"hdss": 3, "band": "severe"}
        (finding,) = data["findings"]
        assert list(finding) == ["question", "answer", "tier", "reason", "sources"]
        assert finding["question"] == "pacemaker" and finding["tier"] == "stop"
        assert isinstance(finding["sources"], list) and "NUTH" in finding["sources"]

    def test_json_values_are_plain_types(self) -> None:
        """Enum values serialise as plain strings."""
        data = evaluate(clear_answers(pacemaker="yes")).to_json()
        assert type(data["outcome"]) is str
        assert type(data["findings"][0]["tier"]) is str
        assert type(data["severity"]["band"]) is str

    def test_result_keeps_the_answers_in_question_order(self) -> None:
        """The result keeps every validated answer, in question order."""
        result = evaluate(dict(reversed(list(clear_answers().items()))))
        assert [a.question for a in result.answers][:3] == ["age", "areas", "pregnant"]
        assert result.answer("areas") == ("hands", "feet")
        with pytest.raises(KeyError):
            result.answer("nope")
