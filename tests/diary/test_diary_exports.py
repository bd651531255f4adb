"""CSV for a spreadsheet and the plan as an RFC 5545 calendar file."""

from __future__ import annotations

import csv
import io
import json

from diary_helpers import SCENARIOS, diary_text, empty, session

from diary import api, wording


def test_csv_has_one_row_per_entry_and_reads_back_with_the_csv_module() -> None:
    scenario = SCENARIOS[1]
    text = api.csv_text(diary_text(scenario["diary"]))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == wording.CSV_HEADINGS
    assert len(rows) - 1 == len(scenario["diary"]["sessions"]) + len(scenario["diary"]["hdss"])
    assert text.endswith("\r\n")


def test_csv_keeps_quotes_commas_and_stops_formulas() -> None:
    data = {**empty(), "sessions": [session("2026-03-02", note='=HYPERLINK("x"), then "ok"')]}
    rows = list(csv.reader(io.StringIO(api.csv_text(diary_text(data)))))
    assert rows[1][7] == '\'=HYPERLINK("x"), then "ok"'


def test_ics_is_rfc_5545_with_one_all_day_event_per_planned_date() -> None:
    scenario = SCENARIOS[2]
    text = api.ics_text(diary_text(scenario["diary"]), "2026-03-01")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert text.count("BEGIN:VEVENT") == len(scenario["diary"]["plan"]["dates"]) == text.count("DTSTAMP:")
    assert "DTSTART;VALUE=DATE:20260302" in lines and "DTEND;VALUE=DATE:20260303" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "days 1\\, 2\\, 4" in unfolded
    uids = [line for line in unfolded.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)


def test_ics_without_a_plan_is_an_empty_calendar() -> None:
    text = api.ics_text(diary_text(empty()), "2026-03-01")
    assert "BEGIN:VEVENT" not in text and text.startswith("BEGIN:VCALENDAR\r\n")


def test_nothing_personal_goes_into_the_calendar() -> None:
    data = {**SCENARIOS[2]["diary"], "sessions": [session("2026-03-02", note="private words")]}
    text = api.ics_text(json.dumps(data), "2026-03-01")
    assert "private" not in text and "HDSS" not in text
