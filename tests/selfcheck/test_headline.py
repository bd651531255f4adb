"""What a result leads with (presentation rules 1, 3 and 5): on screen, on paper and in text."""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date

import pytest
from sc_helpers import SPEC_TIERS, clear_answers

from selfcheck import Outcome, Tier, build_summary, evaluate, wording
from selfcheck.headline import HEADLINES, headline_for
from selfcheck.model import SignOff
from selfcheck.summary import answer_text, sign_off_status

DAY = date(2026, 11, 30)
RED_FLAG_IDS = [qid for qid, tier in SPEC_TIERS.items() if tier is Tier.RED_FLAG]
NONE_FOUND = wording.OUTCOMES[Outcome.NONE_FOUND]
MACHINE_INSTRUCTIONS = "Read the instructions that come with your machine"


def red_flag_answer_sets(count: int = 60) -> list[dict[str, object]]:
    """Red flags alone and with other findings, from a fixed seed so a failure can be replayed."""
    rng = random.Random(12)
    sets = [clear_answers(**{qid: "yes"}) for qid in RED_FLAG_IDS]
    for _ in range(count):
        changes: dict[str, object] = {qid: rng.choice(("yes", "not_sure")) for qid in rng.sample(RED_FLAG_IDS, 2)}
        changes.update({qid: rng.choice(("yes", "no", "not_sure")) for qid in rng.sample(list(SPEC_TIERS), 3)
                        if qid not in changes})
        changes["age"] = rng.choice((3, 5, 12, 34, 70))
        changes["areas"] = rng.choice((["hands"], ["underarms"], ["feet", "other"]))
        answers = clear_answers(**changes)
        if evaluate(answers).see_gp_about_sweating:
            sets.append(answers)
    return sets


class TestHeadline:
    @pytest.mark.parametrize("outcome", list(Outcome))
    def test_red_flags_lead_whatever_the_outcome(self, outcome: Outcome) -> None:
        """With red flags the headline asks for a GP soon, before any treatment (C1)."""
        h = headline_for(outcome, True)
        assert h.heading == wording.RED_FLAG_HEADLINE.heading
        assert "soon" in h.heading and "before you try any treatment" in h.heading
        assert h.label != wording.OUTCOME_LABELS[Outcome.NONE_FOUND]
        words = " ".join((h.label, h.heading, *h.text, *h.next_steps))
        assert NONE_FOUND.heading not in words and NONE_FOUND.text not in words
        assert MACHINE_INSTRUCTIONS not in words
        assert "pharmacist" not in words, "red flags go to a GP, never a pharmacist"

    def test_no_firmer_timescale_than_the_evidence(self) -> None:
        """No source gives a fixed timescale for most red flags: "soon", never "2 weeks" (EB 16)."""
        for h in HEADLINES:
            words = " ".join((h.heading, *h.text, *h.next_steps)).lower()
            assert not any(t in words for t in ("2 weeks", "two weeks", "48 hours", "urgently", "today"))

    def test_the_outcome_still_shows_under_red_flags(self) -> None:
        """Stop and discuss are still said, second; none_found adds nothing."""
        assert headline_for(Outcome.STOP, True).text[1] == wording.RED_FLAG_ALSO[Outcome.STOP]
        assert headline_for(Outcome.DISCUSS, True).text[1] == wording.RED_FLAG_ALSO[Outcome.DISCUSS]
        assert headline_for(Outcome.NONE_FOUND, True).text == (wording.RED_FLAG_HEADLINE.text,)

    def test_without_red_flags_the_outcome_leads(self) -> None:
        """Tiers and outcomes are unchanged: without red flags, the outcome's own words lead."""
        for outcome in Outcome:
            h = headline_for(outcome, False)
            assert (h.heading, h.text) == (wording.OUTCOMES[outcome].heading, (wording.OUTCOMES[outcome].text,))
            assert h.label == wording.OUTCOME_LABELS[outcome]

    def test_next_steps_follow_the_outcome(self) -> None:
        """Stop: GP or skin team; discuss: GP or skin specialist; none_found: what the check cannot do (M8)."""
        stop, discuss, none_found = (headline_for(o, False).next_steps for o in Outcome)
        assert "pharmacist" not in " ".join(stop + discuss)
        assert any("GP or your skin team" in step for step in stop)
        assert any("GP or a skin specialist" in step for step in discuss)
        assert any("cannot diagnose" in step for step in none_found)

    def test_one_card_per_outcome_and_flag(self) -> None:
        """The page renders six cards; red-flag cards never take the mild grey style."""
        assert {(h.outcome, h.red_flags) for h in HEADLINES} == set(itertools.product(Outcome, (True, False)))
        assert len(HEADLINES) == 6
        assert all(h.style is not Outcome.NONE_FOUND for h in HEADLINES if h.red_flags)


