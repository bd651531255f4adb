"""Recording entries from the page's forms: strict checks with GOV.UK-style messages."""

from __future__ import annotations

import json

from diary_helpers import diary_text, empty, form

from diary import api, wording

TODAY = "2026-03-10"


def _add(data: dict, entry: dict) -> dict:
    return json.loads(api.add_session(diary_text(data), json.dumps(entry), TODAY))


def _errors(reply: dict) -> dict[str, str]:
    return {e["field"]: e["problem"] for e in reply["errors"]}


def test_a_typed_session_is_stored_exactly() -> None:
    reply = _add(empty(), form("2026-03-09", current_ma="12.5", polarity_changed="yes", side_effects=["redness", "tingling"],
                               note="  felt   fine "))
    session = json.loads(reply["diary"])["sessions"][0]
    assert session == {"date": "2026-03-09", "areas": ["hands"], "current_ma": 12.5, "minutes": 20,
                       "polarity_changed": True, "side_effects": ["tingling", "redness"], "note": "felt fine"}


def test_every_missing_field_is_named_with_its_message() -> None:
    reply = _add(empty(), {"date": "", "areas": [], "current_ma": "", "minutes": "", "polarity_changed": ""})
    fields = wording.FIELDS
    assert _errors(reply) == {
        "date": fields["date"].missing, "areas": fields["areas"].missing, "current_ma": fields["current_ma"].missing,
        "minutes": fields["minutes"].missing, "polarity_changed": fields["polarity_changed"].missing,
    }


def test_wrong_values_are_refused_not_coerced() -> None:
    reply = _add(empty(), form("2026-02-30", current_ma="12,5", minutes="0", areas=["nose"], side_effects=["pain"], note="x" * 201))
    assert set(_errors(reply)) == {"date", "current_ma", "minutes", "areas", "side_effects", "note"}
    assert _errors(reply)["current_ma"] == wording.FIELDS["current_ma"].invalid
    for current in ("125.55", "51", "-1", "1e1", "twelve"):
        assert "current_ma" in _errors(_add(empty(), form("2026-03-09", current_ma=current))), current


def test_a_session_in_the_future_is_refused() -> None:
    reply = _add(empty(), form("2026-03-11"))
    assert _errors(reply) == {"date": "Date of the session must be today or in the past"}


def test_entries_keep_date_order_and_can_be_removed() -> None:
    text = diary_text(empty())
    for day in ("2026-03-05", "2026-03-02", "2026-03-04"):
        text = json.loads(api.add_session(text, json.dumps(form(day)), TODAY))["diary"]
    assert [s["date"] for s in json.loads(text)["sessions"]] == ["2026-03-02", "2026-03-04", "2026-03-05"]
    text = json.loads(api.remove_entry(text, "session", 1))["diary"]
    assert [s["date"] for s in json.loads(text)["sessions"]] == ["2026-03-02", "2026-03-05"]
    assert "errors" in json.loads(api.remove_entry(text, "session", 5))


def test_one_hdss_score_a_day_from_the_four_statements() -> None:
    text = json.loads(api.add_score(diary_text(empty()), json.dumps({"date": "2026-03-09", "score": "3"}), TODAY))["diary"]
    assert json.loads(text)["hdss"] == [{"date": "2026-03-09", "score": 3}]
    again = json.loads(api.add_score(text, json.dumps({"date": "2026-03-09", "score": "2"}), TODAY))
    assert _errors(again) == {"date": wording.SCORE_SAME_DAY}
    for bad in ("0", "5", "", "2.0"):
        reply = json.loads(api.add_score(text, json.dumps({"date": "2026-03-08", "score": bad}), TODAY))
        assert "score" in _errors(reply), bad


def test_plans_from_the_evidence_base_and_clinic_dates() -> None:
    text = diary_text(empty())
    chosen = json.loads(api.set_plan(text, json.dumps({"kind": "schedule", "schedule": "seven-sessions-in-3-weeks", "start": "2026-03-02"})))
    plan = json.loads(chosen["diary"])["plan"]
    assert plan["dates"] == ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-08", "2026-03-11", "2026-03-16", "2026-03-23"]
    mwf = json.loads(json.loads(api.set_plan(text, json.dumps({"kind": "schedule", "schedule": "mon-wed-fri-for-4-weeks", "start": "2026-03-03"})))["diary"])["plan"]
    assert len(mwf["dates"]) == 12 and mwf["dates"][0] == "2026-03-04"
    clinic = json.loads(api.set_plan(text, json.dumps({"kind": "clinic", "dates": "2026-03-09\n2026-03-02\n2026-03-09"})))
    assert json.loads(clinic["diary"])["plan"]["dates"] == ["2026-03-02", "2026-03-09"]
    bad = json.loads(api.set_plan(text, json.dumps({"kind": "clinic", "dates": "9 March"})))
    assert bad["errors"][0]["problem"] == wording.FIELDS["plan_dates"].invalid
    assert "errors" in json.loads(api.set_plan(text, json.dumps({"kind": "schedule", "schedule": "daily", "start": "2026-03-02"})))


def test_published_schedules_cite_the_evidence_base() -> None:
    from diary.plans import SCHEDULES

    assert {s.id: s.sources for s in SCHEDULES} == {
        "seven-sessions-in-3-weeks": ("HUK-prot", "DBTH"),
        "three-a-week-for-3-weeks": ("TRFT",),
        "mon-wed-fri-for-4-weeks": ("Siah",),
    }
