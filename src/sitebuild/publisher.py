"""Who publishes the site and where feedback goes, written once in ``mkdocs.yml``.

``extra.publisher`` and ``extra.feedback_email`` appear in every page's footer
(``overrides/partials/copyright.html``) and in the text of a few pages. Those pages
write ``[[publisher]]`` or ``[[feedback]]`` (a ``mailto:`` link showing the address),
and this fills them in before the Markdown is rendered, so a change of address is one
line in ``mkdocs.yml``. A ``mailto:`` link sends nothing by itself: the reader's own
email program does, if they choose.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from mkdocs.exceptions import PluginError

_PLACEHOLDER = re.compile(r"\[\[([a-z-]+)\]\]")


def fill(markdown: str, extra: Mapping[str, Any], page: str) -> str:
    """Replace ``[[publisher]]`` and ``[[feedback]]``; any other ``[[name]]`` is a mistake."""
    if not _PLACEHOLDER.search(markdown):
        return markdown
    missing = [key for key in ("publisher", "feedback_email") if not str(extra.get(key) or "").strip()]
    if missing:
        raise PluginError(f"{page}: set {', '.join('extra.' + key for key in missing)} in mkdocs.yml")
    email = html.escape(str(extra["feedback_email"]).strip())
    values = {
        "publisher": html.escape(str(extra["publisher"]).strip()),
        "feedback": f'<a href="mailto:{email}">{email}</a>',
    }

    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise PluginError(f"{page}: unknown placeholder [[{match[1]}]]; use [[publisher]] or [[feedback]]")
        return values[match[1]]

    return _PLACEHOLDER.sub(value, markdown)
