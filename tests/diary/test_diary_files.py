"""Diary files: export and import round trip, migration, and refusal of bad files."""

from __future__ import annotations

import json

import pytest
from diary_helpers import SCENARIOS, diary_text, empty, session

from diary import api, wording
from diary.model import SCHEMA_VERSION


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_export_import_export_is_byte_identical(scenario: dict) -> None:
    exported = json.loads(api.open_diary(diary_text(scenario["diary"])))["diary"]
    again = json.loads(api.open_diary(exported))
    assert again == {"diary": exported, "notice": None}


def test_an_older_version_is_migrated_with_a_notice() -> None:
    old = {"schema": "iontophoresis-diary", "version": 1,
           "sessions": [{**session("2026-03-02"), "polarity": "changed"}], "hdss": []}
    del old["sessions"][0]["polarity_changed"]
    reply = json.loads(api.open_diary(json.dumps(old)))
    assert reply["notice"] == wording.FILE_MIGRATED
    data = json.loads(reply["diary"])
    assert data["version"] == SCHEMA_VERSION and data["plan"] is None
    assert data["sessions"][0]["polarity_changed"] is True


@pytest.mark.parametrize(("text", "message"), [
    ("", wording.FILE_NOT_JSON),
    ("not json", wording.FILE_NOT_JSON),
    ('{"sessions": []}', wording.FILE_NOT_DIARY),
    ("[]", wording.FILE_NOT_DIARY),
    ('{"schema": "iontophoresis-diary", "version": 99}', wording.FILE_TOO_NEW),
    ('{"schema": "iontophoresis-diary", "version": true}', wording.FILE_NOT_DIARY),
    ('{"schema": "iontophoresis-diary", "version": 2, "sessions": [NaN]}', wording.FILE_NOT_JSON),
    ("[" * 5000, wording.FILE_NOT_DIARY),
], ids=["empty", "not-json", "no-schema", "list", "too-new", "bool-version", "nan", "deep"])
def test_bad_files_are_refused_with_a_clear_message(text: str, message: str) -> None:
    assert json.loads(api.open_diary(text)) == {"errors": [{"field": None, "problem": message}]}


def test_a_file_with_bad_entries_is_refused_whole_and_says_where() -> None:
    data = {**empty(), "sessions": [session("2026-03-02"), session("2026-03-04", current_ma="12")]}
    errors = json.loads(api.open_diary(diary_text(data)))["errors"]
    assert errors[0]["problem"] == wording.FILE_HAS_ERRORS
    assert errors[1] == {"field": "sessions.1.current_ma",
                         "problem": f"Session 2 (2026-03-04): {wording.FIELDS['current_ma'].invalid}"}


def test_too_many_entries_are_refused_unread() -> None:
    data = {**empty(), "sessions": [session("2026-03-02")] * 5001}
    assert json.loads(api.open_diary(diary_text(data)))["errors"][0]["problem"] == wording.FILE_TOO_BIG


def test_unknown_fields_are_refused() -> None:
    data = {**empty(), "name": "Jo"}
    assert "errors" in json.loads(api.open_diary(diary_text(data)))


def test_an_escaped_quote_in_a_note_does_not_end_the_string_for_the_nesting_guard() -> None:
    """Brackets typed in a note after \\" are text, not nesting: the file opens."""
    data = {**empty(), "sessions": [session("2026-03-02", note='a \\" then ' + "[" * 12)]}
    reply = json.loads(api.open_diary(diary_text(data)))
    assert "errors" not in reply
