"""The plain-English checks every user-facing text passes, once: the engines' wording
(tests/selfcheck) and the site's catalogue (tests/sitebuild/test_catalogue.py)."""

from __future__ import annotations

import re

_BANNED = re.compile(
    r"\b(?:un)?safe(?:ly|r|st)?\b|\bsuitab(?:le|ility)\b|\bno side effects\b|\bguarantee\w*|\bcur(?:e|es|ed|ing)\b",
    re.IGNORECASE,
)
_STYLE = re.compile(r"\b(?:should|please|your gp)\b|\b\w+n't\b|\b(?:I'm|it's|you're|we're|they're)\b", re.IGNORECASE)
MAX_WORDS = 20


def reassuring_words(text: str) -> list[str]:
    """Reassuring words that user-facing text must never contain ("safety" is allowed)."""
    return _BANNED.findall(text)


def style_problems(text: str) -> list[str]:
    """What breaks the house style: "should", "please", "your GP", contractions, and
    sentences longer than :data:`MAX_WORDS` words."""
    long = [s for s in re.split(r"(?<=[.?!:])\s+", text) if len(s.split()) > MAX_WORDS]
    return _STYLE.findall(text) + long
