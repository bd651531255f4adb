"""Urgent help on the pages: rendered from the package's wording, never retyped.

Pages mark where the box goes with ``<!-- urgent-help -->``; the build fills it in from
``selfcheck.wording`` (see sitebuild.content). These tests read the built pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from content_helpers import DOCS, built_path, markdown_pages
from selfcheck import wording
from sitebuild import content

#: Pages that list red flags or side effects, and the GP page: each must give urgent help.
URGENT_PAGES = ("excessive-sweating.md", "side-effects.md", "for-gps.md", "about.md")
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")


def _box_text(site: Path, page: str) -> str:
    soup = BeautifulSoup(built_path(site, page).read_text(encoding="utf-8"), "html.parser")
    boxes = soup.article.select(".site-urgent-help")
    assert len(boxes) == 1, f"{page}: {len(boxes)} urgent-help boxes"
    return " ".join(boxes[0].get_text(" ").split())


@pytest.mark.parametrize("page", URGENT_PAGES)
def test_page_gives_urgent_help_from_the_package(built_site: Path, page: str) -> None:
    """Chest pain with 999, then each UK nation's route, word for word from the package."""
    text = _box_text(built_site, page)
    assert wording.URGENT_HEADING in text
    assert wording.URGENT_999 in text
    assert re.search(r"chest pain[^.]*\.[^.]*|999[^.]*chest pain", text)
    assert wording.URGENT_ROUTES_INTRO in text
    for route in wording.URGENT_ROUTES:
        assert f"{route.nation}: {route.route}" in text
    assert [r.nation for r in wording.URGENT_ROUTES] == list(NATIONS)


def test_chest_pain_and_999_are_in_one_sentence_of_the_wording() -> None:
    """The box cannot be rendered without the two together."""
    first = wording.URGENT_999.split(". ")[0]
    assert "chest pain" in first and "999" in first


@pytest.mark.parametrize("page", [p.name for p in markdown_pages()])
def test_no_page_retypes_the_urgent_routes(page: str) -> None:
    """Markdown never holds the 111 routes or the 999 sentence: only the marker does."""
    text = (DOCS / page).read_text(encoding="utf-8")
    for route in ("call 111", "111.nhs.uk", "111.wales", "NHS 24", "out-of-hours"):
        assert route not in text, f"{page}: write {content.URGENT_MARKER} instead of the urgent routes"
    assert wording.URGENT_999 not in text
    assert "In an emergency, call 999" not in text


def test_marker_pages_are_the_urgent_pages() -> None:
    """Every page that must give urgent help has the marker (and no page has it twice)."""
    marked = {p.name for p in markdown_pages() if content.URGENT_MARKER in p.read_text(encoding="utf-8")}
    assert set(URGENT_PAGES) <= marked
    for name in marked:
        assert (DOCS / name).read_text(encoding="utf-8").count(content.URGENT_MARKER) == 1


def test_the_box_renders_without_blank_lines() -> None:
    """It is put into a page as one block of raw HTML."""
    html = content.render_urgent_help(DOCS.parent / "overrides")
    assert "\n\n" not in html and wording.URGENT_999 in html
