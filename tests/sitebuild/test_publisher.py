"""The publisher's name and the feedback address come from mkdocs.yml, written once."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from sitebuild.publisher import fill

EXTRA = {"publisher": "A & B Project", "feedback_email": "help@example.org"}


def test_placeholders_are_filled_from_the_config() -> None:
    text = fill("By [[publisher]]. Email [[feedback]].", EXTRA, "page.md")
    assert text == 'By A &amp; B Project. Email <a href="mailto:help@example.org">help@example.org</a>.'


def test_a_page_without_placeholders_needs_no_config() -> None:
    assert fill("Plain text [link](x.md)", {}, "page.md") == "Plain text [link](x.md)"


@pytest.mark.parametrize(
    ("text", "extra", "problem"),
    [("[[feedback]]", {"publisher": "P"}, "extra.feedback_email"), ("[[phone]]", EXTRA, "unknown placeholder")],
)
def test_mistakes_stop_the_build(text: str, extra: dict, problem: str) -> None:
    with pytest.raises(PluginError, match=problem):
        fill(text, extra, "page.md")
