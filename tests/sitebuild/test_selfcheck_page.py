"""The self-check page context (sitebuild.selfcheck_page) and the page the build renders from it."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from selfcheck import PARTS, QUESTIONS, Tier, bank, questions_in, wording
from sitebuild.selfcheck_page import build

SITE_URL = "https://iontophoresis.example.org/"


@pytest.fixture(scope="module")
def page():
    return build(SITE_URL)


class TestContext:
    def test_every_question_in_bank_order_numbered_once(self, page) -> None:
        """Questions keep the bank's order and wording, numbered 1 to N across the parts."""
        assert [q.id for q in page.questions] == [q.id for q in QUESTIONS]
        assert [q.number for q in page.questions] == list(range(1, len(QUESTIONS) + 1))
        assert page.total == len(QUESTIONS)
        for shown, q in zip(page.questions, QUESTIONS):
            assert (shown.text, shown.hint, shown.error, shown.label) == (q.text, q.hint, q.error, q.label)
            assert [c.label for c in shown.choices if shown.kind != "age"] == [o.label for o in q.options]

    def test_parts_introduce_their_first_question_only(self, page) -> None:
        """Each part's introduction appears once, on its first question."""
        for part, bank_part in zip(page.parts, PARTS):
            assert [q.id for q in part.questions] == [q.id for q in questions_in(bank_part.id)]
            assert [q.part_intro for q in part.questions] == [bank_part.intro] + [None] * (len(part.questions) - 1)

    def test_ids_are_unique_and_first_inputs_are_linkable(self, page) -> None:
        """Every input id is unique, and a question's first input carries the question's id."""
        ids = [c.input_id for q in page.questions for c in q.choices]
        assert len(ids) == len(set(ids))
        for q in page.questions:
            assert q.input_id == f"sc-{q.id}"
            assert q.described_by.split()[-1] == q.hint_id

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

    def test_the_headline_rule_names_every_yes_question_that_needs_a_doctor(self, page) -> None:
        """"Yes or not sure" to any stop or discuss question means: speak to a doctor first."""
        needs = [n for n, q in enumerate(QUESTIONS, 1)
                 if any(r.tier in (Tier.STOP, Tier.DISCUSS) and "yes" in r.answers for r in q.rules)]
        assert page.doctor_first.startswith("If you answered yes or not sure to ")
        assert page.doctor_first.endswith(", do not start iontophoresis before speaking to a doctor.")
        numbers = [int(n) for n in re.findall(r"\d+", page.doctor_first)]
        assert numbers[0] == needs[0] and numbers[-1] == needs[-1]

    def test_wording_comes_from_the_engine(self, page) -> None:
        """Outcome and tier texts are the engine's own."""
        assert {o.outcome: o.heading for o in page.outcomes} == {k.value: v.heading for k, v in wording.OUTCOMES.items()}
        assert {t.tier: t.text for t in page.tiers} == {k.value: v.text for k, v in wording.TIERS.items()}
        assert page.tiers[0].tier == "red_flag", "red flags come first, in their own card"
        assert page.not_sure_note == wording.NOT_SURE_NOTE
        assert {o.outcome: o.label for o in page.outcomes} == {k.value: v for k, v in wording.OUTCOME_LABELS.items()}
        assert page.doctor_first.endswith(wording.PAPER_DOCTOR_FIRST.split("{questions}")[1])
        assert (page.recheck, page.recheck_if, page.urgent_help) == (
            wording.RECHECK, wording.RECHECK_IF, wording.URGENT_HELP,
        )
        assert (page.fallback_label, page.fallback_heading, page.fallback_text) == (
            wording.FALLBACK_LABEL, wording.FALLBACK_HEADING, wording.FALLBACK_TEXT,
        )
        assert (page.age_not_a_number, page.age_too_high) == (bank.AGE_NOT_A_NUMBER, bank.AGE_TOO_HIGH)

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
        if self._in_script is not None and data.strip() and "src" not in self._in_script:
            if "json" not in (self._in_script.get("type") or ""):
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
        """The result screen lists RECHECK_IF and shows the 111 and 999 line once, not RECHECK."""
        assert wording.RECHECK_HEADING in result
        for item in (*wording.RECHECK_IF, *wording.NEXT_STEPS):
            assert item in result
        assert result.count(wording.URGENT_HELP) == 1
        assert wording.RECHECK not in result

    def test_result_cards_carry_the_package_labels(self, result: str) -> None:
        """Each outcome card's urgency label is the package's."""
        for label in wording.OUTCOME_LABELS.values():
            assert label in result

    def test_fallback_says_speak_to_a_gp_in_the_package_words(self, fallback: str) -> None:
        """The fallback card's label, heading and advice are the package's."""
        for text in (wording.FALLBACK_LABEL, wording.FALLBACK_HEADING, *wording.FALLBACK_TEXT):
            assert text in fallback

    def test_paper_checklist_reads_its_rules_and_safety_net_from_the_package(self, paper: str) -> None:
        """Tier names, the "not sure" rule, and both safety-net lines, each once."""
        assert wording.PAPER_INTRO in paper and wording.PAPER_NOT_SURE in paper
        for mark in wording.TIER_MARKS.values():
            assert mark in paper
        assert paper.count(wording.RECHECK) == 1 and paper.count(wording.URGENT_HELP) == 1

    def test_age_errors_come_from_the_bank(self, html: str) -> None:
        """The age input carries the bank's errors for a non-number and for too high an age."""
        assert f'data-sc-error-not-a-number="{bank.AGE_NOT_A_NUMBER}"' in html
        assert f'data-sc-error-too-high="{bank.AGE_TOO_HIGH}"' in html
