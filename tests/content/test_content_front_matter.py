"""Front matter of every page, and the checks content.py applies at build time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from content_helpers import BIBLIOGRAPHY, DOCS, INFO_PAGES, ROOT, built_path, front_matter, markdown_pages
from selfcheck import wording
from sitebuild import content

BIB = content.load_bibliography(BIBLIOGRAPHY)
SIGNOFFS = content.load_signoffs(ROOT / content.SIGNOFF_PATH)
GOOD = {
    "title": "T",
    "description": "One sentence.",
    "reviewed": dt.date(2026, 11, 24),
    "next_review": dt.date(2027, 11, 24),
    "sources": ["HEY", "DBTH"],
}


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
    """The template renders the review status from data/signoff.yml, both dates, and one
    list item per cited source (plus the urgent-help wording's sources where the box is)."""
    from bs4 import BeautifulSoup

    meta = front_matter(DOCS / page)
    soup = BeautifulSoup(built_path(built_site, page).read_text(encoding="utf-8"), "html.parser")
    footer = soup.select_one(".site-page-meta")
    assert footer is not None, f"{page}: no review/sources footer"
    text = " ".join(footer.get_text(" ").split())
    checked = content.format_date(meta["reviewed"])
    due = content.format_date(meta["next_review"])
    signoff = content.signoff_for(SIGNOFFS, "page", page, meta["reviewed"])
    if signoff is None:
        assert "Clinical review: pending" in text and "last reviewed" not in text.lower()
    else:
        assert f"Page last reviewed: {signoff.date_text}" in text
    assert f"Last checked against the evidence: {checked}" in text
    assert f"Next review due: {due}" in text
    cited = list(meta["sources"])
    if soup.select_one(".site-urgent-help"):
        cited += [k for k in wording.URGENT_SOURCES if k not in cited]
    assert len(footer.select("ol li")) == len(cited)


# --- Sign-off as data ------------------------------------------------------------


def _signoffs(tmp_path: Path, text: str) -> tuple[content.SignOff, ...]:
    file = tmp_path / "signoff.yml"
    file.write_text(text)
    return content.load_signoffs(file)


SIGNED = """
- who: Dr A. Example
  role: GP with an interest in dermatology
  date: 2026-12-01
  what:
    page: side-effects.md
"""


def test_the_repository_records_sign_off_as_data() -> None:
    """data/signoff.yml exists and loads; each entry names a page, leaflet or question set."""
    for signoff in SIGNOFFS:
        assert signoff.kind in content.SIGNOFF_KINDS and signoff.who and signoff.role


def test_a_signed_page_shows_as_reviewed_and_an_unsigned_one_does_not(tmp_path: Path) -> None:
    signoffs = _signoffs(tmp_path, SIGNED)
    signed = content.page_review(GOOD, BIB, "side-effects.md", signoffs)
    assert signed.clinically_reviewed and signed.signoff.date_text == "1 December 2026"
    assert not content.page_review(GOOD, BIB, "a-session.md", signoffs).clinically_reviewed


def test_a_sign_off_older_than_the_last_check_does_not_count(tmp_path: Path) -> None:
    """The page was checked (and may have changed) after the clinician read it."""
    signoffs = _signoffs(tmp_path, SIGNED)
    later = {**GOOD, "reviewed": dt.date(2026, 12, 2)}
    assert not content.page_review(later, BIB, "side-effects.md", signoffs).clinically_reviewed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{}", "must be a list"),
        ("- who: A\n  role: R\n  date: 2026-12-01\n", "exactly"),
        ("- who: A\n  role: R\n  date: 2026-12-01\n  what: {poster: x}\n", "what must be one of"),
        ("- who: A\n  role: ''\n  date: 2026-12-01\n  what: {page: x.md}\n", "role"),
        ("- who: A\n  role: R\n  date: 1/12/2026\n  what: {page: x.md}\n", "YYYY-MM-DD"),
    ],
)
def test_a_wrong_sign_off_file_stops_the_build(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PluginError, match=message):
        _signoffs(tmp_path, text)


# --- Freshness -------------------------------------------------------------------


def test_a_page_past_its_next_review_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The message names the page and the override."""
    monkeypatch.delenv(content.OVERDUE_OVERRIDE, raising=False)
    with pytest.raises(PluginError, match=r"side-effects\.md: next review was due on 2027-11-24") as caught:
        content.page_review(GOOD, BIB, "side-effects.md", today=dt.date(2027, 11, 25))
    assert f"{content.OVERDUE_OVERRIDE}=1" in str(caught.value)
    # Due today is not yet overdue.
    content.page_review(GOOD, BIB, "side-effects.md", today=dt.date(2027, 11, 24))


def test_the_override_lets_an_emergency_rebuild_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(content.OVERDUE_OVERRIDE, "1")
    review = content.page_review(GOOD, BIB, "side-effects.md", today=dt.date(2028, 1, 1))
    assert review.next_review == dt.date(2027, 11, 24)


def test_an_overdue_leaflet_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(content.OVERDUE_OVERRIDE, raising=False)
    with pytest.raises(PluginError, match="Leaflet IONTO-PIL-03"):
        content.check_next_review("Leaflet IONTO-PIL-03 (side-effects)", dt.date(2026, 1, 1), dt.date(2026, 1, 2))


def test_no_page_is_overdue_today() -> None:
    """Fails as soon as a page's next review passes, before the build is tried."""
    for page in markdown_pages():
        meta = front_matter(page)
        if not meta.get("hide_review"):
            assert meta["next_review"] >= dt.date.today(), f"{page.name}: next review was due {meta['next_review']}"
