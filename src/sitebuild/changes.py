"""The public "What changed" page, built from ``data/changes.yml``.

Each release lists its clinical changes in plain words. The page ``docs/what-changed.md``
holds the introduction; the build appends one section per release, newest first, so the
list lives once, as data, and the newest release must name the package's question set.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from selfcheck import QUESTION_SET_VERSION, format_date
from sitebuild import paths
from sitebuild.catalogue import Catalogue

CHANGES_PATH = paths.ROOT / "data" / "changes.yml"
PAGE = "what-changed.md"


@dataclass(frozen=True)
class Release:
    release: str
    date: _dt.date
    question_set_version: str
    summary: str
    changes: tuple[str, ...]


def load(path: Path = CHANGES_PATH) -> tuple[Release, ...]:
    """Every release, newest first, as the file gives them. Stops the build on a bad entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        releases = tuple(
            Release(
                release=str(item["release"]), date=item["date"],
                question_set_version=str(item["question_set_version"]),
                summary=item["summary"], changes=tuple(item["changes"]),
            )
            for item in raw["releases"]
        )
    except (KeyError, TypeError) as exc:
        raise PluginError(f"{path.name}: every release needs release, date, question_set_version, "
                          f"summary and changes ({exc})") from None
    problems = check(releases)
    if problems:
        raise PluginError(f"{path.name}: " + "; ".join(problems))
    return releases


def check(releases: tuple[Release, ...]) -> list[str]:
    """What is wrong with the list: the newest must be this question set, dates must fall."""
    found: list[str] = []
    if not releases:
        return ["no releases"]
    if releases[0].question_set_version != QUESTION_SET_VERSION:
        found.append(f"the newest release is for question set {releases[0].question_set_version}, "
                     f"but the self-check uses {QUESTION_SET_VERSION}")
    for newer, older in itertools.pairwise(releases):
        if not newer.date > older.date:
            found.append(f"release {newer.release} is not newer than {older.release}")
    found += [f"release {r.release} lists no changes" for r in releases if not r.changes]
    return found


def markdown(releases: tuple[Release, ...], words: Catalogue) -> str:
    """One section per release: its date, question set, summary and changes."""
    out: list[str] = []
    for r in releases:
        out += [
            f"## {words.text('about.changes.release', release=r.release)} {{#release-{r.release.replace('.', '-')}}}",
            "",
            words.text("about.changes.published", date=format_date(r.date), version=r.question_set_version),
            "",
            r.summary, "",
            *(f"- {change}" for change in r.changes), "",
        ]
    return "\n".join(out)


def add_to_page(page_markdown: str, words: Catalogue, releases: tuple[Release, ...] | None = None) -> str:
    """The page's own text, then the releases."""
    return page_markdown.rstrip("\n") + "\n\n" + markdown(releases or load(), words)
