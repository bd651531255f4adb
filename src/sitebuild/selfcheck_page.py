"""The template context for the self-check page, built from the question bank.

The page is rendered at build time, so every question appears instantly and the page
works as a printable paper checklist without JavaScript. All clinical wording comes
from :mod:`selfcheck.bank` and :mod:`selfcheck.wording`: this module only numbers the
questions, gives every element its id, and derives the paper checklist's rules from
the bank's rules. The templates in ``overrides/partials/selfcheck/`` loop over what
is built here and add classes and ARIA; they hold no clinical wording of their own.

The hook puts :func:`context` into ``env.globals["selfcheck"]``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from selfcheck import bank, wording
from selfcheck.headline import HEADLINES, Headline
from selfcheck.model import AGE_MAX, AGE_MIN, QUESTION_SET_VERSION, Kind, Tier
from selfcheck.summary import format_date, sign_off_status
from sitebuild import catalogue, qr
from sitebuild.catalogue import Catalogue

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: Where the printed summary's short address and QR code point: the information pages,
#: never the answers.
SUMMARY_LINK_PATH = ""


@dataclass(frozen=True)
class Choice:
    """One radio or checkbox: the value sent to the engine, its labels and its ids."""

    value: str
    """The value as the input carries it (HDSS scores as digits)."""
    number: bool
    """True if the engine wants the value as an integer."""
    label: str
    short: str
    input_id: str
    divider_before: bool


@dataclass(frozen=True)
class RuleLine:
    """One rule of one question in words: "Yes or I'm not sure: do not start …"."""

    tier: str
    when: str
    means: str


@dataclass(frozen=True)
class PageQuestion:
    """A question with its place in the check and the ids its screen uses."""

    number: int
    id: str
    kind: str
    part_letter: str
    part_title: str
    part_intro: str | None
    """The part's introduction, on the first question of each part only."""
    text: str
    label: str
    hint: str
    error: str
    choices: tuple[Choice, ...]
    rules: tuple[RuleLine, ...]

    @property
    def input_id(self) -> str:
        """The id of the first input: error summary links and "Change" links go here."""
        return self.choices[0].input_id if self.choices else f"sc-{self.id}"

    @property
    def hint_id(self) -> str:
        return f"sc-{self.id}-hint"

    @property
    def error_id(self) -> str:
        return f"sc-{self.id}-error"

    @property
    def credit(self) -> str | None:
        """Who made the scale, shown as small print after the HDSS options: seen where the
        scale is, but not part of the hint a screen reader reads with the question."""
        return wording.HDSS_SCALE_CREDIT if self.kind == Kind.HDSS.value else None


@dataclass(frozen=True)
class PagePart:
    """A part of the check with its questions."""

    id: str
    letter: str
    title: str
    intro: str
    questions: tuple[PageQuestion, ...]


@dataclass(frozen=True)
class TierText:
    """A tier's heading and lead text, as the result page shows them."""

    tier: str
    heading: str
    text: str


@dataclass(frozen=True)
class HeadlineCard:
    """One result card: the page shows the card whose outcome and red-flag flag match
    the engine's JSON, so the script chooses by data and never decides the headline."""

    outcome: str
    red_flags: str
    """"true" or "false", as the JSON's ``see_gp_about_sweating`` reads in a data attribute."""
    style: str
    label: str
    heading: str
    text: tuple[str, ...]
    next_steps: tuple[str, ...]

    @classmethod
    def of(cls, headline: Headline) -> HeadlineCard:
        return cls(
            outcome=headline.outcome.value, red_flags=str(headline.red_flags).lower(),
            style=headline.style.value.replace("_", "-"), label=headline.label,
            heading=headline.heading, text=headline.text, next_steps=headline.next_steps,
        )


