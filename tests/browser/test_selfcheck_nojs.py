"""Without JavaScript the self-check page is the start text and a complete paper checklist."""

from __future__ import annotations

from playwright.sync_api import Browser

from selfcheck import PARTS, QUESTIONS, questions_in
from sitebuild.catalogue import load
from sitebuild.selfcheck_page import build
from selfcheck_flow import new_page


def test_the_paper_checklist_has_every_question_in_the_bank(browser: Browser, site_url: str) -> None:
    context, page, recorder = new_page(browser, site_url, java_script_enabled=False)
    try:
        page.goto(site_url + "self-check/")
        assert page.locator("article h1").first.inner_text().startswith("Check before using iontophoresis")
        # Nothing of the JavaScript journey shows; the start button needs JavaScript.
        assert page.locator("[data-sc-action=start]").is_hidden()
        assert page.locator("[data-sc-screen]:visible").count() == 1  # the start text
        assert "needs JavaScript" in page.locator("[data-sc-when=no-js]").inner_text()
        paper = page.locator("[data-sc-paper]")
        assert paper.is_visible()
        items = paper.locator("[data-sc-paper-question]")
        assert [items.nth(i).get_attribute("data-sc-paper-question") for i in range(items.count())] == [
            q.id for q in QUESTIONS
        ]
        text = " ".join(paper.inner_text().split())
        for q in QUESTIONS:
            item = paper.locator(f"[data-sc-paper-question={q.id}]")
            assert item.locator(".sc-paper__text").inner_text() == q.text
            assert item.locator(".sc-paper__hint").inner_text() == q.hint
            for option in q.options:
                assert option.label in item.inner_text()
            for rule in q.rules:
                assert rule.when in item.inner_text()
        for part in PARTS:
            assert f"Part {part.letter}: {part.title}" in text
            numbers = [n for n, q in enumerate(QUESTIONS, 1) if q in questions_in(part.id)]
            assert paper.locator(f"ol[start='{numbers[0]}'] > li").count() == len(numbers)
        # The headline rule, derived from the bank's rules.
        rule = build("https://iontophoresis.example.org/", load("en")).doctor_first
        assert rule.lead in text and all(item in text for item in rule.items)
        assert rule.lead.startswith("Do not start iontophoresis before speaking to a doctor")
        # It prints: the checklist alone.
        page.emulate_media(media="print")
        assert paper.is_visible()
        assert page.locator("[data-sc-screen=start]").is_hidden()
        assert recorder.requests and recorder.foreign() == []
    finally:
        context.close()
