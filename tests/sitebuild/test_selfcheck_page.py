"""The self-check page context (sitebuild.selfcheck_page) and the page the build renders from it."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from selfcheck import PARTS, QUESTIONS, Outcome, Tier, bank, questions_in, wording
from selfcheck.headline import HEADLINES
from selfcheck.model import AGE_MIN, SignOff
from sitebuild import catalogue
from sitebuild.selfcheck_page import build

SITE_URL = "https://iontophoresis.example.org/"


@pytest.fixture(scope="module")
def page():
    return build(SITE_URL, catalogue.load("en"))


class TestContext:
    def test_every_question_in_bank_order_numbered_once(self, page) -> None:
        """Questions keep the bank's order and wording, numbered 1 to N across the parts."""
        assert [q.id for q in page.questions] == [q.id for q in QUESTIONS]
        assert [q.number for q in page.questions] == list(range(1, len(QUESTIONS) + 1))
        assert page.total == len(QUESTIONS)
        for shown, q in zip(page.questions, QUESTIONS, strict=True):
            assert (shown.text, shown.hint, shown.error, shown.label) == (q.text, q.hint, q.error, q.label)
            assert [c.label for c in shown.choices if shown.kind != "age"] == [o.label for o in q.options]

    def test_parts_introduce_their_first_question_only(self, page) -> None:
        """Each part's introduction appears once, on its first question."""
        for part, bank_part in zip(page.parts, PARTS, strict=True):
            assert [q.id for q in part.questions] == [q.id for q in questions_in(bank_part.id)]
            assert [q.part_intro for q in part.questions] == [bank_part.intro] + [None] * (len(part.questions) - 1)

    def test_ids_are_unique_and_first_inputs_are_linkable(self, page) -> None:
        """Every input id is unique, and a question's first input carries the question's id."""
        ids = [c.input_id for q in page.questions for c in q.choices]
        assert len(ids) == len(set(ids))
        for q in page.questions:
            assert q.input_id == f"sc-{q.id}"
            assert q.credit == (wording.HDSS_SCALE_CREDIT if q.id == "hdss" else None)

    def test_not_sure_has_the_or_divider(self, page) -> None:
        """Yes/no questions offer Yes, No, then "or", then I'm not sure."""
        for q in page.questions:
            if q.kind == "yes_no":
                assert [(c.value, c.divider_before) for c in q.choices] == [
                    ("yes", False), ("no", False), ("not_sure", True)
                ]

    def test_checklist_rules_are_derived_from_every_rule(self, page) -> None:
        """The paper checklist names every rule of every question under its tier."""
        def covered(item: str) -> set[int]:
            numbers, _, _ = item.partition(":")
            found: set[int] = set()
            for low, high in re.findall(r"(\d+)(?: to (\d+))?", numbers):
                found.update(range(int(low), int(high or low) + 1))
            return found

        for number, q in enumerate(QUESTIONS, start=1):
            for rule in q.rules:
                items = next(r.items for r in page.checklist_rules if r.tier == rule.tier.value)
                assert any(item.endswith(": " + rule.when) and number in covered(item) for item in items)
        assert [r.heading for r in page.checklist_rules] == [wording.TIER_MARKS[t] for t in Tier]

    @pytest.mark.parametrize(("rule_name", "tiers"), [
        ("doctor_first", (Tier.STOP, Tier.DISCUSS)), ("red_flags_first", (Tier.RED_FLAG,)),
    ])
    def test_the_headline_rules_come_from_every_rule(self, page, rule_name: str, tiers: tuple[Tier, ...]) -> None:
        """Every stop or discuss rule (ages, areas and "no" answers included) is in the headline
        rule under the right question number, and no other question is (M9); red flags likewise."""
        rule = getattr(page, rule_name)
        named: dict[int, str] = {}
        for item in rule.items:
            numbers, _, when = item.partition(": ")
            for low, high in re.findall(r"(\d+)(?: to (\d+))?", numbers):
                named.update(dict.fromkeys(range(int(low), int(high or low) + 1), when))
        expected = {n for n, q in enumerate(QUESTIONS, 1) if any(r.tier in tiers for r in q.rules)}
        assert set(named) == expected
        for number, q in enumerate(QUESTIONS, 1):
            for r in (r for r in q.rules if r.tier in tiers):
                if r.ages is not None:
                    top = max(x.ages[1] for x in q.rules if x.ages is not None and x.tier in tiers)
                    assert r.ages[0] >= AGE_MIN and named[number] == wording.PAPER_AGE_UNDER.format(age=top + 1)
                else:
                    assert named[number] == r.when[:1].lower() + r.when[1:]

    def test_the_doctor_first_rule_reads_as_the_review_asked(self, page) -> None:
        """Under 18, other areas, yes to 3 to 16 and no to 18: the questions the review found missing."""
        assert page.doctor_first.lead == wording.PAPER_DOCTOR_FIRST
        assert page.doctor_first.items == (
            "Question 1: an age under 18", "Question 2: other areas",
            "Questions 3 to 16: yes or I'm not sure", "Question 18: no or I'm not sure",
        )
        assert page.red_flags_first.items == ("Questions 19 to 26: yes or I'm not sure",)

    def test_wording_comes_from_the_engine(self, page) -> None:
        """Headline and tier texts are the engine's own."""
        assert [(c.outcome, c.red_flags, c.heading, c.text, c.next_steps) for c in page.headlines] == [
            (h.outcome.value, str(h.red_flags).lower(), h.heading, h.text, h.next_steps) for h in HEADLINES
        ]
        assert {t.tier: t.text for t in page.tiers} == {k.value: v.text for k, v in wording.TIERS.items()}
        assert page.tiers[0].tier == "red_flag", "red flags come first, in their own card"
        assert page.not_sure_note == wording.NOT_SURE_NOTE
        assert (page.recheck, page.recheck_if) == (wording.RECHECK, wording.RECHECK_IF)
        assert page.urgent is wording, "the urgent-help partial reads the package's wording"
        assert page.intended_purpose == wording.INTENDED_PURPOSE
        assert (page.fallback_label, page.fallback_heading, page.fallback_text) == (
            wording.FALLBACK_LABEL, wording.FALLBACK_HEADING, wording.FALLBACK_TEXT,
        )
        assert (page.age_not_a_number, page.age_too_high) == (bank.AGE_NOT_A_NUMBER, bank.AGE_TOO_HIGH)

    def test_status_is_derived_from_the_sign_off_record(self, page, monkeypatch) -> None:
        """Unsigned today, so the page says so; a recorded sign-off changes it, nothing else can (M14)."""
        assert bank.QUESTION_SET_SIGN_OFF is None
        assert page.status == wording.SIGN_OFF_PENDING
        from datetime import date
        record = SignOff("Dr A Example", "Clinical Safety Officer", date(2027, 1, 5), "question set 2026.12")
        monkeypatch.setattr(bank, "QUESTION_SET_SIGN_OFF", record)
        assert "signed off by Dr A Example" in build(SITE_URL, catalogue.load("en")).status

    def test_qr_code_and_address_point_to_the_information_pages(self, page) -> None:
        assert page.short_address == "iontophoresis.example.org"
        assert page.qr_svg.startswith("<svg ") and "<script" not in page.qr_svg


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts = 0
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes

    def handle_data(self, data):
        script = self._in_script
        if script is not None and data.strip() and "src" not in script and "json" not in (script.get("type") or ""):
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


