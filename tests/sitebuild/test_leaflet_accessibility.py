"""Every PDF leaflet, large print included, is tagged for screen readers (PDF/UA-1).

The structure is read back from the built PDFs (pdf_structure): language, title,
the PDF/UA mark, headings in reading order, alternative text on every figure (the
QR codes), and a large-print edition with the same words in the same order, no text
smaller than 16 pt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pdf_structure import Element, TaggedPdf, tagged

from sitebuild import leaflets

ROOT = Path(__file__).resolve().parents[2]
SPECS = leaflets.load_specs(ROOT / leaflets.DATA_PATH)
BY_SLUG = pytest.mark.parametrize("spec", SPECS, ids=[spec.slug for spec in SPECS])
EDITIONS = ("", leaflets.LARGE_PRINT_SUFFIX)


def _pdf(site: Path, spec: leaflets.LeafletSpec, edition: str) -> TaggedPdf:
    return tagged(site / leaflets.OUTPUT_DIR / f"{spec.slug}{edition}.pdf")


def _words(text: str) -> str:
    """Text without whitespace: line breaks fall in different places at each size."""
    return re.sub(r"\s+", "", text)


def _headings(elements: list[Element]) -> list[tuple[str, str]]:
    return [(e.kind, _words(e.text)) for e in elements if re.fullmatch(r"H[1-6]", e.kind)]


@BY_SLUG
@pytest.mark.parametrize("edition", EDITIONS, ids=["standard", "large-print"])
def test_leaflet_is_tagged_with_language_title_and_alt_text(built_site: Path, spec: leaflets.LeafletSpec, edition: str) -> None:
    pdf = _pdf(built_site, spec, edition)
    assert bool(pdf.catalog["/MarkInfo"]["/Marked"])
    assert pdf.catalog["/Lang"] == "en-GB"
    assert bool(pdf.catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.reader.metadata.title == spec.title
    assert 'pdfuaid:part="1"' in pdf.xmp
    elements = pdf.elements()
    assert elements[0].kind == "Document"
    # Reading order starts with the title, as the only first-level heading.
    headings = _headings(elements)
    assert headings[0] == ("H1", _words(spec.title))
    assert [kind for kind, _ in headings].count("H1") == 1
    # Every figure (the QR codes, any drawing) says what it is.
    figures = [e for e in elements if e.kind == "Figure"]
    assert figures, "the QR code must be a tagged figure"
    assert all(f.alt and f.alt.strip() for f in figures), [f.alt for f in figures]
    assert any(f.alt.startswith("QR code for") for f in figures)
    # Nothing but the document holds the text: every word on the pages is tagged.
    assert len(_words(elements[0].text)) > 500


@BY_SLUG
def test_large_print_has_the_same_words_in_the_same_order(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    # A table that runs onto a new page repeats its header row there: leave those out.
    standard = _pdf(built_site, spec, "").elements(skip=frozenset({"THead"}))
    large = _pdf(built_site, spec, leaflets.LARGE_PRINT_SUFFIX).elements(skip=frozenset({"THead"}))
    assert _headings(large) == _headings(standard)
    assert _words(large[0].text) == _words(standard[0].text)


@BY_SLUG
def test_large_print_text_is_at_least_16_point(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    standard = _pdf(built_site, spec, "")
    large = _pdf(built_site, spec, leaflets.LARGE_PRINT_SUFFIX)
    # Rounding in the PDF's matrices leaves 16 pt as 15.9997.
    assert min(large.text_sizes) >= 15.99, min(large.text_sizes)
    assert min(standard.text_sizes) < 15.99, "the standard edition is the smaller one"


def test_leaflets_page_lists_large_print_and_other_formats(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / leaflets.LIST_PAGE).read_text(), "html.parser")
    for spec in SPECS:
        link = soup.find("a", href=f"{spec.slug}{leaflets.LARGE_PRINT_SUFFIX}.pdf")
        assert link is not None and "large print" in link.get_text()
        assert "at least 16 point" in link.find_parent("p").get_text()
    formats = soup.find(id="large-print")
    assert formats is not None
    ask = formats.find_next("a", href=re.compile(r"^mailto:"))
    assert ask is not None and "braille" in ask.find_parent("p").get_text()
