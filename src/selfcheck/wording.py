"""Texts that belong to no single question: outcomes, tiers, HDSS bands, limits.

Like ``selfcheck.bank``, this is wording as data. The result page, the GP summary and the
paper checklist all read it, so the same words appear everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.model import Band, Outcome, Tier


@dataclass(frozen=True)
class Heading:
    """A heading with one short paragraph under it."""

    heading: str
    text: str


OUTCOMES: dict[Outcome, Heading] = {
    Outcome.STOP: Heading(
        "Do not start iontophoresis until a doctor says it is OK",
        "Your answers include at least one reason that NHS hospitals or machine makers give "
        "for not using iontophoresis. "
        "Talk to a GP or skin specialist before you start. Take this summary with you.",
    ),
    Outcome.DISCUSS: Heading(
        "Talk to a GP before you use iontophoresis",
        "Your answers include things to talk about with a GP or skin specialist before you start. "
        "Take this summary with you.",
    ),
    Outcome.NONE_FOUND: Heading(
        "Your answers did not include any of the common reasons for caution",
        "This check cannot tell you that iontophoresis is right for you. A doctor decides that. "
        "Read the instructions that come with your machine. "
        "If anything changes, such as a pregnancy or a new implant, do the check again.",
    ),
}

TIERS: dict[Tier, Heading] = {
    Tier.STOP: Heading(
        "Do not start until a doctor says it is OK",
        "NHS hospitals or machine makers list these as reasons not to use iontophoresis.",
    ),
    Tier.DISCUSS: Heading(
        "Talk about these with a GP or skin specialist first",
        "These do not always rule out iontophoresis, but a doctor needs to know about them.",
    ),
    Tier.RED_FLAG: Heading(
        "Ask a GP to check your sweating",
        "Some answers can mean that something else is causing the sweating. "
        "A GP can check this before you try any treatment.",
    ),
    Tier.ADVICE: Heading(
        "Good to know",
        "These do not change the result, but they may help.",
    ),
}

BANDS: dict[Band, str] = {
    Band.MILD: "mild: the sweating is not noticed and does not get in the way of daily life",
    Band.MODERATE: "moderate: the sweating sometimes gets in the way of daily life",
    Band.SEVERE: "severe: the sweating often or always gets in the way of daily life",
}

HDSS_CREDIT = (
    "Hyperhidrosis Disease Severity Scale (HDSS), from Strutton et al. (2004) "
    "and the Canadian Hyperhidrosis Advisory Committee (Solish et al., 2007)"
)

NOT_SURE_NOTE = "counted as a reason to check"
"""Shown next to every "not sure" answer, so it is marked in words and not only by colour."""

LIMITS: tuple[str, ...] = (
    "It cannot diagnose anything, or tell whether iontophoresis is right for you.",
    "It only asks about common reasons for caution, not about every health condition.",
    "It does not replace advice from a doctor, or the instructions for your machine.",
)

SAFETY_NET = (
    "If your health changes, do the check again. "
    "If you feel unwell now, go to 111.nhs.uk or call 111. In an emergency, call 999."
)

SUMMARY_TITLE = "Tap-water iontophoresis: questions to discuss with a GP"
BASED_ON = "Based on answers given on"
SUMMARY_INTRO = (
    "This page shows the patient's own answers to an online self-check, not a medical assessment."
)
