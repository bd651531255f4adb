"""Give each heading's permalink a name a screen reader can say.

Python-Markdown's ``toc`` extension writes ``<a class="headerlink" href="#id">¶</a>``
at the end of each heading: its accessible name is "¶". This adds an ``aria-label``
built from the heading's own words ("Link to this section: Side effects", worded in the
catalogue), once per page, as MkDocs hands the page's HTML over (``on_page_content``).
"""

from __future__ import annotations

import html
import re

from sitebuild.catalogue import Catalogue

_HEADING = re.compile(
    r'(?P<open><h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>)(?P<text>(?:(?!</h[1-6]>).)*?)'
    r'<a class="headerlink" href="#(?P=id)"',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def name_permalinks(page_html: str, words: Catalogue) -> str:
    """Add an ``aria-label`` naming its section to every heading's permalink."""

    def named(match: re.Match[str]) -> str:
        heading = " ".join(html.unescape(_TAG.sub("", match["text"])).split())
        label = html.escape(words.text("site.permalink", section=heading), quote=True)
        return f'{match["open"]}{match["text"]}<a class="headerlink" aria-label="{label}" href="#{match["id"]}"'

    return _HEADING.sub(named, page_html)
