"""What a result leads with: the one place that decides the headline and the next steps.

Presentation rule 1: when ``see_gp_about_sweating`` is true, the first message is to ask
a GP to check the sweating soon, whatever the outcome, and the ``none_found`` wording is
not shown at all. The result screen, the GP summary and the text summary all take their
headline from :func:`headline_for`, so they cannot disagree. The page renders one card
per entry of :data:`HEADLINES` at build time; its script only shows the card whose
outcome and red-flag flag match the engine's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck import wording
from selfcheck.model import Outcome

_NEXT_STEPS: dict[Outcome, tuple[str, ...]] = {
    Outcome.STOP: wording.NEXT_STEPS_STOP,
    Outcome.DISCUSS: wording.NEXT_STEPS_DISCUSS,
    Outcome.NONE_FOUND: wording.NEXT_STEPS_NONE_FOUND,
}


@dataclass(frozen=True)
class Headline:
    """The first thing a result says, and what to do next."""

    outcome: Outcome
    red_flags: bool
    label: str
    """Says in words how urgent the result is, above the heading."""
    heading: str
    text: tuple[str, ...]
    """Paragraphs under the heading."""
    next_steps: tuple[str, ...]
    style: Outcome
    """The outcome whose card colour it takes: red flags are never shown as the mild grey."""


def headline_for(outcome: Outcome, see_gp_about_sweating: bool) -> Headline:
    """The headline of a result with this outcome and red-flag flag."""
    if not see_gp_about_sweating:
        words = wording.OUTCOMES[outcome]
        return Headline(
            outcome=outcome, red_flags=False, label=wording.OUTCOME_LABELS[outcome],
            heading=words.heading, text=(words.text,),
            next_steps=(wording.PRINT_STEP, *_NEXT_STEPS[outcome]),
            style=outcome,
        )
    also = wording.RED_FLAG_ALSO.get(outcome)
    outcome_steps = () if outcome is Outcome.NONE_FOUND else _NEXT_STEPS[outcome]
    return Headline(
        outcome=outcome, red_flags=True, label=wording.RED_FLAG_LABEL,
        heading=wording.RED_FLAG_HEADLINE.heading,
        text=(wording.RED_FLAG_HEADLINE.text, *((also,) if also else ())),
        next_steps=(wording.PRINT_STEP, *wording.NEXT_STEPS_RED_FLAGS, *outcome_steps),
        style=Outcome.STOP if outcome is Outcome.STOP else Outcome.DISCUSS,
    )


HEADLINES: tuple[Headline, ...] = tuple(
    headline_for(outcome, red_flags) for red_flags in (True, False) for outcome in Outcome
)
"""Every headline a result can have: the page renders each as a hidden card."""
