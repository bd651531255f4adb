"""Texts that belong to no single question: outcomes, tiers, HDSS bands, limits, safety net.

Like ``selfcheck.bank``, this is wording as data. The result page, the fallback, the GP
summary and the paper checklist all read it, so the same words appear everywhere and the
templates hold no clinical wording of their own.
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
        "Read the instructions that come with your machine.",
    ),
}
"""The result in words. "Do the check again" is not repeated here: the result screen lists
``RECHECK_IF`` and the summary ends with ``RECHECK``. When there are red flags,
``selfcheck.headline`` leads with ``RED_FLAG_HEADLINE`` instead (presentation rule 1)."""

RED_FLAG_LABEL = "Important"
RED_FLAG_HEADLINE = Heading(
    "Ask a GP to check your sweating soon, before you try any treatment",
    "Some of your answers can mean that something else is causing the sweating. "
    "Make an appointment with a GP soon. Take this summary with you.",
)
"""The headline whenever there are red flags, whatever the outcome. "Soon" is the firmest
timescale the evidence gives for most red flags (evidence base section 16)."""

RED_FLAG_ALSO: dict[Outcome, str] = {
    Outcome.STOP: "Your answers also include a reason not to start iontophoresis "
    "until a doctor says it is OK.",
    Outcome.DISCUSS: "Your answers also include things to talk about with a GP "
    "before you use iontophoresis.",
}
"""What the outcome adds under the red-flag headline. ``none_found`` adds nothing: its
wording is never shown next to red flags."""

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.STOP: "Important",
    Outcome.DISCUSS: "Non-urgent advice",
    Outcome.NONE_FOUND: "Your result",
}
"""The label above each outcome's heading on the result screen. It says how urgent the
result is in words, so urgency never depends on colour; that makes it clinical wording."""

TIERS: dict[Tier, Heading] = {
    # Review m28: for pregnancy and pacemaker/ICD every NHS leaflet says "cannot be undertaken",
    # while this stop wording implies a doctor may approve. It follows the specification's tier
    # definition; the Clinical Safety Officer is to confirm it at sign-off.
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
        "A GP can check whether something else is causing it.",
    ),
    Tier.ADVICE: Heading(
        "Good to know",
        "These do not change the result, but they may help.",
    ),
}

TIER_MARKS: dict[Tier, str] = {
    Tier.STOP: "do not start until a doctor says it is OK",
    Tier.DISCUSS: "talk to a GP before you start",
    Tier.RED_FLAG: "ask a GP to check your sweating soon, before any treatment",
    Tier.ADVICE: "good to know, does not change the result",
}
"""Short tier names for the paper checklist, after a single question's answers. The
``TIERS`` headings are section headings ("Talk about these …") and read badly there."""

BANDS: dict[Band, str] = {
    # The contract calls score 1 "mild"; its words say what it means (no problem noticed).
    Band.MILD: "the sweating is not noticed and never gets in the way of daily life",
    Band.MODERATE: "moderate: the sweating sometimes gets in the way of daily life",
    Band.SEVERE: "severe: the sweating often or always gets in the way of daily life",
}

HDSS_CREDIT = (
    "Hyperhidrosis Disease Severity Scale (HDSS), from Strutton et al. (2004) "
    "and the Canadian Hyperhidrosis Advisory Committee (Solish et al., 2007)"
)

HDSS_SCALE_CREDIT = f"Scale: {HDSS_CREDIT}"
"""The credit line wherever the scale itself is shown: the question, the summary."""

NOT_SURE_NOTE = "counted as a reason to check"
"""Shown next to every "not sure" answer, so it is marked in words and not only by colour."""

LIMITS: tuple[str, ...] = (
    "It cannot diagnose anything, or tell whether iontophoresis is right for you.",
    "It only asks about common reasons for caution, not about every health condition.",
    "It does not replace advice from a doctor, or the instructions for your machine.",
)

RECHECK = "If your health changes, do the check again."
"""For the summary and the paper checklist; the result screen lists ``RECHECK_IF`` instead."""

RECHECK_HEADING = "Do this check again if"
RECHECK_IF: tuple[str, ...] = (
    "you become pregnant, or start trying for a baby",
    "you get a new implant, such as a pacemaker, a coil or a joint replacement",
    "a doctor tells you that you have a new health condition",
)

@dataclass(frozen=True)
class UrgentRoute:
    """Where to get urgent help that is not an emergency, in one UK nation."""

    nation: str
    route: str
    address: str = ""
    """The web address in ``route``, if any: pages make it a link (printed text keeps it plain)."""

    def __post_init__(self) -> None:
        if self.address not in self.route:
            raise ValueError(f"{self.address!r} is not in {self.route!r}")

    @property
    def around_address(self) -> tuple[str, str]:
        """The route's words before and after its web address."""
        before, _, after = self.route.partition(self.address)
        return before, after


