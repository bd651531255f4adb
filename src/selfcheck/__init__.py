"""The iontophoresis self-check engine: question bank, rules, result and GP summary.

Pure Python, standard library only, so the same code runs in CPython and in Pyodide.
``evaluate(answers)`` returns a ``Result``; ``selfcheck.api`` wraps it as string in,
string out for the browser; ``python -m selfcheck`` is the command line.

The GP summary (``Summary``, ``build_summary``, ``format_date``) is imported on first
use, not with the package: the browser's engine is ready once ``evaluate`` works, and
its worker imports the summary right after, while the patient answers.
"""

from selfcheck.bank import (
    PARTS,
    QUESTION_IDS,
    QUESTION_SET_ISSUED,
    QUESTIONS,
    Option,
    Part,
    Question,
    Rule,
    question,
    questions_as_json,
    questions_in,
)
from selfcheck.errors import InvalidAnswers, InvalidDate, Problem, SelfCheckError
from selfcheck.model import (
    QUESTION_SET_VERSION,
    Answer,
    Band,
    Finding,
    Kind,
    Outcome,
    Result,
    Severity,
    Tier,
)
from selfcheck.rules import evaluate
from selfcheck.validation import validate

# False at run time, so the engine never imports typing; mypy reads the import.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from selfcheck.summary import Summary, build_summary, format_date

_LATER = frozenset({"Summary", "build_summary", "format_date"})


def __getattr__(name: str) -> object:
    """The summary's names, imported when first asked for (PEP 562)."""
    if name in _LATER:
        from selfcheck import summary

        return getattr(summary, name)
    raise AttributeError(f"module 'selfcheck' has no attribute {name!r}")

__all__ = [
    "PARTS",
    "QUESTIONS",
    "QUESTION_IDS",
    "QUESTION_SET_ISSUED",
    "QUESTION_SET_VERSION",
    "Answer",
    "Band",
    "Finding",
    "InvalidAnswers",
    "InvalidDate",
    "Kind",
    "Option",
    "Outcome",
    "Part",
    "Problem",
    "Question",
    "Result",
    "Rule",
    "SelfCheckError",
    "Severity",
    "Summary",
    "Tier",
    "build_summary",
    "evaluate",
    "format_date",
    "question",
    "questions_as_json",
    "questions_in",
    "validate",
]
