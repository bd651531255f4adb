"""The GP summary: its model, its HTML fragment and its plain text."""

from __future__ import annotations

import dataclasses
from datetime import date
from html.parser import HTMLParser

import pytest
from sc_helpers import SPEC_TIERS, clear_answers, reassuring_words

from selfcheck import QUESTION_SET_ISSUED, QUESTION_SET_VERSION, QUESTIONS, Outcome, Tier, build_summary, evaluate, format_date, question
from selfcheck.summary import Summary

DAY = date(2026, 11, 24)


def summary_for(**changes: object) -> Summary:
    return build_summary(evaluate(clear_answers(**changes)), DAY)


def everything_flagged() -> dict[str, object]:
    answers = clear_answers(age=3, areas=["underarms", "other"], hdss=4)
    for qid in SPEC_TIERS:
        answers[qid] = "not_sure"
    return answers


class Elements(HTMLParser):
    """Collects tags, attributes and text, and checks that every tag is closed in order."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    return parser


class TestDates:
    @pytest.mark.parametrize(
        ("day", "text"),
        [
            (date(2026, 11, 24), "24 November 2026"),
            (date(2026, 1, 5), "5 January 2026"),
            (date(2027, 8, 6), "6 August 2027"),
        ],
    )
    def test_months_in_full_without_leading_zero(self, day: date, text: str) -> None:
        """Dates read "6 August 2027": no leading zero, month in full."""
        assert format_date(day) == text


class TestModel:
    def test_heading_lines(self) -> None:
        """The summary has the title, the date, the version and the one-sentence intro."""
        s = summary_for()
        assert s.title == "Tap-water iontophoresis: questions to discuss with a GP"
        assert s.based_on == "Based on answers given on 24 November 2026"
        assert s.version == f"Question set {QUESTION_SET_VERSION}, issued {format_date(QUESTION_SET_ISSUED)}"
        assert "own answers" in s.intro and "not a medical assessment" in s.intro

    @pytest.mark.parametrize(
        ("changes", "outcome", "words"),
        [
            ({}, Outcome.NONE_FOUND, "did not include any of the common reasons for caution"),
            ({"braces": "yes"}, Outcome.DISCUSS, "Talk to a GP"),
            ({"epilepsy": "not_sure"}, Outcome.STOP, "until a doctor says it is OK"),
        ],
    )
    def test_outcome_in_plain_words(self, changes: dict[str, object], outcome: Outcome, words: str) -> None:
        """The outcome is given in plain words."""
        s = summary_for(**changes)
        assert s.outcome is outcome and words in s.outcome_heading

    def test_best_outcome_says_a_doctor_decides(self) -> None:
        """The best outcome still says the check cannot tell and a doctor decides."""
        s = summary_for()
        assert "cannot tell you" in s.outcome_text and "A doctor decides" in s.outcome_text

    def test_sections_by_tier(self) -> None:
        """Findings are grouped stop, discuss, advice; red flags are kept apart."""
        s = summary_for(pacemaker="yes", braces="yes", fever="yes", small_cuts="yes")
        assert [sec.tier for sec in s.sections] == [Tier.STOP, Tier.DISCUSS, Tier.ADVICE]
        assert s.red_flags is not None and [f.question for f in s.red_flags.findings] == ["fever"]

    def test_no_red_flag_section_without_red_flags(self) -> None:
        """Without a red flag there is no red-flag section."""
        assert summary_for(pacemaker="yes").red_flags is None

    def test_each_finding_has_reason_and_question_to_ask(self) -> None:
        """Each finding shows its label, answer, reason and question to ask."""
        (section,) = summary_for(coil="not_sure").sections
        (finding,) = section.findings
        rule = question("coil").rules[0]
        assert (finding.label, finding.answer, finding.not_sure) == (question("coil").label, "Not sure", True)
        assert (finding.reason, finding.ask) == (rule.reason, rule.ask)

    def test_every_answer_is_listed_by_part(self) -> None:
        """The answers list holds every question once, grouped by part."""
        s = summary_for()
        assert [g.title for g in s.answers] == ["About you", "Safety questions", "Your sweating"]
        assert [r.question for g in s.answers for r in g.rows] == [q.id for q in QUESTIONS]

    def test_answer_rows_mark_not_sure_and_flagged(self) -> None:
        """Rows know whether the answer was "not sure" and whether it gave a finding."""
        s = summary_for(pacemaker="not_sure", braces="yes")
        rows = {r.question: r for g in s.answers for r in g.rows}
        assert rows["pacemaker"].not_sure and rows["pacemaker"].flagged
        assert rows["braces"].flagged and not rows["braces"].not_sure
        assert not rows["coil"].flagged and rows["coil"].answer == "No"
        assert rows["age"].answer == "34" and rows["areas"].answer == "Hands, feet"
        assert rows["hdss"].answer == "2 out of 4"

    def test_severity(self) -> None:
        """The HDSS score and band are given in words, with the scale credited."""
        s = summary_for(hdss=3)
        assert s.severity_text.startswith("HDSS score 3 out of 4, severe: ")
        assert "Strutton" in s.severity_credit and "Solish" in s.severity_credit

    def test_limits(self) -> None:
        """The summary says what the check cannot do, and when to do it again."""
        s = summary_for()
        assert s.limits_heading == "What this check cannot do"
        assert any("diagnose" in limit for limit in s.limits)
        assert "check again" in s.recheck


class TestHtml:
    def test_well_formed_with_prefixed_classes_and_no_script_or_style(self) -> None:
        """The fragment is balanced, uses only sc- classes, and has no script, style or event handler."""
        html = build_summary(evaluate(everything_flagged()), DAY).to_html()
        elements = parse(html)
        names = {tag for tag, _ in elements.tags}
        assert not names & {"script", "style", "iframe", "img", "form", "a"}
        for tag, attrs in elements.tags:
            assert "style" not in attrs and not any(a.startswith("on") for a in attrs), tag
            for cls in (attrs.get("class") or "").split():
                assert cls.startswith("sc-"), cls
        ids = [attrs["id"] for _, attrs in elements.tags if "id" in attrs]
        assert len(ids) == len(set(ids))

    def test_heading_levels(self) -> None:
        """The top heading is h2 by default and can be moved; sub-headings follow it."""
        html = summary_for(pacemaker="yes").to_html()
        assert html.count("<h2") == 1 and "<h3" in html and "<h4" in html and "<h5" not in html
        moved = summary_for(pacemaker="yes").to_html(heading_level=1)
        assert moved.count("<h1") == 1 and "<h4" not in moved

    def test_red_flags_in_their_own_box_before_other_findings(self) -> None:
        """Red flags sit in their own box, straight after the outcome."""
        html = summary_for(pacemaker="yes", racing_heart="yes").to_html()
        box = html.index("sc-summary__box--red-flag")
        assert html.index("sc-summary__outcome") < box < html.index("sc-summary__findings--stop")

    def test_date_is_machine_readable(self) -> None:
        """The date is in a <time> element with its ISO value."""
        assert '<time datetime="2026-11-24">24 November 2026</time>' in summary_for().to_html()

    def test_not_sure_is_marked_in_words(self) -> None:
        """A "not sure" answer is marked in text, not only by a class or colour."""
        text = "".join(parse(summary_for(pacemaker="not_sure").to_html()).text)
        assert "Not sure (counted as a reason to check)" in text

    def test_every_answer_appears(self) -> None:
        """Every question's label appears in the answers list."""
        html = summary_for().to_html()
        text = "".join(parse(html).text)
        for q in QUESTIONS:
            assert q.label in text, q.id
        assert html.count("<dt>") == len(QUESTIONS)

    def test_text_is_escaped(self) -> None:
        """Every text is HTML-escaped."""
        s = dataclasses.replace(summary_for(coil="yes"), title="<script>alert(1)</script>", intro='"&"')
        html = s.to_html()
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert "&quot;&amp;&quot;" in html