URGENT_HEADING = "Get help urgently"
URGENT_999 = (
    "Call 999 now if you have sweating with chest pain. "
    "Also call 999 for sweating with breathlessness, feeling faint, or cold and clammy skin. "
    "These can be signs of a heart attack."
)
URGENT_ROUTES_INTRO = "If you need help quickly but it is not an emergency:"
URGENT_ROUTES: tuple[UrgentRoute, ...] = (
    UrgentRoute("England", "call 111 or go to 111.nhs.uk", address="111.nhs.uk"),
    UrgentRoute("Wales", "call 111 or go to 111.wales.nhs.uk", address="111.wales.nhs.uk"),
    UrgentRoute("Scotland", "call NHS 24 on 111"),
    UrgentRoute("Northern Ireland", "call the GP surgery, or the GP out-of-hours service when it is closed"),
)
URGENT_SOURCES: tuple[str, ...] = (
    "NHS-HA", "Springwell-GP", "NEAS-111", "NHSDW-OOH", "NHS24-111", "HSCNI-OOH",
)
"""Urgent help for the whole UK (evidence base section 15). Every place that gives urgent
help (self-check, summary, pages that list red flags, leaflets) renders these, once."""

PRINT_HEADING = "Print or save your summary"
"""The result screen's heading over the name field and the print button."""
PRINT_STEP = f"{PRINT_HEADING}. It lists your answers and the questions to ask."
NEXT_STEPS_RED_FLAGS: tuple[str, ...] = (
    "Take it to a GP soon. Ask them to check your sweating.",
    "Wait until a GP has checked your sweating before you try iontophoresis or any other treatment.",
)
NEXT_STEPS_STOP: tuple[str, ...] = ("Take it to a GP or your skin team before you start.",)
NEXT_STEPS_DISCUSS: tuple[str, ...] = ("Take it to a GP or a skin specialist before you start.",)
NEXT_STEPS_NONE_FOUND: tuple[str, ...] = (
    "This check cannot diagnose anything or tell you that iontophoresis is right for you.",
    "Read the instructions that come with your machine before you start.",
    "If you have questions, ask a GP, a pharmacist or a skin specialist.",
)
"""What to do next, after ``PRINT_STEP``: it follows the outcome (presentation rule 3).
Stop and red flags go to a GP or the skin team, never a pharmacist. With red flags,
``NEXT_STEPS_RED_FLAGS`` come first and the ``none_found`` steps are left out
(``selfcheck.headline``)."""

FALLBACK_LABEL = OUTCOME_LABELS[Outcome.STOP]
"""No result is treated like the strictest result: the fallback looks like a stop card."""
FALLBACK_HEADING = "The check could not give you a result"
FALLBACK_TEXT: tuple[str, ...] = (
    "Something went wrong in this browser, so we cannot show a result. "
    "This does not mean anything about your health.",
    "Speak to a GP before you use iontophoresis. "
    "Use the paper checklist below and take it with you.",
)

PAPER_INTRO = (
    "Print this checklist or copy it onto paper. Tick one box for each question, "
    "or write your answer. Take it with you when you speak to a GP."
)
PAPER_RED_FLAGS_FIRST = (
    "Ask a GP to check your sweating soon, before you try any treatment, if you answered:"
)
PAPER_DOCTOR_FIRST = "Do not start iontophoresis before speaking to a doctor if you answered:"
"""The paper checklist's headline rules, red flags first; the page lists the answers
from every rule of the bank under each."""
PAPER_AGE_UNDER = "an age under {age}"
"""How the headline rule names the ages whose rules need a doctor."""
PAPER_NOT_SURE = (
    "\"I'm not sure\" always counts like \"Yes\". This checklist cannot tell you "
    "that iontophoresis is right for you. Only a doctor can decide that."
)

INTENDED_PURPOSE = (
    "This check is for adults and children in the UK who are thinking about "
    "tap-water iontophoresis. An adult can answer for a child or for someone they care for."
)
"""Who the check is for, stated once (DCB0129 intended purpose); the about page reuses it."""

SIGN_OFF_PENDING = "This question set has not yet had clinical sign-off."
SIGNED_OFF = "This question set was signed off by {who}, {role}, on {date}."
"""The question set's review status, from ``bank.QUESTION_SET_SIGN_OFF`` (presentation rule 5)."""

SUMMARY_TITLE = "Tap-water iontophoresis: questions to discuss with a GP"
BASED_ON = "Based on answers given on"
SUMMARY_INTRO = (
    "This page shows the patient's own answers to an online self-check, not a medical assessment."
)
QUESTION_SET_LINE = "Question set {version}, issued {issued}"
"""On the summary, the start screen and the paper checklist."""
LIMITS_HEADING = "What this check cannot do"
"""Over ``LIMITS`` on the summary and the start screen."""
SEVERITY_HEADING = "How much the sweating affects daily life"
ANSWERS_HEADING = "All answers"
ANSWER_LABEL = "Answer:"
WHY_LABEL = "Why:"
ASK_LABEL = "Question to ask:"
"""Before each finding's question for the doctor, on the summary and the result screen."""

# Progress on the self-check's waiting screen while the engine loads (engine.js reports
# the stage; the page fills in the figure).
ENGINE_PROGRESS_DOWNLOADING = "Downloading the check to this device: {megabytes} MB so far."
ENGINE_PROGRESS_STARTING = "Download finished. Starting the check on this device."

# What the self-check keeps on the device, where and for how long (shown on its page).
KEPT_ON_DEVICE_HEADING = "What this check keeps on your device"
KEPT_ON_DEVICE: tuple[str, ...] = (
    "Your answers are kept in this browser tab only, until you close the tab or clear your answers.",
    "Some browsers also save open tabs on the device, so that they can restore them after a crash.",
    "The name you type for your summary is never saved.",
    "When you start the check, your browser saves the check itself, not your answers, so it works offline.",
    "It stays until this site is updated, or until you clear this site's data in your browser.",
    "Nothing you enter is sent to this website or anywhere else.",
)
