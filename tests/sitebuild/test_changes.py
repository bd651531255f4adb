"""The public "What changed" page, built from data/changes.yml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from selfcheck import QUESTION_SET_VERSION
from sitebuild import changes


def test_the_newest_release_is_this_question_set_and_lists_the_clinical_changes() -> None:
    """2026.12 comes first, after 2026.11, and names the review's main fixes."""
    releases = changes.load()
    assert [r.question_set_version for r in releases[:2]] == [QUESTION_SET_VERSION, "2026.11"]
    text = " ".join(releases[0].changes)
    for words in ("see a GP soon", "chest pain", "Northern Ireland", "pharmacist",
                  "20% aluminium chloride hexahydrate", "not yet had clinical sign-off"):
        assert words in text
    assert changes.check(releases) == []


def test_a_stale_or_unordered_list_stops_the_build(tmp_path: Path) -> None:
    """The newest release must be the package's question set, and dates must fall."""
    releases = changes.load()
    stale = (dataclasses.replace(releases[0], question_set_version="2026.11"), *releases[1:])
    assert any("the self-check uses" in p for p in changes.check(stale))
    unordered = (dataclasses.replace(releases[0], date=dt.date(2020, 1, 1)), *releases[1:])
    assert any("is not newer" in p for p in changes.check(unordered))
    (tmp_path / "changes.yml").write_text("releases:\n  - release: '9'\n", encoding="utf-8")
    with pytest.raises(PluginError, match="every release needs"):
        changes.load(tmp_path / "changes.yml")


def test_the_page_lists_every_release_newest_first(built_site: Path) -> None:
    """The built page has a section per release, newest first, with every change."""
    html = (built_site / "what-changed" / "index.html").read_text(encoding="utf-8")
    releases = changes.load()
    positions = [html.index(f'id="release-{r.release.replace(".", "-")}"') for r in releases]
    assert positions == sorted(positions)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert f"Question set {QUESTION_SET_VERSION}." in text
    for release in releases:
        for change in release.changes:
            assert change in text


def test_the_changes_are_plain_english() -> None:
    """The page is prose for patients: sentences of 20 words or fewer, grade 8 or below, no "safe"."""
    textstat = pytest.importorskip("textstat")
    texts = [text for r in changes.load() for text in (r.summary, *r.changes)]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    assert [s for s in sentences if len(s.split()) > 20] == []
    assert textstat.flesch_kincaid_grade(" ".join(texts)) <= 8
    assert not re.search(r"\b(safe|suitable)\b", " ".join(texts), re.I)
