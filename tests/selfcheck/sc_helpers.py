"""Test data helpers for the self-check engine (imported by the test modules and conftest.py)."""

from __future__ import annotations

import dataclasses
import json

from scenarios.cases import tiers_from_own_cases
from support.answers import clear_answers, without  # noqa: F401 -- re-exported for the tests here
from support.plain import reassuring_words  # noqa: F401 -- re-exported for the tests here

from selfcheck import PARTS, QUESTIONS, Kind, bank, wording

YES_NO_IDS = tuple(q.id for q in QUESTIONS if q.kind is Kind.YES_NO)

#: The tier of each yes/no question in the specification's table, as each question's own
#: named scenario states it (test_scenarios fails for a yes/no question without one).
SPEC_TIERS = tiers_from_own_cases()


def to_text(answers: object) -> str:
    return json.dumps(answers)


def wording_texts() -> list[tuple[str, str]]:
    """Every text in ``selfcheck.wording``, labelled by its name.

    Found by walking the module, so a new constant is checked without anyone adding it here.
    """
    texts: list[tuple[str, str]] = []
    for name, value in vars(wording).items():
        if name.startswith("_") or not name.isupper():
            continue
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
        for item in values:
            if dataclasses.is_dataclass(item):
                texts += [(name, getattr(item, field.name)) for field in dataclasses.fields(item)]
            else:
                assert isinstance(item, str), f"wording.{name} holds {item!r}"
                texts.append((name, item))
    return texts


def user_facing_texts() -> list[tuple[str, str]]:
    """Every user-facing text in the bank and the shared wording, labelled by where it is."""
    texts: list[tuple[str, str]] = []
    for part in PARTS:
        texts += [(f"{part.id}.title", part.title), (f"{part.id}.intro", part.intro)]
    for q in QUESTIONS:
        texts += [(f"{q.id}.{name}", getattr(q, name)) for name in ("label", "text", "hint", "error")]
        texts += [(f"{q.id}.option", o.label) for o in q.options]
        texts += [(f"{q.id}.option.short", o.short) for o in q.options]
        for rule in q.rules:
            texts += [(f"{q.id}.when", rule.when), (f"{q.id}.reason", rule.reason), (f"{q.id}.ask", rule.ask)]
    texts += [("age.not_a_number", bank.AGE_NOT_A_NUMBER), ("age.too_high", bank.AGE_TOO_HIGH)]
    return texts + wording_texts()