@dataclass(frozen=True)
class ChecklistRule:
    """What a group of answers means, for the paper checklist: "If you answered …"."""

    tier: str
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class HeadlineRule:
    """A headline rule of the paper checklist: a lead, then which answers to which questions."""

    lead: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class SelfCheckPage:
    """Everything the self-check templates render."""

    version: str
    issued: str
    issued_iso: str
    total: int
    parts: tuple[PagePart, ...]
    questions: tuple[PageQuestion, ...]
    status: str
    """Whether the question set has had clinical sign-off, from ``bank.QUESTION_SET_SIGN_OFF``."""
    intended_purpose: str
    headlines: tuple[HeadlineCard, ...]
    tiers: tuple[TierText, ...]
    """Result sections in the order the page shows them: red flags first, in their own card."""
    checklist_rules: tuple[ChecklistRule, ...]
    red_flags_first: HeadlineRule
    doctor_first: HeadlineRule
    """The paper checklist's headline rules, derived from every rule of the bank."""
    not_sure_note: str
    paper_intro: str
    paper_not_sure: str
    limits: tuple[str, ...]
    recheck: str
    """"Do the check again" in one line, for the paper checklist."""
    recheck_heading: str
    recheck_if: tuple[str, ...]
    """"Do the check again" as a list, for the result screen."""
    urgent: ModuleType
    """The wording module, as ``partials/urgent-help.html`` reads it (``urgent.URGENT_999`` …)."""
    fallback_label: str
    fallback_heading: str
    fallback_text: tuple[str, ...]
    summary_title: str
    age_not_a_number: str
    age_too_high: str
    age_max: int
    short_address: str
    qr_svg: str


def _choices(question: bank.Question) -> tuple[Choice, ...]:
    if question.kind is Kind.AGE:
        return (Choice("", True, question.text, question.label, f"sc-{question.id}", False),)
    out = []
    for index, option in enumerate(question.options):
        value = str(option.value)
        ident = f"sc-{question.id}" if index == 0 else f"sc-{question.id}-{value.replace('_', '-')}"
        out.append(Choice(
            value=value,
            number=isinstance(option.value, int),
            label=option.label,
            short=option.short,
            input_id=ident,
            divider_before=option.divider_before,
        ))
    return tuple(out)


def _rules(question: bank.Question) -> tuple[RuleLine, ...]:
    return tuple(RuleLine(r.tier.value, r.when, wording.TIER_MARKS[r.tier]) for r in question.rules)


