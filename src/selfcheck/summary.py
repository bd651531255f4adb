"""The "questions to discuss with a GP" summary: a model, an HTML fragment and plain text.

The page template wraps the fragment and adds what is not clinical content (the optional
name line, the site's short address and the QR code). The fragment has no script, no style
attributes and only ``sc-`` classes; every text is escaped.

One renderer for an answer: :func:`answer_text` words an answer ("Not sure (counted as a
reason to check)") for the HTML, the plain text and, through the fragment's
``data-sc-answer`` elements, the result screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from selfcheck import bank, wording
from selfcheck.bank import PARTS, QUESTION_SET_ISSUED, question, questions_in
from selfcheck.headline import Headline, headline_for
from selfcheck.model import NOT_SURE, AnswerValue, Finding, Outcome, Result, Severity, SignOff, Tier

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def format_date(day: date) -> str:
    """A date the NHS way: "6 August 2026" (month in full, no leading zero)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def sign_off_status(sign_off: SignOff | None) -> str:
    """The question set's review status in words, derived from its sign-off record."""
    if sign_off is None:
        return wording.SIGN_OFF_PENDING
    return wording.SIGNED_OFF.format(who=sign_off.who, role=sign_off.role, date=format_date(sign_off.date))


def answer_text(question_id: str, value: AnswerValue) -> str:
    """An answer in words, the same on screen, on paper and in text: "Not sure" is marked."""
    words = question(question_id).display(value)
    return f"{words} ({wording.NOT_SURE_NOTE})" if value == NOT_SURE else words


@dataclass(frozen=True)
class SummaryFinding:
    """One finding as the summary shows it."""

    question: str
    label: str
    answer: str
    not_sure: bool
    reason: str
    ask: str
    answer_text: str
    """The answer as every format shows it (:func:`answer_text`)."""


@dataclass(frozen=True)
class SummarySection:
    """The findings of one tier under its heading."""

    tier: Tier
    heading: str
    text: str
    findings: tuple[SummaryFinding, ...]


@dataclass(frozen=True)
class AnswerRow:
    """One answer in the full list of answers."""

    question: str
    label: str
    answer: str
    not_sure: bool
    flagged: bool
    """True when the answer gave a finding."""
    answer_text: str


@dataclass(frozen=True)
class AnswerGroup:
    """The answers of one part of the check."""

    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class Summary:
    """Everything the GP summary shows, in order."""

    title: str
    checked_on: date
    based_on: str
    version: str
    status: str
    """Whether the question set has had clinical sign-off (presentation rule 5)."""
    intro: str
    outcome: Outcome
    headline: Headline
    """What the summary leads with: red flags first whenever there are any."""
    red_flags: SummarySection | None
    sections: tuple[SummarySection, ...]
    """Stop, discuss and advice findings, each tier only if it has findings."""
    severity: Severity
    severity_heading: str
    severity_text: str
    severity_credit: str
    answers_heading: str
    answers: tuple[AnswerGroup, ...]
    limits_heading: str
    limits: tuple[str, ...]
    recheck: str
    """The sheet outlives the result screen, so it ends with when to check again and urgent help."""

    @property
    def outcome_heading(self) -> str:
        return self.headline.heading

    @property
    def outcome_text(self) -> str:
        return " ".join(self.headline.text)

    def to_html(self, heading_level: int = 2) -> str:
        """The summary as an HTML fragment whose top heading is ``<h{heading_level}>``."""
        return _render_html(self, max(1, min(heading_level, 4)))

    def to_text(self) -> str:
        """The summary as plain text, for the CLI and for copying."""
        return _render_text(self)


def _summary_finding(finding: Finding) -> SummaryFinding:
    q = question(finding.question)
    return SummaryFinding(
        question=q.id,
        label=q.label,
        answer=q.display(finding.answer),
        not_sure=finding.answer == NOT_SURE,
        reason=finding.reason,
        ask=finding.ask,
        answer_text=answer_text(q.id, finding.answer),
    )


def _section(result: Result, tier: Tier) -> SummarySection | None:
    findings = result.findings_with(tier)
    if not findings:
        return None
    text = wording.TIERS[tier]
    return SummarySection(tier, text.heading, text.text, tuple(_summary_finding(f) for f in findings))


