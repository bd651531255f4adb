"""Red flags lead the result on a phone and on the printed summary (presentation rule 1, C1)."""

from __future__ import annotations

from playwright.sync_api import Browser

from selfcheck import Outcome, wording
from selfcheck.summary import answer_text
from selfcheck_flow import answer_all, new_page, open_self_check, see_result, clear_answers

# The review's case: night sweats, weight loss, fever and onset after 25, nothing else.
RED_FLAGS_ONLY = clear_answers(night_sweats="yes", weight_loss="yes", fever="not_sure", started_after_25="yes")
PHONE = {"width": 390, "height": 844}


def test_red_flags_alone_lead_the_result_on_a_phone(browser: Browser, site_url: str) -> None:
    """The first thing on the screen and on paper is "ask a GP soon"; "none found" is nowhere."""
    context, page, recorder = new_page(browser, site_url, viewport=PHONE)
    try:
        open_self_check(page, site_url)
        answer_all(page, RED_FLAGS_ONLY)
        assert see_result(page) == "result"
        card = page.locator("[data-sc-outcome]:visible")
        assert card.count() == 1
        assert card.get_attribute("data-sc-outcome") == Outcome.NONE_FOUND.value
        assert card.get_attribute("data-sc-red-flags") == "true"
        assert card.locator(".sc-care-card__label").inner_text() == wording.RED_FLAG_LABEL
        assert card.locator("h1").inner_text() == wording.RED_FLAG_HEADLINE.heading
        # The headline is at the top of the phone screen, above every finding.
        assert card.bounding_box()["y"] < page.locator("[data-sc-tier=red_flag]").bounding_box()["y"]
        screen_text = page.locator("[data-sc-screen=result]").inner_text()
        none_found = wording.OUTCOMES[Outcome.NONE_FOUND]
        assert none_found.heading not in screen_text and none_found.text not in screen_text
        assert wording.OUTCOME_LABELS[Outcome.NONE_FOUND] + "\n" not in screen_text
        assert "pharmacist" not in screen_text and "chest pain" in screen_text
        # One wording of an answer: the screen shows the summary's words for "not sure".
        fever = page.locator("[data-sc-tier=red_flag] .sc-result-finding", has_text="Fever")
        assert fever.locator("[data-sc-slot=answer]").inner_text() == answer_text("fever", "not_sure")
        # On paper the red-flag headline is the first heading after the title.
        page.emulate_media(media="print")
        sheet = page.locator("[data-sc-print-sheet]")
        assert sheet.is_visible()
        headings = sheet.locator("h2, h3").all_inner_texts()
        assert headings[1] == wording.RED_FLAG_HEADLINE.heading
        assert none_found.heading not in sheet.inner_text()
        assert wording.SIGN_OFF_PENDING in sheet.inner_text()
        assert recorder.foreign() == [] and recorder.errors == []
    finally:
        context.close()
