"""Heading permalinks are named by their section, not "¶"."""

from __future__ import annotations

from sitebuild.catalogue import load
from sitebuild.permalinks import name_permalinks

WORDS = load("en")


def test_permalink_is_named_after_its_heading() -> None:
    html = '<h2 id="a-b">Side <em>effects</em> &amp; more<a class="headerlink" href="#a-b" title="Permanent link">&para;</a></h2>'
    assert 'aria-label="Link to this section: Side effects &amp; more"' in name_permalinks(html, WORDS)


def test_a_heading_without_a_permalink_is_left_alone() -> None:
    html = '<h2 id="x">No link</h2><p>Text</p><h3 id="y">Other<a class="headerlink" href="#y">&para;</a></h3>'
    named = name_permalinks(html, WORDS)
    assert named.count("aria-label") == 1
    assert 'aria-label="Link to this section: Other"' in named
