"""The clinical hazard log (``data/hazard-log.yml``) and its summary on the About page.

The log is data so that it can be checked: every risk rating must follow the matrix
in the file, and every control that is not a process must name the tests that check
it (``tests/sitebuild/test_hazard_log.py`` proves those tests exist). The About page's
"Clinical safety" section gets a plain-English table built from the same data at build
time, so the page can never drift from the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

from sitebuild import paths, tables
from sitebuild.catalogue import Catalogue

LOG_PATH = paths.ROOT / "data" / "hazard-log.yml"
ABOUT_PAGE = "about.md"
# The section the summary goes into: it ends at the next heading of the same level.
_SECTION = re.compile(r"^## .*\{#clinical-safety\}\s*$", re.M)
_NEXT_SECTION = re.compile(r"^## ", re.M)


@dataclass(frozen=True)
class Risk:
    severity: int
    likelihood: int
    risk: int


@dataclass(frozen=True)
class Control:
    text: str
    tests: tuple[str, ...]
    process: bool


@dataclass(frozen=True)
class Hazard:
    id: str
    title: str
    summary: str
    cause: str
    effect: str
    before: Risk
    after: Risk
    controls: tuple[Control, ...]

    @property
    def tests(self) -> list[str]:
        return [test for control in self.controls for test in control.tests]


@dataclass(frozen=True)
class HazardLog:
    status: str
    reviewed: str
    risk_labels: dict[int, str]
    matrix: dict[int, list[int]]
    hazards: tuple[Hazard, ...]

    def rating(self, severity: int, likelihood: int) -> int:
        return self.matrix[likelihood][severity - 1]


def _risk(raw: dict[str, Any]) -> Risk:
    return Risk(severity=int(raw["severity"]), likelihood=int(raw["likelihood"]), risk=int(raw["risk"]))


def load(path: Path = LOG_PATH) -> HazardLog:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    hazards = tuple(
        Hazard(
            id=item["id"], title=item["title"], summary=item["summary"], cause=item["cause"], effect=item["effect"],
            before=_risk(item["before"]), after=_risk(item["after"]),
            controls=tuple(
                Control(text=c["control"], tests=tuple(c.get("tests") or ()), process=bool(c.get("process", False)))
                for c in item["controls"]
            ),
        )
        for item in raw["hazards"]
    )
    return HazardLog(
        status=raw["status"], reviewed=str(raw["reviewed"]), risk_labels=raw["scales"]["risk"],
        matrix=raw["risk_matrix"], hazards=hazards,
    )


def problems(log: HazardLog) -> list[str]:
    """Everything wrong with the log that can be found without running the tests."""
    found: list[str] = []
    ids = [hazard.id for hazard in log.hazards]
    found += [f"{id_}: the id is used twice" for id_ in sorted({i for i in ids if ids.count(i) > 1})]
    for hazard in log.hazards:
        for when, risk in (("before", hazard.before), ("after", hazard.after)):
            if not (1 <= risk.severity <= 5 and 1 <= risk.likelihood <= 5):
                found.append(f"{hazard.id}: {when} severity and likelihood must be 1-5")
            elif risk.risk != log.rating(risk.severity, risk.likelihood):
                found.append(f"{hazard.id}: {when} risk {risk.risk} does not follow the matrix")
        if hazard.after.risk > hazard.before.risk:
            found.append(f"{hazard.id}: the controls raise the risk")
        if not hazard.tests:
            found.append(f"{hazard.id}: no control names a test")
        for control in hazard.controls:
            if not control.process and not control.tests:
                found.append(f"{hazard.id}: control without a test: {control.text}")
    return found


def summary_markdown(log: HazardLog, words: Catalogue) -> str:
    """The About page's table: each hazard in plain words, its risk after the measures (a
    proposal until signed off), and which measures are tested and which are done by people."""
    heads = (words.text("about.hazards.risk"), words.text("about.hazards.measures"), words.text("about.hazards.after"))
    rows = [
        words.text("about.hazards.caption"),
        f"{{ .{tables.CAPTION_CLASS} }}",
        "",
        "| " + " | ".join(heads) + " |",
        "|---|---|---|",
        *(
            f"| {h.title} | {h.summary} | {log.risk_labels[h.after.risk]} |"
            for h in log.hazards
        ),
    ]
    controls = [c for h in log.hazards for c in h.controls]
    process = list(dict.fromkeys(c.text for c in controls if c.process))
    tested = len(controls) - sum(c.process for c in controls)
    note = [
        words.text("about.hazards.counts", entries=len(log.hazards), measures=len(controls), tested=tested),
        "",
        words.text("about.hazards.by_people", count=len(controls) - tested),
        "",
        *(f"- {text}" for text in process),
        "",
        words.text("about.hazards.proposal", status=log.status.lower()),
    ]
    return "\n".join(rows) + "\n\n" + "\n".join(note) + "\n"


def add_to_about(markdown: str, words: Catalogue, log: HazardLog | None = None) -> str:
    """Insert the summary at the end of the About page's "Clinical safety" section."""
    section = _SECTION.search(markdown)
    if section is None:
        raise PluginError(f"{ABOUT_PAGE} has no '## ... {{#clinical-safety}}' section for the hazard log summary")
    following = _NEXT_SECTION.search(markdown, section.end())
    end = following.start() if following else len(markdown)
    body = markdown[:end].rstrip("\n")
    return f"{body}\n\n{summary_markdown(log or load(), words)}\n{markdown[end:]}"
