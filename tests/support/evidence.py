"""The source keys of the evidence base, which lives beside the repository (shared/).

One parser for the tables of its sources sections (9, and the addendum's 19).
"""

from __future__ import annotations

import pytest

from sitebuild.paths import ROOT

EVIDENCE_BASE = ROOT.parent / "shared" / "reference" / "clinical-evidence.md"

#: Where each sources table starts, and the line that ends it.
_SECTIONS = (
    ("## 9. Sources", "\n### Items still to verify"),
    ("## 19. Sources", "\n## Still unverified"),
)


def evidence_keys() -> set[str]:
    """The source keys of the evidence base; skips the test where the file is absent."""
    if not EVIDENCE_BASE.is_file():
        pytest.skip(f"evidence base not found at {EVIDENCE_BASE} (it lives outside the repository)")
    return source_keys(EVIDENCE_BASE.read_text(encoding="utf-8"))


def source_keys(text: str) -> set[str]:
    """Source keys from the source tables of the evidence base: section 9 and the addendum's 19.

    A cell may name several keys ("HUK / HUK-prot / HUK-what", "IPG487 / -safety");
    a key that starts with "-" extends the first key of its cell.
    """
    keys: set[str] = set()
    for first_line, last_line in _SECTIONS:
        start = text.index(first_line)
        end = text.find(last_line, start)
        keys |= table_keys(text[start : end if end != -1 else None])
    return keys


def table_keys(section: str) -> set[str]:
    """The keys in the first column of the tables of one section."""
    keys: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("| ") or line.startswith(("| Key", "|---")):
            continue
        cell = line.split("|")[1].strip()
        parts = [part.strip() for part in cell.split(" / ")]
        first = parts[0]
        for part in parts:
            keys.add(first + part if part.startswith("-") else part)
    return keys
