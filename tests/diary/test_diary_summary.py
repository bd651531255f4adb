"""The progress summary and its prompts, on the named scenarios shared with the browser."""

from __future__ import annotations

import json
import re

import pytest
from diary_helpers import SCENARIOS, diary_text, empty, session, two_years

from diary import api, wording
from diary.summary import MONTH_DAYS


def _summary(data: dict, today: str) -> dict:
    return json.loads(api.summary_json(diary_text(data), today))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario: dict) -> None:
    summary = _summary(scenario["diary"], scenario["today"])
    expect = scenario["expect"]
    assert summary["hdss"]["trend"] == expect["trend"]
    assert [p["id"] for p in summary["prompts"]] == expect["prompts"]
    assert summary["sessions"]["count"] == expect["sessions"]
    assert len(summary["weeks"]) == expect["weeks"]
    assert sum(w["done"] for w in summary["weeks"]) == expect["sessions"]
    if "planned_to_date" in expect:
        assert summary["plan"]["planned_to_date"] == expect["planned_to_date"]
        assert summary["plan"]["done_to_date"] == expect["done_to_date"]
    if "statuses" in expect:
        assert [d["status"] for d in summary["plan"]["days"]] == expect["statuses"]


def test_first_and_latest_scores_and_the_change() -> None:
    summary = _summary(SCENARIOS[1]["diary"], SCENARIOS[1]["today"])
    assert summary["hdss"]["first"] == {"date": "2026-03-01", "score": 4}
    assert summary["hdss"]["latest"] == {"date": "2026-04-05", "score": 2}
    assert summary["hdss"]["change"] == -2
    assert summary["hdss"]["text"] == wording.TREND_LOWER


def test_no_direction_is_named_before_four_weeks_between_scores() -> None:
    """A fall over a fortnight is not shown as "lower": too short to judge (hazard D2)."""
    data = {**empty(), "hdss": [{"date": "2026-03-01", "score": 4}, {"date": "2026-03-15", "score": 1}]}
    summary = _summary(data, "2026-03-16")
    assert summary["hdss"]["trend"] == "too_early"
    assert summary["hdss"]["change"] == -3
    assert MONTH_DAYS == 28


def test_no_change_needs_four_sessions_between_the_scores() -> None:
    scores = [{"date": "2026-03-01", "score": 3}, {"date": "2026-04-05", "score": 3}]
    few = {**empty(), "sessions": [session("2026-03-02"), session("2026-03-09"), session("2026-03-16")], "hdss": scores}
    assert _summary(few, "2026-04-06")["prompts"] == []
    enough = {**few, "sessions": [*few["sessions"], session("2026-03-23")]}
    assert [p["id"] for p in _summary(enough, "2026-04-06")["prompts"]] == ["no_change_after_a_month"]


def test_the_summary_never_suggests_a_current_or_schedule() -> None:
    """Hazard D3: no prompt, in any scenario, names a current, a number of sessions or a change of them."""
    banned = ("mA", "milliamp", "turn up", "turn down", "increase", "decrease", "more often", "less often",
              "more sessions", "fewer sessions", "stronger", "higher current", "lower current")
    for scenario in SCENARIOS:
        summary = _summary(scenario["diary"], scenario["today"])
        text = json.dumps(summary["prompts"], ensure_ascii=False)
        assert not re.search(r"\bmA\b|\d+ ?mA", text), scenario["name"]
        assert not [word for word in banned[1:] if word in text.lower()], scenario["name"]
    assert "never suggests a different current or schedule" in wording.NEVER_CHANGE


def test_every_prompt_names_its_sources_from_the_bibliography() -> None:
    import yaml

    from sitebuild import paths

    keys = set(yaml.safe_load((paths.ROOT / "data" / "bibliography.yml").read_text(encoding="utf-8")))
    for prompt in wording.PROMPTS.values():
        assert prompt.sources and set(prompt.sources) <= keys
    assert set(wording.HDSS_LIMIT_SOURCES) <= keys
    assert set(wording.PROMPT_ORDER) == set(wording.PROMPTS)


def test_side_effects_are_counted_per_session_in_the_fixed_order() -> None:
    data = {**empty(), "sessions": [session("2026-03-02", side_effects=["redness", "tingling"]),
                                    session("2026-03-04", side_effects=["tingling"])]}
    effects = _summary(data, "2026-03-05")["side_effects"]
    assert [e["id"] for e in effects] == ["tingling", "itching", "redness", "dry_skin", "blisters", "burn", "shock"]
    assert {e["id"]: e["sessions"] for e in effects}["tingling"] == 2


def test_two_years_of_entries_give_a_full_summary() -> None:
    """Structure only; the time is measured in bench (make bench), not asserted here."""
    summary = _summary(two_years(), "2027-01-01")
    assert summary["sessions"]["count"] == 500
    assert len(summary["hdss"]["scores"]) == 100
    assert sum(w["done"] for w in summary["weeks"]) == 500
    assert summary["hdss"]["trend"] == "lower"


def test_a_bad_diary_gives_errors_not_a_summary() -> None:
    assert "errors" in json.loads(api.summary_json("{}", "2026-03-01"))
    assert "errors" in json.loads(api.summary_json(diary_text(empty()), "2026-02-30"))
