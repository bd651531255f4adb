"""The bibliography: keyed like the evidence base, and complete for every page."""

from __future__ import annotations

import re

import pytest
import yaml

from content_helpers import BIBLIOGRAPHY, front_matter, markdown_pages
from support import evidence
from sitebuild import content


@pytest.fixture(scope="module")
def bibliography() -> dict[str, content.Source]:
    return content.load_bibliography(BIBLIOGRAPHY)


@pytest.fixture(scope="module")
def evidence_keys() -> set[str]:
    return evidence.evidence_keys()


def test_source_parser_expands_shared_cells() -> None:
    """'HUK / HUK-prot' and 'IPG487 / -safety' each give separate keys."""
    text = "## 9. Sources\n| Key | T |\n|---|---|\n| HUK / HUK-prot | x |\n| IPG487 / -safety | y |\n"
    assert evidence.table_keys(text) == {"HUK", "HUK-prot", "IPG487", "IPG487-safety"}


def test_every_bibliography_key_is_in_the_evidence_base(
    bibliography: dict[str, content.Source], evidence_keys: set[str]
) -> None:
    """No source is cited that the evidence base does not list."""
    assert sorted(set(bibliography) - evidence_keys) == []


def test_every_evidence_base_key_is_in_the_bibliography(
    bibliography: dict[str, content.Source], evidence_keys: set[str]
) -> None:
    """Other helpers can cite any evidence-base key."""
    assert sorted(evidence_keys - set(bibliography)) == []


def test_entries_have_the_required_fields(bibliography: dict[str, content.Source]) -> None:
    """Each entry has a title, publisher, date and a known type (the loader checks)."""
    for source in bibliography.values():
        assert source.title and source.publisher and source.date
        assert source.type in content.SOURCE_TYPES


def test_no_duplicate_keys_in_the_file() -> None:
    """YAML silently keeps the last of two equal keys: catch it in the raw text."""
    keys = re.findall(r"^([^\s#][^:\n]*):\s*$", BIBLIOGRAPHY.read_text(encoding="utf-8"), re.M)
    assert len(keys) == len(set(keys))
    assert len(keys) == len(yaml.safe_load(BIBLIOGRAPHY.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", [p.name for p in markdown_pages()])
def test_page_sources_are_in_the_bibliography(page: str, bibliography: dict[str, content.Source]) -> None:
    """Every key a page cites resolves to a bibliography entry."""
    from content_helpers import DOCS

    cited = front_matter(DOCS / page).get("sources") or []
    assert [key for key in cited if key not in bibliography] == []


def test_urgent_help_sources_are_in_the_bibliography(bibliography: dict[str, content.Source]) -> None:
    """Pages that show the urgent-help box list these sources too (no evidence base needed)."""
    from selfcheck import wording

    assert [key for key in wording.URGENT_SOURCES if key not in bibliography] == []


def test_bank_sources_are_in_the_bibliography(bibliography: dict[str, content.Source]) -> None:
    """Every source key behind a question or rule of the self-check resolves (fresh clone: no skip)."""
    from selfcheck import bank

    cited = {key for question in bank.QUESTIONS for rule in question.rules for key in rule.sources}
    cited |= {key for question in bank.QUESTIONS for key in question.sources}
    assert cited and sorted(cited - set(bibliography)) == []
