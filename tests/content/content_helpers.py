"""Shared helpers for the content tests: where things are, and how prose is read.

Imported by the test modules in this folder (pytest puts the folder on sys.path).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from sitebuild.paths import ROOT

DOCS = ROOT / "docs"
BIBLIOGRAPHY = ROOT / "data" / "bibliography.yml"

#: Elements whose text is not prose for the readability score.
NOT_PROSE = "h1, h2, h3, h4, h5, h6, table, pre, code, script, style, .headerlink, .admonition-title, .site-page-meta, .md-source-file"

#: Elements that hold a run of prose; each one is read as at least one sentence.
BLOCKS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption"}

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a Markdown page ({} if it has none)."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def markdown_pages() -> list[Path]:
    """Every Markdown page in docs/ (top level; the site has no sub-folders of pages)."""
    return sorted(DOCS.glob("*.md"))


#: The information pages: every page of prose with review dates and sources, so a new
#: page is checked without anyone listing it. Left out: pages with a ``template`` of their
#: own (the self-check holds the package's wording, which tests/selfcheck checks) and pages
#: that hide the review footer (What changed is built from data/changes.yml and tested there).
INFO_PAGES = tuple(
    page.name for page in markdown_pages()
    if "template" not in (meta := front_matter(page)) and not meta.get("hide_review")
)


def built_path(site: Path, page: str) -> Path:
    """Where MkDocs writes a page with directory URLs: a.md -> a/index.html."""
    if page == "index.md":
        return site / "index.html"
    return site / page.removesuffix(".md") / "index.html"


def article(html: str) -> Tag:
    """The main article of a built Material page."""
    soup = BeautifulSoup(html, "html.parser")
    node = soup.select_one("article.md-content__inner") or soup.select_one("article")
    assert node is not None, "no <article> in the page"
    return node


def prose(html: str) -> str:
    """The page's running prose, ready for a readability formula.

    Headings, tables, code, callout titles and the review/sources footer are
    dropped. Each paragraph, list item or definition is read as a sentence of
    its own (a full stop is added where it has none), so a bullet list is not
    scored as one endless sentence.
    """
    node = article(html)
    for unwanted in node.select(NOT_PROSE):
        unwanted.decompose()
    runs: dict[int, list[str]] = {}
    order: list[int] = []
    for text in node.find_all(string=True):
        if not isinstance(text, NavigableString) or not text.strip():
            continue
        block = next((p for p in text.parents if p.name in BLOCKS or p is node), node)
        key = id(block)
        if key not in runs:
            runs[key] = []
            order.append(key)
        runs[key].append(str(text))
    sentences = []
    for key in order:
        run = " ".join("".join(runs[key]).split())
        if not run:
            continue
        if run[-1] not in ".!?:":
            run += "."
        sentences.append(run)
    return " ".join(sentences)
