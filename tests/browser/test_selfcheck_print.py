"""Printing the self-check: the GP summary on one or two A4 pages, or the paper checklist."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pypdf
import yaml
from playwright.sync_api import Browser

from selfcheck import QUESTION_SET_VERSION, QUESTIONS, format_date, question
from sitebuild.qr import page_url
from selfcheck_flow import answer_all, expected, new_page, open_self_check, see_result, clear_answers
from sitebuild.paths import ROOT

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]
#: 12pt in CSS pixels.
MIN_TEXT_PX = 16


def decode_qr_codes(pdf: Path) -> list[str]:
    """Read every QR code on the first page, as a phone camera would."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def flat(text: str) -> str:
    # NFKC: PDF text can hold ligatures ("ﬁ" in "defibrillator"), which Chromium sets.
    return " ".join(unicodedata.normalize("NFKC", text).replace("-\n", "-").split())


def small_or_grey_text(page) -> list[str]:
    return page.evaluate(
        """(minPx) => {
            const bad = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const el = walker.currentNode.parentElement;
                if (!walker.currentNode.textContent.trim() || !el.checkVisibility()) continue;
                const style = getComputedStyle(el);
                if (parseFloat(style.fontSize) < minPx - 0.01 || style.color !== "rgb(0, 0, 0)")
                    bad.push(`${el.tagName}.${el.className}: ${style.fontSize} ${style.color}`);
            }
            return bad;
        }""",
        MIN_TEXT_PX,
    )


def test_a_typical_summary_prints_on_one_a4_page(browser: Browser, site_url: str, tmp_path: Path) -> None:
    context, page, recorder = new_page(browser, site_url)
    try:
        open_self_check(page, site_url)
        answers = clear_answers(pacemaker="not_sure")
        answer_all(page, answers)
        assert see_result(page) == "result"
        page.fill("[data-sc-name]", "Alex Example")
        pdf = tmp_path / "summary.pdf"
        page.pdf(path=str(pdf), format="A4")
        reader = pypdf.PdfReader(pdf)
        # One or two pages: urgent help for the four UK nations ends the sheet (presentation
        # rule 2); the result and every finding are on the first page.
        assert len(reader.pages) <= 2
        box = reader.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
        first = flat(reader.pages[0].extract_text())
        assert format_date(dt.date.today()) in first
        assert QUESTION_SET_VERSION in first
        assert "Name: Alex Example" in first
        for finding in expected(answers)["findings"]:
            assert question(finding["question"]).label in first
            assert flat(finding["reason"]) in first
        text = flat(" ".join(p.extract_text() for p in reader.pages))
        # Every answer is listed, and only the summary is printed: no buttons, no menu.
        for q in QUESTIONS:
            assert q.label in text
        assert "Print or save summary" not in text and "Clear my answers" not in text
        # The QR code opens the information pages; it never carries answers.
        assert decode_qr_codes(pdf) == [page_url(SITE_URL)]
        page.emulate_media(media="print")
        assert small_or_grey_text(page) == []
        assert recorder.foreign() == []
    finally:
        context.close()


def test_without_a_result_the_paper_checklist_prints(browser: Browser, site_url: str, tmp_path: Path) -> None:
    context, page, _ = new_page(browser, site_url)
    try:
        open_self_check(page, site_url, wait_for_engine=False)
        pdf = tmp_path / "checklist.pdf"
        page.pdf(path=str(pdf), format="A4")
        text = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
        for q in QUESTIONS:
            assert flat(q.text) in text
        assert "Start now" not in text
        page.emulate_media(media="print")
        assert small_or_grey_text(page) == []
    finally:
        context.close()