@pytest.fixture(scope="module")
def html(built_site: Path) -> str:
    return (built_site / "self-check" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


class TestRenderedPage:
    def _in_self_check(self, html: str) -> str:
        start = html.index('data-module="sc-selfcheck"')
        return html[start:]

    def test_no_inline_style_or_event_handler_in_the_self_check(self, html: str) -> None:
        """The self-check adds nothing a strict Content-Security-Policy would block."""
        part = self._in_self_check(html)
        assert not re.search(r"\sstyle=", part)
        assert not re.search(r"\son[a-z]+=", part)
        assert "<script" not in part.split('data-offline-status')[0]

    def test_every_id_is_unique_and_every_reference_exists(self, parsed: _Collector) -> None:
        ids = [a["id"] for _, a in parsed.tags if a.get("id")]
        assert len(ids) == len(set(ids))
        for _, attributes in parsed.tags:
            for name in ("aria-describedby", "aria-labelledby", "for"):
                for ref in (attributes.get(name) or "").split():
                    assert ref in ids, f"{name}={ref!r} points nowhere"

    def test_nothing_is_pre_selected(self, parsed: _Collector) -> None:
        inputs = [a for tag, a in parsed.tags if tag == "input" and a.get("name") in {q.id for q in QUESTIONS}]
        assert inputs and all("checked" not in a for a in inputs)

    def test_every_question_screen_and_paper_item_is_rendered(self, html: str) -> None:
        for q in QUESTIONS:
            assert html.count(f'data-sc-question="{q.id}"') == 1
            assert html.count(f'data-sc-paper-question="{q.id}"') == 1


def _text(html: str, start: str, end: str) -> str:
    """The visible text between two markers of the rendered page, tags removed."""
    part = html[html.index(start):html.index(end)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", part)).split())


@pytest.fixture(scope="module")
def result(html: str) -> str:
    return _text(html, 'data-sc-screen="result"', 'data-sc-screen="fallback"')


@pytest.fixture(scope="module")
def fallback(html: str) -> str:
    return _text(html, 'data-sc-screen="fallback"', "data-sc-paper")


@pytest.fixture(scope="module")
def paper(html: str) -> str:
    return _text(html, "data-sc-paper", "data-sc-print-sheet")


class TestSingleSource:
    """The screens show the package's wording verbatim; test_wording checks no file types it."""

    def test_result_lists_when_to_check_again_then_urgent_help_once(self, result: str) -> None:
        """The result screen lists RECHECK_IF and shows urgent help once, not RECHECK."""
        assert wording.RECHECK_HEADING in result
        for item in (*wording.RECHECK_IF, *(step for h in HEADLINES for step in h.next_steps)):
            assert item in result
        assert result.count(wording.URGENT_999) == 1
        assert wording.RECHECK not in result

    def test_result_cards_carry_the_package_labels(self, result: str) -> None:
        """Each outcome card's urgency label is the package's."""
        for label in wording.OUTCOME_LABELS.values():
            assert label in result

    def test_one_card_per_headline_and_red_flag_cards_never_say_none_found(self, html: str) -> None:
        """Six cards keyed by outcome and red-flag flag; red-flag cards lead with the GP, never "none found" (C1)."""
        cards = re.findall(r'<div class="sc-care-card [^"]*" data-sc-outcome="(\w+)" data-sc-red-flags="(\w+)" hidden>(.*?)</ul>\s*</div>\s*</div>', html, re.S)
        assert {(o, f) for o, f, _ in cards} == {(o.value, f) for o in Outcome for f in ("true", "false")}
        for _, flag, body in cards:
            text = " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
            if flag == "true":
                assert text.startswith(f"{wording.RED_FLAG_LABEL} {wording.RED_FLAG_HEADLINE.heading}")
                assert wording.OUTCOMES[Outcome.NONE_FOUND].heading not in text
                assert "instructions that come with your machine" not in text and "pharmacist" not in text
                assert wording.OUTCOME_LABELS[Outcome.NONE_FOUND] not in text

    def test_fallback_says_speak_to_a_gp_in_the_package_words(self, fallback: str) -> None:
        """The fallback card's label, heading and advice are the package's."""
        for text in (wording.FALLBACK_LABEL, wording.FALLBACK_HEADING, *wording.FALLBACK_TEXT):
            assert text in fallback

    def test_paper_checklist_reads_its_rules_and_safety_net_from_the_package(self, paper: str) -> None:
        """Tier names, the "not sure" rule, and both safety-net lines, each once."""
        assert wording.PAPER_INTRO in paper and wording.PAPER_NOT_SURE in paper
        for mark in wording.TIER_MARKS.values():
            assert mark in paper
        assert paper.count(wording.RECHECK) == 1 and paper.count(wording.URGENT_999) == 1
        assert paper.index(wording.PAPER_RED_FLAGS_FIRST) < paper.index(wording.PAPER_DOCTOR_FIRST)

    def test_age_errors_come_from_the_bank(self, html: str) -> None:
        """The age input carries the bank's errors for a non-number and for too high an age."""
        assert f'data-sc-error-not-a-number="{bank.AGE_NOT_A_NUMBER}"' in html
        assert f'data-sc-error-too-high="{bank.AGE_TOO_HIGH}"' in html


class TestUrgentHelpAndStatus:
    """Presentation rules 2 and 5 on the built page."""

    @pytest.mark.parametrize("screen", ["start", "result", "fallback", "paper"])
    def test_chest_pain_and_999_with_every_nation_wherever_urgent_help_is_given(self, html: str, screen: str) -> None:
        """Start, result, fallback and paper checklist each give 999 for chest pain and the four routes (C2, m7)."""
        bounds = {
            "start": ('data-sc-screen="start"', "data-sc-question="),
            "result": ('data-sc-screen="result"', 'data-sc-screen="fallback"'),
            "fallback": ('data-sc-screen="fallback"', "data-sc-paper"),
            "paper": ("data-sc-paper", "data-sc-print-sheet"),
        }
        text = _text(html, *bounds[screen])
        sentence = next(s for s in re.split(r"(?<=\.) ", text) if "chest pain" in s)
        assert "999" in sentence
        for route in wording.URGENT_ROUTES:
            assert f"{route.nation}: {route.route}" in text
        assert "If you feel unwell now, go to 111.nhs.uk" not in text

    def test_start_page_says_who_the_check_is_for_and_that_it_is_not_signed_off(self, html: str) -> None:
        """The intended purpose once, and the plain sign-off status beside the version (M6, M14)."""
        start = _text(html, 'data-sc-screen="start"', "data-sc-question=")
        assert start.count(wording.INTENDED_PURPOSE) == 1
        assert wording.SIGN_OFF_PENDING in start
        assert "reviewed" not in start.lower()
        paper = _text(html, "data-sc-paper", "data-sc-print-sheet")
        assert wording.SIGN_OFF_PENDING in paper
