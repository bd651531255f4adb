"""The iontophoresis self-check engine: question bank, rules, result and GP summary.

Pure Python, standard library only, so the same code runs in CPython and in Pyodide.
``evaluate(answers)`` returns a ``Result``; ``selfcheck.api`` wraps it as string in,
string out for the browser; ``python -m selfcheck`` is the command line.
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
from selfcheck.summary import Summary, build_summary, format_date
from selfcheck.validation import validate

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