def build_summary(result: Result, checked_on: date) -> Summary:
    """The summary model for one result, dated the day the answers were given."""
    flagged = {f.question for f in result.findings}
    groups = []
    for part in PARTS:
        rows = []
        for q in questions_in(part.id):
            value = result.answer(q.id)
            rows.append(AnswerRow(
                question=q.id, label=q.label, answer=q.display(value),
                not_sure=value == NOT_SURE, flagged=q.id in flagged,
                answer_text=answer_text(q.id, value),
            ))
        groups.append(AnswerGroup(part.title, tuple(rows)))
    sections = tuple(
        s for s in (_section(result, t) for t in (Tier.STOP, Tier.DISCUSS, Tier.ADVICE)) if s
    )
    score = result.severity
    return Summary(
        title=wording.SUMMARY_TITLE,
        checked_on=checked_on,
        based_on=f"{wording.BASED_ON} {format_date(checked_on)}",
        version=wording.QUESTION_SET_LINE.format(
            version=result.question_set_version, issued=format_date(QUESTION_SET_ISSUED)
        ),
        status=sign_off_status(bank.QUESTION_SET_SIGN_OFF),
        intro=wording.SUMMARY_INTRO,
        outcome=result.outcome,
        headline=headline_for(result.outcome, result.see_gp_about_sweating),
        red_flags=_section(result, Tier.RED_FLAG),
        sections=sections,
        severity=score,
        severity_heading=wording.SEVERITY_HEADING,
        severity_text=f"HDSS score {score.hdss} out of 4, {wording.BANDS[score.band]}",
        severity_credit=wording.HDSS_SCALE_CREDIT,
        answers_heading=wording.ANSWERS_HEADING,
        answers=tuple(groups),
        limits_heading=wording.LIMITS_HEADING,
        limits=wording.LIMITS,
        recheck=wording.RECHECK,
    )


# --- HTML ----------------------------------------------------------------------------

def _tag(name: str, text: str, cls: str = "", extra: str = "") -> str:
    attributes = (f' class="{cls}"' if cls else "") + extra
    return f"<{name}{attributes}>{escape(text)}</{name}>"


def _findings_html(section: SummarySection, level: int) -> list[str]:
    out = ['<ul class="sc-findings">']
    for f in section.findings:
        modifier = " sc-finding--not-sure" if f.not_sure else ""
        tier = section.tier.value.replace("_", "-")
        out.append(f'<li class="sc-finding sc-finding--{tier}{modifier}" data-sc-finding="{escape(f.question)}">')
        out.append(_tag(f"h{level}", f.label, "sc-finding__label"))
        # The result screen copies the text of [data-sc-answer]: one wording of an answer.
        answer = _tag("strong", f.answer_text, extra=" data-sc-answer")
        out.append(f'<p class="sc-finding__answer">{escape(wording.ANSWER_LABEL)} {answer}</p>')
        out.append(_tag("p", f.reason, "sc-finding__reason"))
        out.append(
            f'<p class="sc-finding__ask"><span class="sc-finding__ask-label">{escape(wording.ASK_LABEL)} </span>'
            f"{escape(f.ask)}</p>"
        )
        out.append("</li>")
    out.append("</ul>")
    return out


def _section_html(section: SummarySection, level: int, cls: str) -> list[str]:
    ident = f"sc-summary-{section.tier.value.replace('_', '-')}"
    out = [f'<section class="{cls}" aria-labelledby="{ident}">']
    out.append(_tag(f"h{level}", section.heading, "sc-summary__heading", f' id="{ident}"'))
    out.append(_tag("p", section.text, "sc-summary__lead"))
    out.extend(_findings_html(section, level + 1))
    out.append("</section>")
    return out


def _urgent_html(level: int) -> list[str]:
    out = ['<section class="sc-summary__urgent" aria-labelledby="sc-summary-urgent">']
    out.append(_tag(f"h{level}", wording.URGENT_HEADING, "sc-summary__heading", ' id="sc-summary-urgent"'))
    out.append(f"<p>{_tag('strong', wording.URGENT_999)}</p>")
    out.append(_tag("p", wording.URGENT_ROUTES_INTRO))
    out.append('<ul class="sc-summary__routes">')
    out.extend(
        f"<li>{_tag('strong', route.nation + ':')} {escape(route.route)}</li>" for route in wording.URGENT_ROUTES
    )
    out.append("</ul>")
    out.append("</section>")
    return out


