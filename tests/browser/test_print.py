"""Printing a content page in Chromium: no site chrome, large enough text, fits A4."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from sitebuild.paths import ROOT
from sitebuild.qr import short_address

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]
PAGES = ["side-effects/", "who-should-not-use-it/", "home-use/"]
#: 12pt in CSS pixels (96 per inch, 72 points per inch).
MIN_TEXT_PX = 16
#: A4 is 210 mm wide; print.css leaves 15 mm each side.
PRINTABLE_WIDTH_PX = (210 - 2 * 15) / 25.4 * 96


def _print_view(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": round(PRINTABLE_WIDTH_PX), "height": 1100})
    page.emulate_media(media="print")
    page.goto(site_url + path)


@pytest.mark.parametrize("path", PAGES)
def test_site_chrome_is_not_printed(page: Page, site_url: str, path: str) -> None:
    _print_view(page, site_url, path)
    for selector in ("header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", "footer.md-footer", ".headerlink"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed on {path}"
    assert page.locator("article h1").is_visible()


@pytest.mark.parametrize("path", PAGES)
def test_every_printed_text_is_at_least_12pt_and_black(page: Page, site_url: str, path: str) -> None:
    _print_view(page, site_url, path)
    body = page.locator("article p").first
    assert float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 13 / 72 * 96 - 0.1, "body is 13pt"
    too_small = page.evaluate(
        """(minPx) => {
            const bad = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const text = walker.currentNode;
                const el = text.parentElement;
                if (!text.textContent.trim() || !el.checkVisibility()) continue;
                const style = getComputedStyle(el);
                if (parseFloat(style.fontSize) < minPx - 0.01 || style.color !== "rgb(0, 0, 0)")
                    bad.push(`${el.tagName}.${el.className}: ${style.fontSize} ${style.color} "${text.textContent.trim().slice(0, 30)}"`);
            }
            return bad;
        }""",
        MIN_TEXT_PX,
    )
    assert too_small == []


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_wider_than_the_printable_width(page: Page, site_url: str, path: str) -> None:
    _print_view(page, site_url, path)
    wide = page.evaluate(
        """(maxPx) => [...document.querySelectorAll("body *")]
            .filter(e => e.checkVisibility())
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > maxPx + 0.5 || r.right > maxPx + 0.5)
            .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.width)}px`)""",
        PRINTABLE_WIDTH_PX,
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH_PX + 0.5


@pytest.mark.parametrize("path", PAGES)
def test_print_footer_and_link_addresses(page: Page, site_url: str, path: str) -> None:
    _print_view(page, site_url, path)
    footer = page.locator(".site-print-footer")
    assert footer.is_visible()
    text = footer.inner_text()
    assert page.locator("article h1").inner_text() in text
    # Review status from data/signoff.yml: "Page last reviewed" only with a clinical sign-off.
    assert ("Page last reviewed:" in text or "Clinical review: pending." in text) and "Next review due:" in text
    assert short_address(SITE_URL, path) in text
    # External links print their address; links within the site do not.
    after = "(a) => getComputedStyle(a, '::after').content"
    external = page.locator("article a[href^='http']").first
    assert external.get_attribute("href") in external.evaluate(after)
    internal = page.locator("article a[href^='../']").first
    assert internal.evaluate(after) in ("none", "normal")


def test_print_footer_is_hidden_on_screen(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGES[0])
    assert not page.locator(".site-print-footer").is_visible()
    assert page.locator("header.md-header").is_visible()


@pytest.mark.parametrize("path", PAGES)
def test_chromium_prints_a4_pages_with_page_numbers(page: Page, site_url: str, path: str, tmp_path: Path) -> None:
    import pypdf

    page.goto(site_url + path)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = pypdf.PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    first = reader.pages[0].extract_text()
    assert f"Page 1 of {len(reader.pages)}" in first
    last = reader.pages[-1].extract_text()
    # NFKC: PDF text may carry ligatures ("ﬀ") where the page has two letters.
    assert short_address(SITE_URL, path) in unicodedata.normalize("NFKC", last).replace("\n", "")
