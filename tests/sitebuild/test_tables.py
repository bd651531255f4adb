"""Data tables carry a caption, and bare-address links in a table say where they go."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild.tables import add_captions, name_path_links


def test_caption_paragraph_moves_into_its_table() -> None:
    html = '<p class="table-caption">Risks</p>\n<table>\n<thead></thead></table><p class="x">Kept</p>'
    assert add_captions(html) == '<table>\n<caption>Risks</caption>\n<thead></thead></table><p class="x">Kept</p>'


def test_a_caption_paragraph_far_from_a_table_stays_a_paragraph() -> None:
    html = '<p class="table-caption">Alone</p><p>Text</p><table></table>'
    assert add_captions(html) == html


def test_path_link_is_named_by_its_row() -> None:
    html = '<tr>\n<td>Red <em>flags</em></td>\n<td><a href="../x/#r">/x/#r</a></td>\n</tr><p><a href="/">/</a></p>'
    named = name_path_links(html)
    assert '<a aria-label="Red flags: /x/#r" href="../x/#r">/x/#r</a>' in named
    assert named.endswith('<p><a href="/">/</a></p>'), "a link outside a table row is left alone"


def test_every_table_in_the_built_site_has_a_caption(built_site: Path) -> None:
    missing = [
        str(page.relative_to(built_site))
        for page in sorted(built_site.rglob("*.html"))
        for table in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("table")
        if table.find("caption") is None
    ]
    assert missing == []
