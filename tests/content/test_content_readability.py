"""Plain English: the Flesch-Kincaid grade of each page's prose, on the built site.

Headings, tables, code, callout titles and the review-dates/sources footer are left
out (see content_helpers.prose). textstat is pinned to 0.7.8: later versions fetch a
dictionary over the network at first use.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from content_helpers import NOT_PROSE, article, built_path, front_matter, markdown_pages, prose

textstat = pytest.importorskip("textstat")

MAX_GRADE_PER_PAGE = 8.0
MAX_MEDIAN_GRADE = 7.0


def _scored_pages() -> list[str]:
    """Every content page; the self-check (hide_review) is a form, scored elsewhere."""
    return [p.name for p in markdown_pages() if not front_matter(p).get("hide_review")]


def _grade(site: Path, page: str) -> float:
    text = prose(built_path(site, page).read_text(encoding="utf-8"))
    assert len(text.split()) >= 5, f"{page}: no prose found in the built page"
    return textstat.flesch_kincaid_grade(text)


def test_textstat_is_the_pinned_version() -> None:
    """The grades below are only comparable with textstat 0.7.8."""
    from importlib.metadata import version

    assert version("textstat") == "0.7.8"


@pytest.mark.parametrize("page", _scored_pages())
def test_page_grade_is_at_most_8(built_site: Path, page: str) -> None:
    """Each page's prose reads at Flesch-Kincaid grade 8 or below."""
    grade = _grade(built_site, page)
    assert grade <= MAX_GRADE_PER_PAGE, f"{page}: Flesch-Kincaid grade {grade:.1f} > {MAX_GRADE_PER_PAGE}"


def test_site_median_grade_is_at_most_7(built_site: Path) -> None:
    """Across the site, the median page reads at grade 7 or below."""
    grades = {page: _grade(built_site, page) for page in _scored_pages()}
    median = statistics.median(grades.values())
    detail = ", ".join(f"{p} {g:.1f}" for p, g in sorted(grades.items()))
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f} > {MAX_MEDIAN_GRADE} ({detail})"


def test_prose_leaves_out_headings_tables_and_sources() -> None:
    """The extractor scores running text only, one sentence per list item."""
    html = """
    <article class="md-content__inner">
      <h1>A very long heading with extraordinarily polysyllabic terminology</h1>
      <p>Short words here.</p>
      <ul><li>one item</li><li>another item</li></ul>
      <table><tr><td>Electrophysiological</td></tr></table>
      <footer class="site-page-meta"><p>Page last reviewed</p><ol><li>Source</li></ol></footer>
    </article>"""
    assert prose(html) == "Short words here. one item. another item."


MAX_WORDS_PER_SENTENCE = 20
MAX_SENTENCES_PER_PARAGRAPH = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
_BRACKETS = re.compile(r"\([^()]*\)")


def _paragraphs(html: str) -> list[tuple[str, str]]:
    """(tag, text) for each paragraph or list item of running prose."""
    node = article(html)
    for unwanted in node.select(NOT_PROSE):
        unwanted.decompose()
    found = []
    for element in node.find_all(["p", "li", "dd"]):
        if element.find(["p", "ul", "ol", "dl"]):
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            found.append((element.name, text))
    return found


@pytest.mark.parametrize("page", _scored_pages())
def test_nhs_sentence_and_paragraph_length(built_site: Path, page: str) -> None:
    """NHS style: sentences of 20 words or fewer (source names in brackets not
    counted), paragraphs of 3 sentences or fewer."""
    problems = []
    for tag, text in _paragraphs(built_path(built_site, page).read_text(encoding="utf-8")):
        sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
        if tag == "p" and len(sentences) > MAX_SENTENCES_PER_PARAGRAPH:
            problems.append(f"{len(sentences)} sentences: {text[:80]}…")
        for sentence in sentences:
            words = len(_BRACKETS.sub("", sentence).split())
            if words > MAX_WORDS_PER_SENTENCE:
                problems.append(f"{words} words: {sentence}")
    assert problems == [], f"{page}:\n" + "\n".join(problems)
