"""String in, string out: the functions the browser worker calls through Pyodide.

The CLI uses the same functions and the same serialiser, so the browser and the command
line give byte-identical JSON for the same input.

The summary's modules are imported by the functions that use them, not here: the
browser's engine is ready as soon as ``evaluate_json`` works, and its worker imports
``selfcheck.summary`` just after, while the patient answers.
"""

from __future__ import annotations

import json
import re
from datetime import date

from selfcheck.bank import questions_as_json
from selfcheck.errors import InvalidAnswers, InvalidDate, Problem
from selfcheck.model import Result
from selfcheck.rules import result_for
from selfcheck.validation import validate

# False at run time, so the engine never imports typing; mypy reads the import.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from selfcheck.summary import Summary


def encodable(text: str) -> str:
    """``text`` with any lone surrogate written as its JSON escape (``\\ud800``).

    JSON input may hold one (``"\\ud800"``); UTF-8 cannot carry it. Inside a JSON string
    the escape reads back as the same character; in plain text it is visible as such.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def dumps(data: object) -> str:
    """The one JSON serialiser: UTF-8 friendly, indented, ending with a newline.

    Always encodable as UTF-8: a lone surrogate from the input (JSON allows
    ``"\\ud800"``) is written back as that same JSON escape.
    """
    return encodable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


class _JSONObject(dict[str, object]):
    """A parsed JSON object that remembers which keys appeared more than once."""

    repeated: tuple[str, ...] = ()


def _object_from_pairs(pairs: list[tuple[str, object]]) -> _JSONObject:
    obj = _JSONObject()
    repeated: list[str] = []
    for key, value in pairs:
        if key in obj and key not in repeated:
            repeated.append(key)
        obj[key] = value
    obj.repeated = tuple(repeated)
    return obj


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in JSON")


def _input_problem(text: str) -> InvalidAnswers:
    return InvalidAnswers([Problem(None, text)])


MAX_NESTING = 32
"""Valid answers nest two levels deep (an object holding the list of areas)."""


def nested_too_deeply(text: str, limit: int = MAX_NESTING) -> bool:
    """True if brackets outside strings nest deeper than ``limit``.

    Checked before parsing because Python's JSON parser recurses: in the browser's
    smaller stack a few thousand brackets crash the interpreter outright instead of
    raising ``RecursionError``.
    """
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def parse_answers(text: str) -> Result:
    """Parse JSON text and evaluate it. Raises ``InvalidAnswers`` for any problem."""
    if not isinstance(text, str):
        raise _input_problem("The answers must be given as JSON text.")
    if nested_too_deeply(text):
        raise _input_problem("The input is not valid JSON: it is nested too deeply.")
    try:
        data = json.loads(text, object_pairs_hook=_object_from_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _input_problem(
            f"The input is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from None
    except ValueError as exc:
        raise _input_problem(f"The input is not valid JSON: {exc}.") from None
    return result_for(validate(data, repeated=getattr(data, "repeated", ())))


def evaluate_json(text: str) -> str:
    """The result JSON for valid answers, or ``{"errors": [...]}`` for invalid ones. Never raises
    for bad input."""
    try:
        return dumps(parse_answers(text).to_json())
    except InvalidAnswers as exc:
        return dumps(exc.to_json())


def errors_json(problems: list[Problem]) -> str:
    """The errors JSON for problems found outside the engine (for example unreadable input)."""
    return dumps(InvalidAnswers(problems).to_json())


# fromisoformat also takes "20261124", "2026-W48-2" and times; the contract is
# YYYY-MM-DD only, in ASCII digits.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: object) -> date:
    """A real date written as YYYY-MM-DD, or ``InvalidDate``. The CLI's ``--date`` uses it too."""
    if isinstance(text, str) and _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    shown = encodable(repr(text)[:40])
    raise InvalidDate(f"The date must be a real date written as YYYY-MM-DD, not {shown}.")


def summary_for(text: str, checked_on: str) -> Summary:
    """The GP summary model for answers in JSON text and an ISO date. Raises on invalid input."""
    from selfcheck.summary import build_summary

    day = parse_date(checked_on)
    return build_summary(parse_answers(text), day)


def result_and_summary_json(text: str, checked_on: str) -> str:
    """What the self-check page asks for: the result and the GP summary from ONE evaluation,
    ``{"result": {...}, "summary_html": "..."}``, or the errors JSON for invalid answers.

    One request, one evaluation: the summary can never describe other answers than the
    result. Raises ``InvalidDate`` for a bad date (a fault of the page, not of the answers).
    """
    from selfcheck.summary import build_summary

    day = parse_date(checked_on)
    try:
        result = parse_answers(text)
    except InvalidAnswers as exc:
        return dumps(exc.to_json())
    return dumps({"result": result.to_json(), "summary_html": build_summary(result, day).to_html()})


def summary_html(text: str, checked_on: str) -> str:
    """The GP summary as an HTML fragment. Raises ``InvalidAnswers`` or ``InvalidDate``."""
    return summary_for(text, checked_on).to_html()


def summary_text(text: str, checked_on: str) -> str:
    """The GP summary as plain text. Raises ``InvalidAnswers`` or ``InvalidDate``."""
    return summary_for(text, checked_on).to_text()


def questions_json() -> str:
    """The question bank as JSON text."""
    return dumps(questions_as_json())
