"""Read a tagged PDF's structure back, as a screen reader would meet it.

A tagged PDF marks each run of text on a page with a marked-content id (``MCID``) and
hangs those ids on a tree of structure elements (``H1``, ``P``, ``Figure`` …) in
reading order. These helpers pair the two: the text of every element, in tree order,
and the size every run of text is printed at.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import DictionaryObject, IndirectObject


@dataclass(frozen=True)
class Element:
    """One structure element: its type, alternative text and the text it holds."""

    kind: str
    alt: str | None
    text: str


def _page_runs(page: pypdf.PageObject) -> tuple[dict[int, str], list[float]]:
    """The text of each MCID on a page, and the printed size of every run of text."""
    marks: list[int | None] = []
    texts: dict[int, str] = defaultdict(str)
    sizes: list[float] = []

    def before(operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            marks.append(properties.get("/MCID") if isinstance(properties, dict) else None)
        elif operator == b"BMC":
            marks.append(None)
        elif operator == b"EMC" and marks:
            marks.pop()

    def text(run: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not run.strip():
            return
        # The printed size: the font size scaled by the text and page matrices.
        b = tm[0] * cm[1] + tm[1] * cm[3]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        sizes.append(size * math.hypot(b, d) if size else 0.0)
        mcid = next((m for m in reversed(marks) if m is not None), None)
        if mcid is not None:
            texts[int(mcid)] += run

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts, sizes


class TaggedPdf:
    """A PDF's catalog entries, structure tree and text sizes."""

    def __init__(self, path: Path) -> None:
        self.reader = pypdf.PdfReader(path)
        self.catalog = self.reader.trailer["/Root"]
        self._page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(self.reader.pages)}
        runs = [_page_runs(page) for page in self.reader.pages]
        self._texts = [texts for texts, _ in runs]
        self._skip: frozenset[str] = frozenset()
        self._elements: dict[frozenset[str], list[Element]] = {}
        self.text_sizes = [size for _, sizes in runs for size in sizes]

    @property
    def xmp(self) -> str:
        return self.catalog["/Metadata"].get_object().get_data().decode("utf-8")

    def elements(self, skip: frozenset[str] = frozenset()) -> list[Element]:
        """Every structure element, depth first, in the tree's reading order.

        Elements whose type is in ``skip`` (for example ``THead``, which WeasyPrint
        repeats on each page a table runs onto) are left out, text and all.
        """
        if skip not in self._elements:
            root = self.catalog["/StructTreeRoot"].get_object()
            found: list[Element] = []
            self._skip = skip
            self._walk(root["/K"], None, found)
            self._elements[skip] = found
        return self._elements[skip]

    def _walk(self, node: Any, page: int | None, found: list[Element]) -> str:
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, list):
            return "".join(self._walk(child, page, found) for child in node)
        if isinstance(node, int):
            return self._texts[page].get(node, "") if page is not None else ""
        if not isinstance(node, DictionaryObject):
            return ""
        if "/Pg" in node:
            page = self._page_numbers[node.raw_get("/Pg").idnum]
        if "/MCID" in node:  # a marked-content reference
            return self._walk(int(node["/MCID"]), page, found)
        if "/S" not in node or str(node["/S"])[1:] in self._skip:
            return ""
        index = len(found)
        found.append(Element(str(node["/S"]), None, ""))
        text = self._walk(node.get("/K", []), page, found)
        alt = node.get("/Alt")
        found[index] = Element(str(node["/S"])[1:], str(alt) if alt is not None else None, text)
        return text


@cache
def tagged(path: Path) -> TaggedPdf:
    """The leaflet at ``path``, read once per test session (several tests read each one)."""
    return TaggedPdf(path)