def _numbers(numbers: list[int], words: Catalogue) -> str:
    """[3, 4, 5, 9] -> "Questions 3 to 5 and 9"; [7] -> "Question 7" (catalogue words)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    also = words.text("selfcheck.paper.and")
    pieces = [
        words.text("selfcheck.paper.range", first=r[0], last=r[-1]) if len(r) > 2 else also.join(map(str, r))
        for r in runs
    ]
    text = ", ".join(pieces[:-1]) + (also if len(pieces) > 1 else "") + pieces[-1]
    if len(numbers) > 1:
        return words.text("selfcheck.paper.questions", numbers=text)
    return words.text("selfcheck.paper.question", numbers=text)


def _checklist_rules(questions: tuple[PageQuestion, ...], words: Catalogue) -> tuple[ChecklistRule, ...]:
    """Per tier, which answers to which questions give it, with question numbers grouped."""
    out = []
    for tier in Tier:
        by_when: dict[str, list[int]] = {}
        for q in questions:
            for rule in q.rules:
                if rule.tier == tier.value:
                    by_when.setdefault(rule.when, []).append(q.number)
        if by_when:
            items = tuple(f"{_numbers(numbers, words)}: {when}" for when, numbers in by_when.items())
            out.append(ChecklistRule(tier.value, wording.TIER_MARKS[tier], items))
    return tuple(out)


def _when(rules: list[bank.Rule], words: Catalogue) -> str:
    """The answers that give any of these rules, in words for the headline rule.

    Age rules join into one range ("an age under 18"); other rules keep their own words.
    """
    ranges = sorted(r.ages for r in rules if r.ages is not None)
    if ranges and len(ranges) == len(rules):
        low, high = ranges[0][0], ranges[-1][1]
        if any(later[0] != earlier[1] + 1 for earlier, later in itertools.pairwise(ranges)):
            raise ValueError("the age rules of one tier group must be one unbroken range")
        if low != AGE_MIN:
            raise ValueError("the headline rule words an age range that starts at the lowest age")
        return wording.PAPER_AGE_UNDER.format(age=high + 1)
    either = words.text("selfcheck.paper.or").join(dict.fromkeys(r.when for r in rules))
    return either[:1].lower() + either[1:]


def _headline_rule(
    lead: str, tiers: tuple[Tier, ...], questions: tuple[PageQuestion, ...], words: Catalogue
) -> HeadlineRule:
    """Which answers to which questions give a finding of these tiers, from every rule of
    the bank: ages, areas and the questions where "no" counts are included (review M9)."""
    by_when: dict[str, list[int]] = {}
    for q in questions:
        rules = [r for r in bank.question(q.id).rules if r.tier in tiers]
        if rules:
            by_when.setdefault(_when(rules, words), []).append(q.number)
    items = tuple(f"{_numbers(numbers, words)}: {when}" for when, numbers in by_when.items())
    return HeadlineRule(lead, items)


def build(site_url: str, words: Catalogue) -> SelfCheckPage:
    """The page context for a site published at ``site_url``."""
    parts = []
    flat: list[PageQuestion] = []
    number = 0
    for part in bank.PARTS:
        questions = []
        for index, q in enumerate(bank.questions_in(part.id)):
            number += 1
            questions.append(PageQuestion(
                number=number,
                id=q.id,
                kind=q.kind.value,
                part_letter=part.letter,
                part_title=part.title,
                part_intro=part.intro if index == 0 else None,
                text=q.text,
                label=q.label,
                hint=q.hint,
                error=q.error,
                choices=_choices(q),
                rules=_rules(q),
            ))
        flat.extend(questions)
        parts.append(PagePart(part.id, part.letter, part.title, part.intro, tuple(questions)))
    page_parts = tuple(parts)
    all_questions = tuple(flat)
    order = (Tier.RED_FLAG, Tier.STOP, Tier.DISCUSS, Tier.ADVICE)
    link = qr.page_url(site_url, SUMMARY_LINK_PATH)
    return SelfCheckPage(
        version=QUESTION_SET_VERSION,
        issued=format_date(bank.QUESTION_SET_ISSUED),
        issued_iso=bank.QUESTION_SET_ISSUED.isoformat(),
        total=len(all_questions),
        parts=page_parts,
        questions=all_questions,
        status=sign_off_status(bank.QUESTION_SET_SIGN_OFF),
        intended_purpose=wording.INTENDED_PURPOSE,
        headlines=tuple(HeadlineCard.of(h) for h in HEADLINES),
        tiers=tuple(TierText(t.value, wording.TIERS[t].heading, wording.TIERS[t].text) for t in order),
        checklist_rules=_checklist_rules(all_questions, words),
        red_flags_first=_headline_rule(wording.PAPER_RED_FLAGS_FIRST, (Tier.RED_FLAG,), all_questions, words),
        doctor_first=_headline_rule(wording.PAPER_DOCTOR_FIRST, (Tier.STOP, Tier.DISCUSS), all_questions, words),
        not_sure_note=wording.NOT_SURE_NOTE,
        paper_intro=wording.PAPER_INTRO,
        paper_not_sure=wording.PAPER_NOT_SURE,
        limits=wording.LIMITS,
        recheck=wording.RECHECK,
        recheck_heading=wording.RECHECK_HEADING,
        recheck_if=wording.RECHECK_IF,
        urgent=wording,
        fallback_label=wording.FALLBACK_LABEL,
        fallback_heading=wording.FALLBACK_HEADING,
        fallback_text=wording.FALLBACK_TEXT,
        summary_title=wording.SUMMARY_TITLE,
        age_not_a_number=bank.AGE_NOT_A_NUMBER,
        age_too_high=bank.AGE_TOO_HIGH,
        age_max=AGE_MAX,
        short_address=qr.short_address(site_url, SUMMARY_LINK_PATH),
        qr_svg=qr.qr_svg(link, label=words.text("site.qr.home")),
    )


def context(config: MkDocsConfig) -> SelfCheckPage:
    """The hook's entry point: the page context for this build's ``site_url``."""
    return build(qr.public_site_url(config), catalogue.for_config(config))

