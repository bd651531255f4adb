"""Honest review status: nothing unsigned is presented as clinically reviewed.

"Page last reviewed" (and "Last reviewed" on a leaflet) appear only where
data/signoff.yml records a clinician's sign-off; everything else says that clinical
review is pending. Checked on the built site (HTML and the PDF text), and on a signed
fixture rendered through the same templates.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jinja2
import pypdf
import pytest
from bs4 import BeautifulSoup

from content_helpers import DOCS, ROOT, built_path, front_matter, markdown_pages
from selfcheck import wording
from sitebuild import catalogue, content, leaflets

SIGNOFFS = content.load_signoffs(ROOT / content.SIGNOFF_PATH)
SPECS = leaflets.load_specs(ROOT / leaflets.DATA_PATH)
REVIEWED = re.compile(r"last\s*reviewed", re.I)
THEME = ROOT / "overrides"


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME), autoescape=True, undefined=jinja2.StrictUndefined)
    catalogue.install(env, catalogue.load("en"))
    return env


def _words(html: str) -> str:
    """Visible text of HTML, with quoted phrases left out (the About page names the labels)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style"):
        hidden.decompose()
    text = re.sub(r"\s+([,.])", r"\1", " ".join(soup.get_text(" ").split()))
    return re.sub(r"&quot;.*?&quot;|\"[^\"<>]*\"|“[^”]*”", " ", text)


def _pdf_text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())


@pytest.mark.parametrize("page", [p.name for p in markdown_pages()])
def test_no_unsigned_page_shows_as_reviewed(built_site: Path, page: str) -> None:
    """The whole built page, print footer included: 'last reviewed' only with a sign-off."""
    meta = front_matter(DOCS / page)
    text = _words(built_path(built_site, page).read_text(encoding="utf-8"))
    signed = content.signoff_for(SIGNOFFS, "page", page, meta.get("reviewed"))
    if signed is None:
        assert not REVIEWED.search(text), f"{page} says 'last reviewed' with no clinical sign-off"
        if not meta.get("hide_review"):
            assert "Clinical review: pending" in text
    else:
        assert f"Page last reviewed: {signed.date_text}" in text


@pytest.mark.parametrize("spec", SPECS, ids=[s.slug for s in SPECS])
def test_no_unsigned_leaflet_shows_as_reviewed(built_site: Path, spec: leaflets.LeafletSpec) -> None:
    text = _pdf_text(built_site / leaflets.OUTPUT_DIR / f"{spec.slug}.pdf")
    if not any(s.kind == "leaflet" and s.name == spec.slug for s in SIGNOFFS):
        assert not REVIEWED.search(text), f"{spec.slug}.pdf says 'last reviewed' with no clinical sign-off"
        assert "Clinical review: pending" in text


def test_leaflets_page_says_review_is_pending(built_site: Path) -> None:
    text = (built_site / leaflets.LIST_PAGE).read_text(encoding="utf-8")
    listed = re.findall(r'class="site-leaflet__version">([^<]*)<', text)
    assert len(listed) == len(SPECS)
    for spec, line in zip(SPECS, listed, strict=True):
        if not any(s.kind == "leaflet" and s.name == spec.slug for s in SIGNOFFS):
            assert line.startswith("Clinical review pending") and not REVIEWED.search(line)


# --- A signed fixture shows as reviewed --------------------------------------------

SIGNOFF = content.SignOff("Dr A. Example", "a GP with an interest in dermatology", dt.date(2026, 12, 1), "page", "x.md")


def test_signed_page_meta_says_page_last_reviewed() -> None:
    review = content.PageReview(True, dt.date(2026, 11, 30), dt.date(2027, 11, 24), (), SIGNOFF)
    html = _env().get_template("partials/page-meta.html").render(page_review=review)
    text = _words(html)
    assert "Page last reviewed: 1 December 2026, by a GP with an interest in dermatology" in text
    assert "pending" not in text
    unsigned = _env().get_template("partials/page-meta.html").render(page_review=review.__class__(
        True, review.reviewed, review.next_review, ()))
    assert "Clinical review: pending" in unsigned and not REVIEWED.search(unsigned)


def test_signed_leaflet_pdf_says_last_reviewed(tmp_path: Path) -> None:
    """The leaflet template, rendered to a real PDF with and without a sign-off."""
    weasyprint = pytest.importorskip("weasyprint")
    spec = SPECS[0]
    common = dict(
        spec=spec, sections=[], sources=[], reviewed_text="30 November 2026", next_review_text="24 November 2027",
        qr="", self_check=None, urgent=wording, site_name="Site", copyright="", version="v",
        short_address="example.org/x", reviewed=dt.date(2026, 11, 30), next_review=dt.date(2027, 11, 24),
    )
    texts = {}
    for name, signoff in (("signed", SIGNOFF), ("unsigned", None)):
        html = _env().get_template(leaflets.LEAFLET_TEMPLATE).render(signoff=signoff, **common)
        pdf = tmp_path / f"{name}.pdf"
        weasyprint.HTML(string=html).write_pdf(pdf)
        texts[name] = _pdf_text(pdf)
    assert "Last reviewed: 1 December 2026" in texts["signed"] and "pending" not in texts["signed"]
    assert "Clinical review: pending" in texts["unsigned"] and not REVIEWED.search(texts["unsigned"])