class TestRedFlagsLeadEverywhere:
    """No red-flag answer set, alone or with other findings, is shown, printed or written under reassurance."""

    @pytest.mark.parametrize("answers", red_flag_answer_sets(), ids=lambda a: "")
    def test_summary_html_and_text_lead_with_red_flags(self, answers: dict[str, object]) -> None:
        s = build_summary(evaluate(answers), DAY)
        html, text = s.to_html(), s.to_text()
        for rendered in (html, text):
            assert NONE_FOUND.heading not in rendered
            assert MACHINE_INSTRUCTIONS not in rendered
        # Text: the first line after the title, date and status is the red-flag headline.
        body = [line for line in text.splitlines()[4:] if line]
        assert body[0] == f"{wording.RED_FLAG_LABEL.upper()}: {wording.RED_FLAG_HEADLINE.heading}"
        # HTML: the first heading after the title is the red-flag headline.
        first_heading = html[html.index("<h3"):]
        assert first_heading.split(">", 1)[1].startswith(wording.RED_FLAG_HEADLINE.heading)

    def test_red_flag_only_text_reads_in_order(self) -> None:
        """Night sweats, weight loss, fever and onset after 25 (the review's C1 case): GP soon, first."""
        answers = clear_answers(night_sweats="yes", weight_loss="yes", fever="yes", started_after_25="yes")
        text = build_summary(evaluate(answers), DAY).to_text()
        order = [
            wording.SIGN_OFF_PENDING,
            "IMPORTANT: Ask a GP to check your sweating soon, before you try any treatment",
            "ASK A GP TO CHECK YOUR SWEATING",
            "- Night sweats that soak clothes or bedding: Yes",
            wording.URGENT_999,
        ]
        assert [text.index(line) for line in order] == sorted(text.index(line) for line in order)
        assert "RESULT:" not in text and NONE_FOUND.heading not in text


class TestAnswerText:
    def test_one_wording_of_an_answer_on_screen_paper_and_text(self) -> None:
        """The summary's HTML (which the screen copies), its rows and its text use answer_text."""
        s = build_summary(evaluate(clear_answers(coil="not_sure", areas=["feet", "other"])), DAY)
        coil = answer_text("coil", "not_sure")
        assert coil == f"Not sure ({wording.NOT_SURE_NOTE})"
        assert 'data-sc-finding="coil">' in s.to_html()
        assert f"<strong data-sc-answer>{coil}</strong>" in s.to_html()
        assert f"- Contraceptive coil (IUD or IUS): {coil}" in s.to_text()
        rows = {r.question: r.answer_text for g in s.answers for r in g.rows}
        assert rows["coil"] == coil and rows["areas"] == answer_text("areas", ("feet", "other")) == "Feet, other areas"


class TestSignOff:
    def test_an_unsigned_question_set_never_shows_as_reviewed(self) -> None:
        """Today there is no sign-off: the summary says so plainly, in HTML and text (M14)."""
        s = build_summary(evaluate(clear_answers()), DAY)
        assert s.status == wording.SIGN_OFF_PENDING == "This question set has not yet had clinical sign-off."
        for rendered in (s.to_html(), s.to_text()):
            assert wording.SIGN_OFF_PENDING in rendered
            assert "signed off by" not in rendered and "reviewed" not in rendered.lower()

    def test_a_recorded_sign_off_is_shown_with_who_role_and_date(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The status is derived from the record, so recording a sign-off is the only way to change it."""
        from selfcheck import bank
        record = SignOff(who="Dr A Example", role="Clinical Safety Officer", date=date(2027, 1, 5),
                         what="question set 2026.12")
        assert sign_off_status(record) == (
            "This question set was signed off by Dr A Example, Clinical Safety Officer, on 5 January 2027."
        )
        monkeypatch.setattr(bank, "QUESTION_SET_SIGN_OFF", record)
        assert build_summary(evaluate(clear_answers()), DAY).status == sign_off_status(record)
        assert dataclasses.is_dataclass(record) and record.what == "question set 2026.12"
