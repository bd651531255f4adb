"""Command line: ``python -m selfcheck evaluate FILE|-`` and ``python -m selfcheck questions``.

Exit codes: 0 valid answers (or the bank printed); 1 the input file could not be read;
2 invalid answers (the errors JSON is printed) or invalid command-line arguments.
This is the only module that reads stdin or writes stdout.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from selfcheck import api
from selfcheck.errors import InvalidAnswers, InvalidDate, Problem
from selfcheck.model import QUESTION_SET_VERSION
from selfcheck.summary import build_summary

EXIT_OK, EXIT_UNREADABLE, EXIT_INVALID = 0, 1, 2


def _iso_date(text: str) -> date:
    try:
        return api.parse_date(text)
    except InvalidDate:
        shown = api.encodable(repr(text)[:40])
        raise argparse.ArgumentTypeError(f"{shown} is not a date written as YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m selfcheck",
        description=f"Iontophoresis self-check engine (question set {QUESTION_SET_VERSION}).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    evaluate = commands.add_parser(
        "evaluate", help="evaluate answers given as a JSON object",
        description="Evaluate answers (a JSON object of question id to answer).",
    )
    evaluate.add_argument("file", metavar="FILE", help="a JSON file, or - to read standard input")
    evaluate.add_argument(
        "--format", choices=("json", "text"), default="json",
        help="json (default): the result JSON; text: the GP summary as plain text",
    )
    evaluate.add_argument(
        "--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
        help="the date shown on the text summary (default: today)",
    )
    commands.add_parser("questions", help="print the question bank as JSON")
    return parser


def write_output(text: str) -> None:
    # encodable(): a lone surrogate in the input never turns into a traceback here.
    sys.stdout.buffer.write(api.encodable(text).encode("utf-8"))
    sys.stdout.flush()


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def _evaluate(args: argparse.Namespace) -> int:
    try:
        raw = read_input(args.file)
    except OSError as exc:
        print(f"selfcheck: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problem = Problem(None, "The input is not UTF-8 text.")
        write_output(api.errors_json([problem]) if args.format == "json" else _problems_text([problem]))
        return EXIT_INVALID
    try:
        result = api.parse_answers(text)
    except InvalidAnswers as exc:
        write_output(api.dumps(exc.to_json()) if args.format == "json" else _problems_text(list(exc.problems)))
        return EXIT_INVALID
    if args.format == "json":
        write_output(api.dumps(result.to_json()))
        return EXIT_OK
    write_output(build_summary(result, args.date or date.today()).to_text())
    return EXIT_OK


def _problems_text(problems: list[Problem]) -> str:
    lines = ["There is a problem with the answers:"]
    lines += [f"- {p.question or 'input'}: {p.problem}" for p in problems]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "questions":
        write_output(api.questions_json())
        return EXIT_OK
    return _evaluate(args)
