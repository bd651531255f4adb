"""Give each data table a caption, and each bare-address link in a table a name.

Python-Markdown's tables have no caption syntax. A page names a table with a short
paragraph just above it, marked ``{ .table-caption }``; this moves that paragraph into
the table as its ``<caption>``, so a screen reader announces the table by name (WCAG
H39). A link whose words are a bare address ("/self-check/") says nothing about where
it goes, so it gets an ``aria-label`` that starts with its row's first cell ("Self-check:
/self-check/"); the visible address stays in the name (WCAG 2.5.3, label in name).
"""

from __future__ import annotations

import html
import re

CAPTION_CLASS = "table-caption"

_CAPTIONED = re.compile(
    rf'<p class="{CAPTION_CLASS}">(?P<caption>(?:(?!</p>).)*)</p>\s*<table>', re.DOTALL
)
_ROW = re.compile(r"<tr>(?P<row>(?:(?!</tr>).)*)</tr>", re.DOTALL)
_FIRST_CELL = re.compile(r"<t[dh][^>]*>(?P<cell>(?:(?!</t[dh]>).)*)</t[dh]>", re.DOTALL)
_PATH_LINK = re.compile(r'<a href="(?P<href>[^"]*)">(?P<path>/[^<]*)</a>')
_TAG = re.compile(r"<[^>]+>")


def add_captions(page_html: str) -> str:
    """Move each ``.table-caption`` paragraph into the table that follows it."""
    return _CAPTIONED.sub(lambda m: f"<table>\n<caption>{m['caption']}</caption>", page_html)


def name_path_links(page_html: str) -> str:
    """Label each bare-address link in a table row with the row's first cell."""

    def named_row(row: re.Match[str]) -> str:
        first = _FIRST_CELL.search(row["row"])
        if first is None:
            return row[0]
        topic = " ".join(html.unescape(_TAG.sub("", first["cell"])).split())

        def named(link: re.Match[str]) -> str:
            label = html.escape(f"{topic}: {html.unescape(link['path'])}", quote=True)
            return f'<a aria-label="{label}" href="{link["href"]}">{link["path"]}</a>'

        return f"<tr>{_PATH_LINK.sub(named, row['row'])}</tr>"

    return _ROW.sub(named_row, page_html)