class TestText:
    def test_plain_text_holds_the_same_content(self) -> None:
        """The plain text has the title, the outcome, each finding, the answers and the limits."""
        text = summary_for(fever="yes", coil="not_sure").to_text()
        for expected in (
            "Tap-water iontophoresis: questions to discuss with a GP",
            f"Based on answers given on 24 November 2026. Question set {QUESTION_SET_VERSION}",
            "IMPORTANT: Ask a GP to check your sweating soon, before you try any treatment",
            "Your answers also include a reason not to start iontophoresis until a doctor says it is OK.",
            "ASK A GP TO CHECK YOUR SWEATING",
            "- Contraceptive coil (IUD or IUS): Not sure (counted as a reason to check)",
            "Question to ask: ",
            "ALL ANSWERS",
            "WHAT THIS CHECK CANNOT DO",
        ):
            assert expected in text

    def test_common_case_is_short_enough_for_one_page(self) -> None:
        """With a few findings the summary stays under 800 words (one A4 page with a two-column
        answers list; the browser print test checks the page itself). Urgent help for the four
        nations takes about 75 of them."""
        text = summary_for(pacemaker="not_sure", tried_antiperspirant="no", night_sweats="yes").to_text()
        assert len(text.split()) < 800


class TestReassuringWords:
    @pytest.mark.parametrize("qid", ["none", *SPEC_TIERS])
    def test_no_reassuring_words_in_any_summary(self, qid: str) -> None:
        """No summary, HTML or text, says safe, suitable, no side effects, guarantee or cure."""
        answers = clear_answers() if qid == "none" else clear_answers(**{qid: "not_sure"})
        s = build_summary(evaluate(answers), DAY)
        assert reassuring_words(s.to_html()) == []
        assert reassuring_words(s.to_text()) == []

    def test_no_reassuring_words_when_everything_is_flagged(self) -> None:
        """The longest possible summary has no reassuring words either."""
        s = build_summary(evaluate(everything_flagged()), DAY)
        assert reassuring_words(s.to_html() + s.to_text()) == []
