"""Command line: ``python -m diary summary FILE|-`` (also ``csv`` and ``ics``).

Exit codes: 0 done; 1 the file could not be read; 2 the diary is invalid (the errors
JSON is printed) or the arguments are. This is the only module that reads stdin or
writes stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from diary import api
from diary.errors import Problem
from diary.model import SCHEMA_VERSION
from selfcheck.cli import read_input, write_output

EXIT_OK, EXIT_UNREADABLE, EXIT_INVALID = 0, 1, 2


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m diary", description=f"Iontophoresis treatment diary (file version {SCHEMA_VERSION}).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("summary", "print the progress summary as JSON"),
        ("csv", "print the diary as CSV for a spreadsheet"),
        ("ics", "print the plan as an iCalendar file"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("file", metavar="FILE", help="a diary JSON file, or - to read standard input")
        command.add_argument(
            "--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
            help="the day of the summary or calendar (default: today)",
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = _parser().parse_args(argv)
    try:
        raw = read_input(args.file)
    except OSError as exc:
        print(f"diary: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        write_output(api.dumps({"errors": [Problem(None, "The file is not UTF-8 text").to_json()]}))
        return EXIT_INVALID
    opened = json.loads(api.open_diary(text))
    if "errors" in opened:
        write_output(api.dumps(opened))
        return EXIT_INVALID
    day = args.date or date.today().isoformat()
    if args.command == "summary":
        write_output(api.summary_json(text, day))
    elif args.command == "csv":
        write_output(api.csv_text(text))
    else:
        write_output(api.ics_text(text, day))
    return EXIT_OK
