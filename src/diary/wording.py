"""Every sentence the diary shows or prints, as data (like ``selfcheck.wording``).

The page, the printed summary, the CSV headings and the calendar file all read from
here, so the same words appear everywhere and no template holds wording of its own.
The HDSS question and its four statements are not retyped: they come from the
self-check's question bank, the one source of that scale on the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from diary.model import SideEffect
from selfcheck.bank import Option, question
from selfcheck.wording import HDSS_CREDIT

HDSS_QUESTION = question("hdss")
HDSS_TEXT: str = HDSS_QUESTION.text
HDSS_HINT = "Answer once a week, on about the same day. Think about the last week."
HDSS_OPTIONS: tuple[Option, ...] = HDSS_QUESTION.options
HDSS_SOURCE = HDSS_CREDIT

AREA_LABELS: dict[str, str] = {
    "hands": "Hands",
    "feet": "Feet",
    "underarms": "Underarms",
    "other": "Other",
}

SIDE_EFFECT_LABELS: dict[SideEffect, str] = {
    SideEffect.TINGLING: "Tingling",
    SideEffect.ITCHING: "Itching",
    SideEffect.REDNESS: "Redness",
    SideEffect.DRY_SKIN: "Dry or cracked skin",
    SideEffect.BLISTERS: "Blisters",
    SideEffect.BURN: "A burn",
    SideEffect.SHOCK: "A shock",
}


@dataclass(frozen=True)
class Field:
    """A form field: its label, its hint, and what to say when it is missing or wrong."""

    label: str
    hint: str
    missing: str
    invalid: str


FIELDS: dict[str, Field] = {
    "date": Field(
        "Date of the session", "For example, 27 3 2026",
        "Enter the date of the session",
        "Date of the session must be a real date",
    ),
    "areas": Field(
        "Areas treated", "Select all that apply",
        "Select the areas you treated",
        "Select areas from the list",
    ),
    "current_ma": Field(
        "Current, in milliamps (mA)", "The number your machine showed, for example 12 or 12.5",
        "Enter the current in milliamps",
        "Current must be a number from 0 to 50, with at most one decimal place",
    ),
    "minutes": Field(
        "Minutes", "How long the current was on",
        "Enter how many minutes the session took",
        "Minutes must be a whole number from 1 to 120",
    ),
    "polarity_changed": Field(
        "Did you change the current's direction (polarity) during the session?", "",
        "Select yes if you changed the current's direction",
        "Select yes or no",
    ),
    "side_effects": Field(
        "Side effects", "Select all that you had. Leave them all clear if you had none",
        "Select side effects from the list",
        "Select side effects from the list",
    ),
    "note": Field(
        "Note (optional)", "A few words, for example what helped",
        "",
        "Note must be 200 characters or fewer",
    ),
    "score_date": Field(
        "Date of the score", "For example, 27 3 2026",
        "Enter the date of the score",
        "Date of the score must be a real date",
    ),
    "score": Field(
        HDSS_TEXT, HDSS_HINT,
        "Select how much your sweating affects your daily life",
        "Select how much your sweating affects your daily life",
    ),
    "plan_start": Field(
        "Date of the first session", "For example, 2 3 2026",
        "Enter the date of the first session",
        "Date of the first session must be a real date",
    ),
    "plan_dates": Field(
        "Your clinic's dates", "One date on each line, for example 2026-03-02",
        "Enter at least one date from your clinic",
        "Each date must be a real date written as YYYY-MM-DD",
    ),
}

FUTURE_DATE = "{label} must be today or in the past"
SCORE_SAME_DAY = "You already have a score for this date. Delete it first to enter a new one"

# Problems with a whole file, shown above the import button. The current diary is untouched.
FILE_NOT_JSON = "The file could not be read. Choose a diary file saved from this page (it ends in .json)"
FILE_NOT_DIARY = "The file is not a diary saved from this page. Your diary has not changed"
FILE_TOO_NEW = (
    "The file was saved by a newer version of this diary. Your diary has not changed. "
    "Reload this page and try again"
)
FILE_TOO_BIG = "The file holds too many entries to be a diary. Your diary has not changed"
FILE_HAS_ERRORS = "The file has problems, so it was not opened. Your diary has not changed"
FILE_MIGRATED = "The file was saved by an older version of this diary. It has been updated"

# --- plan ----------------------------------------------------------------------------

PLAN_CLINIC_LABEL = "My clinic's own dates"
PLAN_CLINIC_SOURCE = "Dates given by your clinic."

# --- summary -------------------------------------------------------------------------

SUMMARY_TITLE = "Iontophoresis treatment diary: progress summary"
SUMMARY_INTRO = "This page shows the patient's own records from a diary kept on their device."
TREND_TOO_EARLY = "Too early to say: the first and latest scores are less than 4 weeks apart"
TREND_NOT_ENOUGH = "Not enough scores yet. Record a score once a week"
TREND_LOWER = "Lower than the first score: the sweating gets in the way less"
TREND_SAME = "The same as the first score"
TREND_HIGHER = "Higher than the first score: the sweating gets in the way more"
HDSS_LIMIT = "The HDSS is one question. It cannot show everything about how sweating affects a person."
HDSS_LIMIT_SOURCES: tuple[str, ...] = ("HDSM-Ax",)
NEVER_CHANGE = (
    "This diary never suggests a different current or schedule. "
    "Only change them with advice from your skin team or the machine's instructions."
)
NO_SESSIONS = "No sessions recorded yet."


@dataclass(frozen=True)
class Prompt:
    """Something the summary tells the patient, only when the evidence supports it."""

    heading: str
    lines: tuple[str, ...]
    sources: tuple[str, ...]


PROMPTS: dict[str, Prompt] = {
    "no_change_after_a_month": Prompt(
        "Talk to a GP or your skin team",
        (
            "Your score has not gone down after a month of regular sessions.",
            "NHS guidance counts no change after a month as the treatment not working so far.",
            "Take this summary with you. It shows your sessions and your scores.",
        ),
        ("HWE", "PC-path"),
    ),
    "still_4_after_3_months": Prompt(
        "Ask a GP about seeing a skin specialist",
        (
            "Your score is still 4 after 3 months of sessions.",
            "NHS guidance says to refer people whose score stays at 4 to a skin service.",
        ),
        ("HWE",),
    ),
    "blister_or_burn": Prompt(
        "You recorded a blister or a burn",
        (
            "Cool a burn under cool or lukewarm running water for 20 minutes.",
            "Do not use ice, creams or butter. Do not burst blisters. Keep the area clean.",
            "Go to A&E for a burn that blisters on the hands or feet, or a deep or large burn.",
            "Speak to a GP or your skin team before your next session.",
            "Report a burn from a machine to the MHRA Yellow Card scheme. Keep the machine.",
        ),
        ("NHSW-burns", "nidirect-burns", "MHRA-YC"),
    ),
    "shock": Prompt(
        "You recorded a shock",
        (
            "Hospital leaflets say a shock can happen if hands or feet leave the water during a session.",
            "Tell your skin team, and ask them how to end a session.",
        ),
        ("DBTH", "HUK"),
    ),
}
"""Shown in this order. None of them suggests a different current or schedule."""

PROMPT_ORDER: tuple[str, ...] = ("blister_or_burn", "shock", "still_4_after_3_months", "no_change_after_a_month")

# --- exports -------------------------------------------------------------------------

CSV_HEADINGS: tuple[str, ...] = (
    "Entry", "Date", "Areas", "Current (mA)", "Minutes", "Direction changed",
    "Side effects", "Note", "HDSS score",
)
CSV_SESSION = "Session"
CSV_SCORE = "HDSS score"
YES_WORD, NO_WORD = "Yes", "No"

ICS_EVENT = "Iontophoresis session"
ICS_DESCRIPTION = "A planned session from your treatment diary. Record it in the diary when done."

# --- the page ------------------------------------------------------------------------

PAGE: dict[str, str] = {
    "kept": "Your diary is kept in this browser on this device.",
    "not_kept": (
        "Your diary is not being kept. It will be lost when you close this page, "
        "unless you export it to a file."
    ),
    "kept_now": "Your diary is now kept in this browser on this device.",
    "saved_session": "Session saved.",
    "saved_score": "Score saved.",
    "saved_plan": "Plan saved.",
    "removed": "Entry deleted.",
    "deleted": "Your diary has been deleted from this device.",
    "imported": "The file has been opened. It has replaced the diary on this page.",
    "storage_failed": (
        "This browser would not keep your diary. Storage may be blocked or full. "
        "Your entries are still on this page. Export them to a file now."
    ),
    "stored_unreadable": (
        "The diary kept in this browser could not be read. It has not been changed or deleted."
    ),
    "engine_failed": (
        "The diary could not start in this browser. Nothing has been lost. "
        "Use the paper treatment record, or try again later."
    ),
    "confirm_delete": (
        "Delete your whole diary from this device? This cannot be undone. "
        "Export it first if you want a copy."
    ),
    "confirm_import": "Opening a file replaces the diary on this page. Continue?",
    "error_title": "There is a problem",
    "no_entries": "No entries yet.",
    "no_plan": "No plan chosen.",
    "no_scores": "No scores yet.",
    "status_done": "Done",
    "status_due": "Due today",
    "status_not_recorded": "Not recorded",
    "status_upcoming": "To come",
    "plan_kept": "{done} of {planned} planned sessions so far",
    "hdss_chart": "HDSS score over time",
    "hdss_chart_desc": "Scores from {first} on {first_date} to {latest} on {latest_date}. Lower is better.",
    "weeks_chart": "Sessions each week",
    "weeks_chart_desc": "{sessions} sessions over {weeks} weeks. The outline shows the sessions planned.",
    "delete_entry": "Delete",
    "yes": YES_WORD,
    "no": NO_WORD,
    "choose_file": "Select a diary file to open",
    "sessions_heading": "Sessions",
    "scores_heading": "Weekly HDSS scores",
    "show_table": "Show as a table",
    "sources": "Sources",
    "period": "{first} to {last}",
    "label_made_on": "Summary made on",
    "label_sessions": "Sessions recorded",
    "label_plan": "Plan",
    "label_kept": "Plan kept",
    "label_first": "First HDSS score",
    "label_latest": "Latest HDSS score",
    "label_trend": "Change in score",
    "label_side_effects": "Side effects (number of sessions)",
    "col_date": "Date",
    "col_areas": "Areas",
    "col_current": "Current (mA)",
    "col_minutes": "Minutes",
    "col_direction": "Direction changed",
    "col_effects": "Side effects",
    "col_note": "Note",
    "col_action": "Action",
    "col_score": "Score",
    "col_week": "Week",
    "col_week_start": "Week starting",
    "col_done": "Sessions done",
    "col_planned": "Sessions planned",
    "col_side_effect": "Side effect",
    "col_sessions": "Sessions",
}
"""Messages and labels of the diary page, read by its scripts from the page."""
