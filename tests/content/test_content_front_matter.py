"""Front matter of every page, and the checks content.py applies at build time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from content_helpers import BIBLIOGRAPHY, DOCS, INFO_PAGES, built_path, front_matter, markdown_pages
from sitebuild import content

BIB = content.load_bibliography(BIBLIOGRAPHY)
GOOD = {
    "title": "T",
    "description": "One sentence.",
    "reviewed": dt.date(2026, 11, 24),
    "next_review": dt.date(2027, 11, 24),
    "sources": ["HEY", "DBTH"],
}


@pytest.mark.parametrize("page", INFO_PAGES)
def test_information_page_exists(page: str) -> None:
    """The fixed file names others link to are all there."""
    assert (DOCS / page).is_file()


@pytest.mark.parametrize("page", [p.name for p in markdown_pages()])
def test_page_front_matter_is_valid(page: str) -> None:
    """Title, description, dates a year apart at most, and known sources."""
    meta = front_matter(DOCS / page)
    assert meta.get("title"), f"{page}: no title"
    review = content.page_review(meta, BIB, page)
    if review.show_dates:
        assert meta.get("description", "").strip().endswith("."), f"{page}: description is not a sentence"
        assert review.next_review <= review.reviewed.replace(year=review.reviewed.year + 1)


def test_format_date_is_nhs_style() -> None:
    """Dates read '4 November 2026': day without a leading zero, month in full."""
    assert content.format_date(dt.date(2026, 11, 4)) == "4 November 2026"


def test_good_front_matter_resolves_sources_in_order() -> None:
    review = content.page_review(GOOD, BIB, "x.md")
    assert [s.key for s in review.sources] == ["HEY", "DBTH"]
    assert review.reviewed_text == "24 November 2026"
    assert review.next_review_text == "24 November 2027"


def test_iso_date_strings_are_accepted() -> None:
    review = content.page_review({**GOOD, "reviewed": "2026-11-24"}, BIB, "x.md")
    assert review.reviewed == dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sources": ["HEY", "Nope"]}, "unknown source key"),
        ({"sources": ["HEY", "HEY"]}, "listed twice"),
        ({"sources": "HEY"}, "list of bibliography keys"),
        ({"sources": []}, "missing or empty"),
        ({"reviewed": None}, "YYYY-MM-DD"),
        ({"reviewed": "24/11/2026"}, "YYYY-MM-DD"),
        ({"next_review": "2026-13-01"}, "YYYY-MM-DD"),
        ({"next_review": dt.date(2026, 11, 24)}, "must be after"),
        ({"next_review": dt.date(2025, 1, 1)}, "must be after"),
        ({"description": ""}, "description"),
    ],
)
def test_bad_front_matter_stops_the_build(change: dict, message: str) -> None:
    """Each kind of mistake raises PluginError naming the page and the problem."""
    with pytest.raises(PluginError, match=message) as caught:
        content.page_review({**GOOD, **change}, BIB, "side-effects.md")
    assert "side-effects.md" in str(caught.value)


@pytest.mark.parametrize("field", ["reviewed", "next_review"])
def test_missing_dates_stop_the_build(field: str) -> None:
    meta = {k: v for k, v in GOOD.items() if k != field}
    with pytest.raises(PluginError, match=field):
        content.page_review(meta, BIB, "x.md")


def test_hide_review_skips_dates_but_still_checks_sources() -> None:
    """The self-check shows its question-set version instead of review dates."""
    review = content.page_review({"hide_review": True}, BIB, "self-check.md")
    assert not review.show_dates and review.sources == ()
    with pytest.raises(PluginError, match="unknown source key"):
        content.page_review({"hide_review": True, "sources": ["Nope"]}, BIB, "self-check.md")


def test_bad_bibliography_entry_stops_the_build(tmp_path: Path) -> None:
    bad = tmp_path / "bib.yml"
    bad.write_text("HEY:\n  title: T\n  publisher: P\n  url: null\n  date: d\n  type: blog\n")
    with pytest.raises(PluginError, match="type 'blog'"):
        content.load_bibliography(bad)


@pytest.mark.parametrize("page", INFO_PAGES)
def test_built_page_shows_dates_and_sources(built_site: Path, page: str) -> None:
    """The template renders both review dates and one list item per cited source."""
    from bs4 import BeautifulSoup

    meta = front_matter(DOCS / page)
    soup = BeautifulSoup(built_path(built_site, page).read_text(encoding="utf-8"), "html.parser")
    footer = soup.select_one(".site-page-meta")
    assert footer is not None, f"{page}: no review/sources footer"
    text = " ".join(footer.get_text(" ").split())
    reviewed = content.format_date(meta["reviewed"])
    due = content.format_date(meta["next_review"])
    assert f"Page last reviewed: {reviewed}" in text
    assert f"Next review due: {due}" in text
    assert len(footer.select("ol li")) == len(meta["sources"])
