"""Take leaflet text from the built pages, so a leaflet never drifts from the website.

A leaflet is made from ``site/<page>/index.html`` after MkDocs has written it: the
article of each page (or the sections a leaflet asks for, by heading id), its review
dates and its rendered sources list. Nothing is copied from Markdown, so what a clinic
prints is exactly what the website says on the day it was built.

The built HTML is made for a screen, so the fragments are adjusted for paper:

* permalink anchors, interactive bits and the page's print footer go;
* ids get a per-page prefix, so two pages in one leaflet cannot clash;
* links to pages inside the same leaflet become links within the PDF; links to other
  pages are followed by their short address, and external links by their address
  without ``https://``, because paper cannot be clicked;
* in a leaflet made of several pages each page title becomes a section heading, so
  every heading level moves down one.

The structure read from the page-meta partial (``<time datetime data-date>`` elements
for the date last checked against the evidence and the next review, then a ``Sources``
heading with id ``sources`` followed by an ordered list) is a
contract with ``overrides/partials/page-meta.html``; a break stops the build with a
message that says which page and what was expected.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from mkdocs.exceptions import PluginError

from sitebuild.qr import short_address

#: Section name for the text between a page's title and its first subheading.
INTRO = "intro"
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
#: Parts of an article a leaflet leaves out: interactive elements, Material's and toc's
#: screen furniture, and the page's own print footer (the leaflet has its own).
_LEFT_OUT_TAGS = frozenset({"script", "style", "form", "button", "nav"})
#: The page's urgent-help box goes too: every leaflet prints it once, from the package.
_LEFT_OUT_CLASSES = frozenset(
    {"headerlink", "md-source-file", "md-content__button", "site-no-print", "site-print-only", "site-urgent-help"}
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class BuiltPage:
    """One built page, read for print."""

    path: str
    title: str
    description: str
    article: Tag
    reviewed: dt.date | None
    """The date the page was last checked against the evidence (not a clinical review)."""
    next_review: dt.date | None
    sources: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.path.strip("/").replace("/", "-") or "home"


@dataclass(frozen=True)
class Part:
    """The sections of one page that a leaflet includes (``None``: the whole article),
    less any subsections it leaves out (to keep a leaflet within its page count)."""

    path: str
    sections: tuple[str, ...] | None = None
    omit: tuple[str, ...] = ()


def read_page(site_dir: Path, path: str, need_review: bool = True) -> BuiltPage:
    """Parse ``site_dir/<path>/index.html`` into its article, dates and sources."""
    file = site_dir / path.strip("/") / "index.html"
    if not file.is_file():
        raise PluginError(f"Leaflets: the built page {file} does not exist; check the page path in data/leaflets.yml")
    html = file.read_text(encoding="utf-8")
    # Parse only the article (and the description): the whole page is ten times larger.
    found = _ARTICLE.search(html)
    article = BeautifulSoup(found.group(0), "html.parser").article if found else None
    h1 = article.find("h1") if article else None
    if article is None or h1 is None:
        raise PluginError(f"Leaflets: {path} has no <article> with an <h1>")
    for element in article.find_all(_left_out):
        element.decompose()
    description = _DESCRIPTION.search(html)
    reviewed, next_review, sources = _page_meta(article, path, need_review)
    return BuiltPage(
        path=path,
        title=h1.get_text(" ", strip=True),
        description=unescape(description.group(1)) if description else "",
        article=article,
        reviewed=reviewed,
        next_review=next_review,
        sources=sources,
    )


def _left_out(element: Tag) -> bool:
    return element.name in _LEFT_OUT_TAGS or not _LEFT_OUT_CLASSES.isdisjoint(element.get("class") or ())


def _page_meta(article: Tag, path: str, need_review: bool) -> tuple[dt.date | None, dt.date | None, tuple[str, ...]]:
    """Review dates and sources from the page-meta block, which is then removed."""
    heading = article.find(id="sources")
    block = heading.find_parent("footer") if heading else None
    if heading is None or block is None:
        if need_review:
            raise PluginError(
                f"Leaflets: {path} has no page-meta footer with a 'Sources' heading (id 'sources'); "
                "overrides/partials/page-meta.html must render it"
            )
        return None, None, ()
    times = {str(t.get("data-date")): str(t["datetime"]) for t in block.find_all("time", datetime=True)}
    sources_list = heading.find_next_sibling("ol")
    if not {"checked", "next-review"} <= set(times) or sources_list is None:
        raise PluginError(
            f"Leaflets: {path} must show its checked and next-review dates "
            "(<time data-date=...>) and an ordered sources list"
        )
    sources = tuple(_clean_text(li.get_text()) for li in sources_list.find_all("li", recursive=False))
    block.decompose()
    return dt.date.fromisoformat(times["checked"]), dt.date.fromisoformat(times["next-review"]), sources


def _clean_text(text: str) -> str:
    return re.sub(r"\s+([.,;:])", r"\1", re.sub(r"\s+", " ", text)).strip()


def select(page: BuiltPage, part: Part) -> list[Tag | NavigableString]:
    """The article's content after its title, or only the part's sections, in page order.

    A section is a heading and everything after it up to the next heading of the
    same or a higher level, or a single block (such as a callout) with that id;
    :data:`INTRO` is the text before the first subheading.
    """
    children: list[Tag | NavigableString] = [
        c for c in page.article.children
        if isinstance(c, Tag) or (isinstance(c, NavigableString) and c.strip())
    ]
    h1_index = next(i for i, c in enumerate(children) if isinstance(c, Tag) and c.name == "h1")
    body = children[h1_index + 1 :]
    picked = set(range(len(body))) if part.sections is None else _spans(page, body, part.sections)
    picked -= _spans(page, body, part.omit)
    return [body[i] for i in sorted(picked)]


def _spans(page: BuiltPage, body: list[Tag | NavigableString], names: tuple[str, ...]) -> set[int]:
    indexes: set[int] = set()
    for name in names:
        span = _section_span(body, name)
        if span is None:
            raise PluginError(
                f"Leaflets: {page.path} has no section {name!r} (a heading or block id) for data/leaflets.yml"
            )
        indexes.update(range(*span))
    return indexes


def _section_span(body: list[Tag | NavigableString], name: str) -> tuple[int, int] | None:
    def level(node: Tag | NavigableString) -> int | None:
        return int(node.name[1]) if isinstance(node, Tag) and node.name in _HEADINGS else None

    if name == INTRO:
        end = next((i for i, node in enumerate(body) if level(node)), len(body))
        return (0, end)
    start = next(
        (i for i, node in enumerate(body) if isinstance(node, Tag) and level(node) and node.get("id") == name), None
    )
    if start is None:
        # Not a heading: a block with that id (such as a callout) is a section on its own.
        block = next((i for i, node in enumerate(body) if isinstance(node, Tag) and node.get("id") == name), None)
        return None if block is None else (block, block + 1)
    top = level(body[start]) or 0  # never 0: body[start] is a heading
    end = next((i for i in range(start + 1, len(body)) if (lvl := level(body[i])) and lvl <= top), len(body))
    return (start, end)


def to_print_html(
    page: BuiltPage,
    nodes: list[Tag | NavigableString],
    *,
    site_url: str,
    in_leaflet: dict[str, set[str]],
    demote: bool,
) -> str:
    """Serialise the nodes for paper (see the module docstring for what changes).

    ``in_leaflet`` maps each page path in this leaflet to the ids it prints, so that
    only links whose target is printed stay links.
    """
    soup = BeautifulSoup("", "html.parser")
    holder = soup.new_tag("div")
    for node in nodes:
        holder.append(copy.copy(node))
    for element in holder.find_all(id=True):
        element["id"] = f"{page.slug}--{element['id']}"
    for element in holder.find_all(src=True):
        element["src"] = urljoin("/" + page.path, str(element["src"])).lstrip("/")
    for link in holder.find_all("a", href=True):
        _rewrite_link(soup, link, page, site_url, in_leaflet)
    if demote:
        for heading in holder.find_all(list(_HEADINGS)):
            heading.name = f"h{min(int(heading.name[1]) + 1, 6)}"
    return holder.decode_contents()


def _rewrite_link(
    soup: BeautifulSoup, link: Tag, page: BuiltPage, site_url: str, in_leaflet: dict[str, set[str]]
) -> None:
    href = str(link["href"])
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto", "tel"):
        shown = href.split(":", 1)[1].lstrip("/").rstrip("/")
        if shown.split("/")[0].lower() not in link.get_text().lower():
            link.insert_after(" ", _address(soup, shown))
        return
    target = urlsplit(urljoin("/" + page.path, href))
    target_path = target.path.lstrip("/")
    slug = target_path.strip("/").replace("/", "-") or "home"
    if target_path in in_leaflet:
        if not target.fragment or target.fragment in in_leaflet[target_path]:
            link["href"] = f"#{slug}--{target.fragment}" if target.fragment else f"#{slug}"
            return
        # A part of a page this leaflet quotes but does not print: the leaflet gives
        # that page's address once, rather than after every link.
    else:
        link.insert_after(" ", _address(soup, short_address(site_url, target_path)))
    link.unwrap()


def _address(soup: BeautifulSoup, text: str) -> Tag:
    span = soup.new_tag("span", attrs={"class": "leaflet-address"})
    span.string = f"({text})"
    return span


def included_ids(nodes: list[Tag | NavigableString]) -> set[str]:
    """Every id inside the selected nodes: the anchors a link may point at."""
    ids: set[str] = set()
    for node in nodes:
        if isinstance(node, Tag):
            if node.get("id"):
                ids.add(str(node["id"]))
            ids.update(str(e["id"]) for e in node.find_all(id=True))
    return ids