def _render_html(s: Summary, h: int) -> str:
    sub = h + 1
    out = [f'<article class="sc-summary sc-summary--{s.outcome.value.replace("_", "-")}" '
           'aria-labelledby="sc-summary-title">']
    out.append(_tag(f"h{h}", s.title, "sc-summary__title", ' id="sc-summary-title"'))
    out.append(
        '<p class="sc-summary__meta">'
        f"{escape(wording.BASED_ON)} "
        f'<time datetime="{s.checked_on.isoformat()}">{escape(format_date(s.checked_on))}</time>. '
        f"{escape(s.version)}. {escape(s.status)}</p>"
    )
    out.append('<section class="sc-summary__outcome" aria-labelledby="sc-summary-outcome">')
    out.append(_tag("p", s.headline.label, "sc-summary__label"))
    out.append(_tag(f"h{sub}", s.headline.heading, "sc-summary__heading", ' id="sc-summary-outcome"'))
    out.extend(_tag("p", text) for text in s.headline.text)
    out.append("</section>")
    out.append(_tag("p", s.intro, "sc-summary__intro"))
    if s.red_flags:
        out.extend(_section_html(s.red_flags, sub, "sc-summary__box sc-summary__box--red-flag"))
    for section in s.sections:
        tier = section.tier.value.replace("_", "-")
        out.extend(_section_html(section, sub, f"sc-summary__findings sc-summary__findings--{tier}"))
    out.append('<section class="sc-summary__severity" aria-labelledby="sc-summary-severity">')
    out.append(_tag(f"h{sub}", s.severity_heading, "sc-summary__heading", ' id="sc-summary-severity"'))
    out.append(_tag("p", s.severity_text))
    out.append(_tag("p", s.severity_credit, "sc-summary__credit"))
    out.append("</section>")
    out.append('<section class="sc-summary__answers" aria-labelledby="sc-summary-answers">')
    out.append(_tag(f"h{sub}", s.answers_heading, "sc-summary__heading", ' id="sc-summary-answers"'))
    for group in s.answers:
        out.append(_tag(f"h{sub + 1}", group.title, "sc-answers__group"))
        out.append('<dl class="sc-answers">')
        for row in group.rows:
            classes = "sc-answers__row"
            classes += " sc-answers__row--flagged" if row.flagged else ""
            classes += " sc-answers__row--not-sure" if row.not_sure else ""
            out.append(f'<div class="{classes}">')
            out.append(_tag("dt", row.label))
            out.append(_tag("dd", row.answer_text))
            out.append("</div>")
        out.append("</dl>")
    out.append("</section>")
    out.append('<section class="sc-summary__limits" aria-labelledby="sc-summary-limits">')
    out.append(_tag(f"h{sub}", s.limits_heading, "sc-summary__heading", ' id="sc-summary-limits"'))
    out.append("<ul>")
    out.extend(_tag("li", limit) for limit in s.limits)
    out.append("</ul>")
    out.append(_tag("p", s.recheck, "sc-summary__safety-net"))
    out.append("</section>")
    out.extend(_urgent_html(sub))
    out.append("</article>")
    return "\n".join(out) + "\n"


# --- plain text ----------------------------------------------------------------------

def _render_text(s: Summary) -> str:
    lines = [s.title, "=" * len(s.title), f"{s.based_on}. {s.version}.", s.status, ""]
    lines += [f"{s.headline.label.upper()}: {s.headline.heading}", *s.headline.text, ""]
    lines += [s.intro, ""]
    sections = ([s.red_flags] if s.red_flags else []) + list(s.sections)
    for section in sections:
        lines += [section.heading.upper(), section.text]
        for f in section.findings:
            lines.append(f"- {f.label}: {f.answer_text}")
            lines.append(f"  {wording.WHY_LABEL} {f.reason}")
            lines.append(f"  {wording.ASK_LABEL} {f.ask}")
        lines.append("")
    lines += [s.severity_heading.upper(), s.severity_text, s.severity_credit, ""]
    lines.append(s.answers_heading.upper())
    for group in s.answers:
        lines.append(f"{group.title}:")
        lines += [f"- {row.label}: {row.answer_text}" for row in group.rows]
    lines += ["", s.limits_heading.upper()]
    lines += [f"- {limit}" for limit in s.limits]
    lines += [s.recheck, ""]
    lines += [wording.URGENT_HEADING.upper(), wording.URGENT_999, wording.URGENT_ROUTES_INTRO]
    lines += [f"- {route.nation}: {route.route}" for route in wording.URGENT_ROUTES]
    return "\n".join(lines) + "\n"
