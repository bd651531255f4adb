"""The question bank: the single source of truth for every question's wording and rule.

Page templates, the no-JavaScript paper checklist, the rules, the GP summary and the CLI
all read from ``PARTS`` and ``QUESTIONS``. Nothing else holds clinical wording, except
``selfcheck.wording`` for the texts that belong to no single question.

Tiers of a finding: ``stop`` (do not start until a doctor has said it is OK), ``discuss``
(talk to a GP or specialist first), ``red_flag`` (a GP should check the sweating itself),
``advice`` (practical advice only). Source keys are those of section 9 of the evidence
base (``shared/reference/clinical-evidence.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from selfcheck.model import (
    AGE_MAX,
    AGE_MIN,
    HDSS_MAX,
    HDSS_MIN,
    NO,
    NOT_SURE,
    QUESTION_SET_VERSION,
    YES,
    AnswerValue,
    Kind,
    SignOff,
    Tier,
)

QUESTION_SET_ISSUED = date(2026, 11, 30)
"""When this question set was issued."""

QUESTION_SET_SIGN_OFF: SignOff | None = None
"""The clinical sign-off of this question set, or None while it has none. Only a Clinical
Safety Officer's sign-off goes here; the start page and the GP summary say what it is."""


@dataclass(frozen=True)
class Option:
    """One answer a person can choose: the value sent to the engine and its label."""

    value: str | int
    label: str
    short: str = ""
    """A shorter label for lists of answers (defaults to ``label``)."""
    divider_before: bool = False
    """Show the "or" divider before this option (the odd-one-out "I'm not sure")."""

    def __post_init__(self) -> None:
        if not self.short:
            object.__setattr__(self, "short", self.label)

    def to_json(self) -> dict[str, object]:
        return {"value": self.value, "label": self.label, "short": self.short}


@dataclass(frozen=True)
class Part:
    """A group of questions shown under one caption."""

    id: str
    letter: str
    title: str
    intro: str

    @property
    def questions(self) -> tuple[Question, ...]:
        """The questions of this part, in order (for templates: ``part.questions``)."""
        return questions_in(self.id)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "letter": self.letter, "title": self.title, "intro": self.intro}


@dataclass(frozen=True)
class Rule:
    """When an answer gives a finding, and what the finding says.

    Exactly one trigger is set, matching the question's kind: ``answers`` for yes/no
    questions, ``ages`` (inclusive) for age, ``area`` for areas.
    """

    tier: Tier
    when: str
    """The trigger in plain words, for the paper checklist ("Yes or I'm not sure")."""
    reason: str
    ask: str
    """A question the patient can ask the doctor."""
    sources: tuple[str, ...]
    answers: tuple[str, ...] = ()
    ages: tuple[int, int] | None = None
    area: str | None = None

    def matches(self, value: AnswerValue) -> bool:
        if self.answers:
            return value in self.answers
        if self.ages is not None:
            low, high = self.ages
            return isinstance(value, int) and low <= value <= high
        if self.area is not None:
            return isinstance(value, tuple) and self.area in value
        return False

    def to_json(self) -> dict[str, object]:
        trigger: dict[str, object]
        if self.answers:
            trigger = {"answers": list(self.answers)}
        elif self.ages is not None:
            trigger = {"ages": list(self.ages)}
        else:
            trigger = {"area": self.area}
        return {
            "tier": self.tier.value,
            "when": self.when,
            **trigger,
            "reason": self.reason,
            "ask": self.ask,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Question:
    """One question, with everything needed to ask it, check it and explain its finding."""

    id: str
    kind: Kind
    part: str
    label: str
    """Short statement for the check-answers list and the summary ("Pacemaker or other implant")."""
    text: str
    """The question itself (the page heading)."""
    hint: str
    """Why we ask, with "Answer No if…" exceptions where they help."""
    error: str
    """The error message when the question is not answered (GOV.UK style)."""
    rules: tuple[Rule, ...] = ()
    options: tuple[Option, ...] = ()
    sources: tuple[str, ...] = field(default=())
    """Every source behind the question (defaults to the sources of its rules)."""

    def __post_init__(self) -> None:
        if not self.sources:
            keys: list[str] = []
            for rule in self.rules:
                keys.extend(k for k in rule.sources if k not in keys)
            object.__setattr__(self, "sources", tuple(keys))

    @property
    def inverted(self) -> bool:
        """True for a yes/no question where "no" (not "yes") gives the finding."""
        return any(NO in rule.answers for rule in self.rules)

    @property
    def clear_answer(self) -> str | None:
        """The yes/no answer that gives no finding, or None for other kinds."""
        if self.kind is not Kind.YES_NO:
            return None
        return YES if self.inverted else NO

    def option(self, value: str | int) -> Option:
        for option in self.options:
            if option.value == value and type(option.value) is type(value):
                return option
        raise KeyError(value)

    def display(self, value: AnswerValue) -> str:
        """An answer in plain words, for lists of answers ("Not sure", "Hands, feet", "34")."""
        if self.kind is Kind.AGE:
            return str(value)
        if self.kind is Kind.AREAS and isinstance(value, tuple):
            shorts = [self.option(v).short for v in value]
            text = ", ".join(shorts)
            return text[:1].upper() + text[1:]
        if self.kind is Kind.HDSS:
            return f"{value} out of {HDSS_MAX}"
        return self.option(value).short  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "part": self.part,
            "label": self.label,
            "text": self.text,
            "hint": self.hint,
            "error": self.error,
            "options": [o.to_json() for o in self.options],
            "rules": [r.to_json() for r in self.rules],
            "sources": list(self.sources),
        }


# --- building blocks ---------------------------------------------------------------

YES_NO_OPTIONS = (
    Option(YES, "Yes"),
    Option(NO, "No"),
    Option(NOT_SURE, "I'm not sure", short="Not sure", divider_before=True),
)

_ON_YES = (YES, NOT_SURE)
_ON_NO = (NO, NOT_SURE)
_WHEN = {_ON_YES: "Yes or I'm not sure", _ON_NO: "No or I'm not sure"}


def _yes_no(
    id: str,
    part: str,
    *,
    label: str,
    text: str,
    hint: str,
    error: str,
    tier: Tier,
    reason: str,
    ask: str,
    sources: tuple[str, ...],
    on: tuple[str, str] = _ON_YES,
) -> Question:
    rule = Rule(tier=tier, when=_WHEN[on], reason=reason, ask=ask, sources=sources, answers=on)
    return Question(
        id=id, kind=Kind.YES_NO, part=part, label=label, text=text, hint=hint, error=error,
        rules=(rule,), options=YES_NO_OPTIONS,
    )


#: The age question's errors for an answer that is given but cannot be used. A question's
#: ``error`` is for a missing answer; the page's number input can also fail these two ways.
#: It takes digits only, so it can never be below AGE_MIN.
AGE_NOT_A_NUMBER = "Enter the age as a whole number, like 34"
AGE_TOO_HIGH = f"Enter an age of {AGE_MAX} or less"

ABOUT_YOU, SAFETY, SWEATING = "about_you", "safety", "sweating"

PARTS: tuple[Part, ...] = (
    Part(
        ABOUT_YOU, "A", "About you",
        "If you are answering for a child or someone you care for, answer for them.",
    ),
    Part(
        SAFETY, "B", "Safety questions",
        "These cover the common reasons that hospitals and machine makers give for caution. "
        "If you are not sure of an answer, choose I'm not sure.",
    ),
    Part(
        SWEATING, "C", "Your sweating",
        "These questions help a GP check what kind of sweating you have.",
    ),
)

# --- the questions, in the order of the specification ------------------------------

QUESTIONS: tuple[Question, ...] = (
    # Part A: about you
    Question(
        id="age", kind=Kind.AGE, part=ABOUT_YOU,
        label="Age",
        text="How old are you?",
        hint="If you are answering for a child, enter the child's age. "
        "We ask because the advice for children is different.",
        error="Enter your age, or the age of the person you are answering for",
        rules=(
            Rule(
                Tier.STOP, when="Under 5", ages=(AGE_MIN, 4),
                reason="Some NHS hospitals do not treat children under 5 with iontophoresis. "
                "Some machine makers set the lower age limit at 6.",
                ask="What else could help my child's sweating until they are older?",
                sources=("NUTH", "StHees", "Saalio", "Saalmann", "RAF"),
            ),
            Rule(
                Tier.DISCUSS, when="5", ages=(5, 5),
                reason="Some NHS hospitals do not treat children under 5. "
                "Some machine makers say their machines are not for children under 6. "
                "Check the instructions for your machine.",
                ask="Is my child old enough for iontophoresis, and which machine would you advise?",
                sources=("NUTH", "StHees", "Saalio", "Saalmann", "SGS", "RAF"),
            ),
            Rule(
                Tier.DISCUSS, when="6 to 17", ages=(6, 17),
                reason="Children and teenagers can be treated, but the advice is different. "
                "One NHS hospital uses a lower current for children, with an adult present. "
                "There is less research in children.",
                ask="What current setting and routine would you advise for my child?",
                sources=("DBTH", "UHB", "Dagash", "HUK", "Hautarzt12", "FDA-Dermadry"),
            ),
        ),
    ),
    Question(
        id="areas", kind=Kind.AREAS, part=ABOUT_YOU,
        label="Areas to treat",
        text="Which parts of your body do you want to treat?",
        hint="Select all that apply. "
        "We ask because iontophoresis works best on the hands and feet.",
        error="Select the areas you want to treat",
        options=(
            Option("hands", "Hands", short="hands"),
            Option("feet", "Feet", short="feet"),
            Option("underarms", "Underarms (armpits)", short="underarms"),
            Option("other", "Other areas, such as the face, back or groin", short="other areas"),
        ),
        rules=(
            Rule(
                Tier.DISCUSS, when="Other areas", area="other",
                reason="There is very little research on treating the face, back or groin. "
                "These areas need special pads or masks. "
                "One machine maker says never to pass the current across the chest or head.",
                ask="Is iontophoresis worth trying for the other areas, or would another treatment work better?",
                sources=("BAD", "Policy-HH", "Hidrex"),
            ),
            Rule(
                Tier.ADVICE, when="Underarms", area="underarms",
                reason="Underarms are treated with wet pads rather than trays of water. "
                "This is more awkward, and there is less evidence that it works there.",
                ask="Would a different treatment work better for my underarms?",
                sources=("IHHS", "DermNet", "Policy-HH", "HUK"),
            ),
        ),
    ),
    # Part B: safety questions
    _yes_no(
        "pregnant", SAFETY,
        label="Pregnant, possibly pregnant or trying to be",
        text="Are you pregnant, could you be pregnant, or are you trying to get pregnant?",
        hint="We ask because nobody knows if iontophoresis could affect an unborn baby.",
        error="Select yes if you are pregnant, could be pregnant or are trying to get pregnant, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="NHS hospitals and machine makers say not to use iontophoresis in pregnancy. "
        "One NHS leaflet includes trying to get pregnant. "
        "There is no research in pregnancy, so harm to a baby cannot be ruled out.",
        ask="Is it better to wait until after my pregnancy, and what else could help until then?",
        sources=("NUTH", "StHees", "DBTH", "TRFT", "NLAG", "Saalio", "Saalmann", "Hidrex", "RAF",
                 "Hautarzt12"),
    ),
    _yes_no(
        "breastfeeding", SAFETY,
        label="Breastfeeding",
        text="Are you breastfeeding?",
        hint="We ask because one machine maker says not to use its machines while breastfeeding.",
        error="Select yes if you are breastfeeding, or select I'm not sure",
        tier=Tier.STOP,
        reason="One machine maker says not to use its machines while breastfeeding. "
        "The NHS leaflets we checked do not mention it, and no reason is given. "
        "We still count it, so that a doctor can decide.",
        ask="Can I use iontophoresis while I am breastfeeding?",
        sources=("Saalio",),
    ),
    _yes_no(
        "pacemaker", SAFETY,
        label="Pacemaker, ICD or other implanted device",
        text="Do you have a pacemaker, an implanted defibrillator (ICD) "
        "or another electronic device inside your body?",
        hint="For example a cochlear implant, a nerve stimulator or an implanted pump. "
        "We ask because the electric current might affect how the device works.",
        error="Select yes if you have a pacemaker, defibrillator or other implanted device, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="NHS hospitals and machine makers say not to use iontophoresis with a pacemaker "
        "or defibrillator (ICD). "
        "The current might affect the device. "
        "A heart device maker has had no reports of this. "
        "The sources only name heart devices, but we count other implants too.",
        ask="Could iontophoresis affect my device, and can my heart or implant team advise?",
        sources=("NUTH", "StHees", "DBTH", "NLAG", "Saalio", "Saalmann", "Hidrex", "SJM"),
    ),
    _yes_no(
        "metal_implant", SAFETY,
        label="Metal implant from surgery or injury",
        text="Do you have any metal inside your body from an operation or an injury?",
        hint="For example a hip or knee replacement, metal plates, pins or screws, "
        "or a dental implant. "
        "Braces have their own question.",
        error="Select yes if you have metal inside your body from an operation or injury, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="The NHS leaflets we read say not to use iontophoresis with any metal implant. "
        "Some machine makers and German doctors only worry about metal where the current flows. "
        "A lab study found no heating of metal, but there is no research in people. "
        "Sources disagree, so a doctor needs to decide.",
        ask="Does the metal in my body matter for iontophoresis on the areas I want to treat?",
        sources=("NUTH", "StHees", "DBTH", "NLAG", "Saalio", "Saalmann", "Hidrex", "RAF",
                 "Sinclair"),
    ),
    _yes_no(
        "coil", SAFETY,
        label="Contraceptive coil (IUD or IUS)",
        text="Do you have a contraceptive coil (IUD or IUS)?",
        hint="Answer for any coil, copper or hormonal. "
        "We ask because some hospitals say not to use iontophoresis with a coil.",
        error="Select yes if you have a contraceptive coil, or select I'm not sure",
        tier=Tier.STOP,
        reason="Some NHS hospitals say not to use iontophoresis with any coil, copper or hormonal. "
        "Some machine makers only mention copper coils, and only when treating the feet. "
        "Sources disagree, so a doctor needs to decide.",
        ask="Does my type of coil matter for iontophoresis on the areas I want to treat?",
        sources=("NUTH", "StHees", "Hidrex", "Saalio", "Saalmann", "SGS"),
    ),
    _yes_no(
        "heart_condition", SAFETY,
        label="Heart condition or heart rhythm problem",
        text="Do you have a heart condition or a problem with your heart rhythm?",
        hint="For example heart disease or an irregular heartbeat (arrhythmia). "
        "We ask because the current passes through the body.",
        error="Select yes if you have a heart condition or heart rhythm problem, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="Some machine makers say not to use their machines with a heart condition, "
        "or only with a doctor's approval. "
        "The NHS leaflets we checked do not list it. "
        "The risk is only in theory, but we count it so a doctor can decide.",
        ask="Could the current affect my heart condition?",
        sources=("Saalio", "Saalmann", "Hidrex", "RAF"),
    ),
    _yes_no(
        "epilepsy", SAFETY,
        label="Epilepsy or seizures (fits)",
        text="Do you have epilepsy, or have you had seizures (fits)?",
        hint="Answer Yes even if your seizures are well controlled. "
        "We ask because some machine makers list epilepsy.",
        error="Select yes if you have epilepsy or have had seizures, or select I'm not sure",
        tier=Tier.STOP,
        reason="Some machine makers say not to use their machines if you have epilepsy, "
        "or only with a doctor's approval. "
        "The NHS leaflets we checked do not list it, and no reason is given. "
        "We still count it, so that a doctor can decide.",
        ask="Does my epilepsy matter for iontophoresis?",
        sources=("Saalmann", "Hidrex", "RAF"),
    ),
    _yes_no(
        "reduced_feeling", SAFETY,
        label="Numbness or less feeling where treated",
        text="Do you have numbness or less feeling in the skin of an area you want to treat?",
        hint="For example from diabetes or nerve damage (neuropathy). "
        "We ask because you may not feel it if the current starts to burn.",
        error="Select yes if you have numbness or reduced feeling in an area to treat, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="NHS hospitals and machine makers say not to use iontophoresis on skin with "
        "reduced feeling. "
        "You might not notice if the current starts to burn.",
        ask="Is there a way to treat my sweating that does not rely on feeling in my skin?",
        sources=("NUTH", "StHees", "Saalmann", "Hidrex"),
    ),
    _yes_no(
        "circulation", SAFETY,
        label="Severe blood circulation problem",
        text="Do you have a severe problem with your blood circulation?",
        hint="This means a problem with the blood vessels (vascular disease), "
        "like very poor blood flow to hands or feet.",
        error="Select yes if you have a severe problem with your blood circulation, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="One machine maker says not to use its machines with a severe problem with "
        "blood circulation. "
        "The NHS leaflets we checked do not list it, and no reason is given. "
        "We still count it, so that a doctor can decide.",
        ask="Does my circulation problem matter for iontophoresis?",
        sources=("Saalmann",),
    ),
    _yes_no(
        "blood_clot", SAFETY,
        label="Blood clot (thrombosis) now or being treated",
        text="Do you have a blood clot (thrombosis) now, or are you being treated for one?",
        hint="For example a clot in a leg (deep vein thrombosis, DVT). "
        "Answer No if you had a clot in the past and your treatment has finished.",
        error="Select yes if you have a blood clot or are being treated for one, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="Some NHS hospitals and a machine maker say not to use iontophoresis if you "
        "have a blood clot (thrombosis). "
        "They do not give a reason.",
        ask="When could I start iontophoresis after my blood clot?",
        sources=("NUTH", "StHees", "Saalmann"),
    ),
    _yes_no(
        "cancer", SAFETY,
        label="Cancer or tumour, now or being checked",
        text="Do you have cancer or a tumour, or are you being checked for one?",
        hint="This includes a lump or skin change that a doctor is checking.",
        error="Select yes if you have cancer or a tumour or are being checked for one, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="Some NHS hospitals say not to use iontophoresis if you have a tumour anywhere "
        "in the body. "
        "Machine makers mention tumours in the treated area. "
        "No reason is given.",
        ask="Does my cancer, or the check I am having, matter for iontophoresis?",
        sources=("NUTH", "StHees", "Saalmann", "Hidrex"),
    ),
    _yes_no(
        "broken_skin", SAFETY,
        label="Broken, infected or inflamed skin where treated",
        text="Is the skin you want to treat broken, infected or inflamed?",
        hint="Broken means a large wound or a large area of broken skin. "
        "An eczema flare counts too. "
        "Inflamed skin can feel hot, sore, itchy or swollen. "
        "It may look red, or darker than usual on brown or black skin. "
        "Small cuts have their own question.",
        error="Select yes if you have broken, infected or inflamed skin in an area to treat, "
        "or select I'm not sure",
        tier=Tier.STOP,
        reason="Broken or inflamed skin can sting or burn with the current, "
        "and eczema may get worse. "
        "Hospitals and machine makers say to wait until the skin has healed.",
        ask="When will my skin be healed enough to start?",
        sources=("DBTH", "Hidrex-man", "Saalmann", "Hölzle-K"),
    ),
    _yes_no(
        "skin_condition", SAFETY,
        label="Long-term skin condition, such as eczema",
        text="Do you have a long-term skin condition, such as eczema or psoriasis?",
        hint="Answer Yes even if your skin is calm at the moment.",
        error="Select yes if you have a long-term skin condition, or select I'm not sure",
        tier=Tier.DISCUSS,
        reason="The current and the water can dry or irritate the skin. "
        "One NHS leaflet says eczema may get worse. "
        "A doctor can help you plan how to look after your skin.",
        ask="How can I protect my skin condition if I use iontophoresis?",
        sources=("DBTH", "Hidrex", "Dagash"),
    ),
    _yes_no(
        "braces", SAFETY,
        label="Fixed dental braces",
        text="Do you have fixed dental braces?",
        hint="Answer No for a brace or retainer that you can take out.",
        error="Select yes if you have fixed dental braces, or select I'm not sure",
        tier=Tier.DISCUSS,
        reason="NHS leaflets disagree about fixed braces. "
        "One lists them as a reason not to treat. "
        "Another says they do not matter, because the current does not pass through the head. "
        "That may not hold if the face is treated.",
        ask="Do my fixed braces matter for iontophoresis?",
        sources=("DBTH", "NLAG"),
    ),
    _yes_no(
        "small_cuts", SAFETY,
        label="Small cuts or cracks where treated",
        text="Do you have small cuts, scratches or cracks in the skin of an area you want to treat?",
        hint="Cracked skin is common on the hands and feet. "
        "It may sting when it gets wet.",
        error="Select yes if you have small cuts, scratches or cracks in an area to treat, "
        "or select I'm not sure",
        tier=Tier.ADVICE,
        reason="Small cuts can sting or burn with the current. "
        "Cover them with petroleum jelly (such as Vaseline) before each session.",
        ask="How do I protect small cuts during a session?",
        sources=("StHees", "NLAG", "Saalio", "SGS"),
    ),
    # Part C: your sweating
    _yes_no(
        "tried_antiperspirant", SWEATING,
        label="Used 20% aluminium chloride antiperspirant for 1 month or more",
        text="Have you used a strong antiperspirant with 20% aluminium chloride for at least 1 month?",
        hint="GPs usually suggest this first. It is sold in pharmacies, for example Driclor or Anhydrol Forte. "
        "The pack or leaflet says it contains 20% aluminium chloride hexahydrate. "
        "Everyday antiperspirants may use a different aluminium salt, and do not count. "
        "Answer Yes if you used it for at least 1 month, even if it did not help.",
        error="Select yes if you have used a strong antiperspirant for at least 1 month, "
        "or select I'm not sure",
        tier=Tier.DISCUSS,
        on=_ON_NO,
        reason="NHS guidance suggests a 20% aluminium chloride hexahydrate antiperspirant first. "
        "Iontophoresis is usually offered if that has not helped after about 1 month.",
        ask="Could I try a strong antiperspirant first, and how do I use it?",
        sources=("CKS", "BNSSG", "HWE", "HEY", "NI-form", "Driclor-PIL"),
    ),
    _yes_no(
        "night_sweats", SWEATING,
        label="Night sweats that soak clothes or bedding",
        text="Do you sweat at night so much that your clothes or bedding get soaked?",
        hint="The common type of excessive sweating usually stops during sleep. "
        "Answer No if you only sweat at night because you are too warm. "
        "Tell a GP too if you have swollen glands, or have travelled abroad recently.",
        error="Select yes if you have night sweats that soak your clothes or bedding, "
        "or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="The common type of excessive sweating usually stops during sleep. "
        "Heavy night sweats can have another cause, such as an infection. "
        "A GP can check this.",
        ask="Could something else be causing my night sweats?",
        sources=("NHS-W", "GPonline", "Walling", "IHHS-sec", "Devon", "GPonline-NS"),
    ),
    _yes_no(
        "weight_loss", SWEATING,
        label="Losing weight without trying",
        text="Have you lost weight without trying?",
        hint="Answer No if you lost weight on purpose, for example by changing what you eat.",
        error="Select yes if you have lost weight without trying, or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Losing weight without trying can be a sign of another condition, "
        "such as an overactive thyroid. "
        "A GP can check this.",
        ask="Could my weight loss and my sweating be linked?",
        sources=("GPonline", "PCN"),
    ),
    _yes_no(
        "fever", SWEATING,
        label="Fever or feeling generally unwell",
        text="Do you have a high temperature (fever), or do you feel generally unwell?",
        hint="We ask because sweating with a fever can be a sign of an illness.",
        error="Select yes if you have a high temperature or feel generally unwell, "
        "or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Sweating with a high temperature or feeling unwell can be a sign of an infection "
        "or another illness. "
        "A GP can check this.",
        ask="Could an infection or another illness be causing my sweating?",
        sources=("GPonline", "BNSSG"),
    ),
    _yes_no(
        "one_sided", SWEATING,
        label="Sweating mostly on one side",
        text="Is your sweating mostly on one side of your body?",
        hint="Sweating about the same on both sides is usual. "
        "Answer No if one side sweats only a little more than the other.",
        error="Select yes if your sweating is mostly on one side of your body, "
        "or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Sweating mostly on one side of the body often has another cause, "
        "such as a problem with the nerves. "
        "A GP can check this.",
        ask="Could a nerve problem be causing sweating on one side of my body?",
        sources=("Walling", "Labar"),
    ),
    _yes_no(
        "whole_body", SWEATING,
        label="Sweating all over the body",
        text="Do you sweat all over your body, not just on your hands, feet or underarms?",
        hint="Answer No if you only sweat all over when you are hot or exercising.",
        error="Select yes if you sweat all over your body, or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Sweating all over the body is more often caused by something else, "
        "such as a medicine or another condition. "
        "A GP can check this.",
        ask="Could something else be causing sweating all over my body?",
        sources=("CKS", "BNSSG", "Walling"),
    ),
    _yes_no(
        "started_after_25", SWEATING,
        label="Sweating started after age 25",
        text="Did your sweating start after the age of 25?",
        hint="The common type of excessive sweating usually starts in childhood or the teenage years.",
        error="Select yes if your sweating started after the age of 25, or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="The common type of excessive sweating usually starts before the age of 25. "
        "Sweating that starts later is more likely to have another cause.",
        ask="Could something else be causing sweating that started later in life?",
        sources=("Walling", "Hornberger", "HUK-what"),
    ),
    _yes_no(
        "new_medicine", SWEATING,
        label="Sweating started or got worse after a new medicine",
        text="Did your sweating start, or get worse, after you began taking a medicine?",
        hint="Many medicines can cause sweating. "
        "Do not stop taking a medicine without talking to a doctor or pharmacist first.",
        error="Select yes if your sweating started or got worse after starting a medicine, "
        "or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Many medicines can cause sweating, such as some antidepressants. "
        "Do not stop taking a medicine without advice. "
        "A GP or pharmacist can check this.",
        ask="Could one of my medicines be causing my sweating?",
        sources=("NHS-W", "BNSSG", "HUK-what"),
    ),
    _yes_no(
        "racing_heart", SWEATING,
        label="Sweating with racing heart, headache or shaking",
        text="Do you have bouts of sweating with a racing or pounding heartbeat, "
        "a headache or shaking?",
        hint="Answer No if this only happens when you exercise. "
        "If you have diabetes, sweating bouts can mean low blood sugar, so tell a GP. "
        "Call 999 now if you have sweating with chest pain.",
        error="Select yes if you have bouts of sweating with a racing heartbeat, "
        "headache or shaking, or select I'm not sure",
        tier=Tier.RED_FLAG,
        reason="Sweating with a racing heartbeat, headache or shaking can be a sign of another "
        "condition, such as an overactive thyroid. "
        "A GP can check this. "
        "If you have sweating with chest pain, call 999 now.",
        ask="Could another condition be causing these bouts of sweating?",
        sources=("GPonline", "IHHS-sec", "BNSSG", "NHS-HA"),
    ),
    _yes_no(
        "duration_6_months", SWEATING,
        label="Sweating for 6 months or more",
        text="Have you had this sweating for 6 months or more?",
        hint="Doctors usually diagnose excessive sweating (hyperhidrosis) once it has lasted "
        "6 months. "
        "Answer No if it started more recently.",
        error="Select yes if you have had this sweating for 6 months or more, "
        "or select I'm not sure",
        tier=Tier.ADVICE,
        on=_ON_NO,
        reason="Excessive sweating (hyperhidrosis) is usually diagnosed once it has lasted "
        "6 months or more. "
        "If your sweating is newer, a GP can check what is causing it.",
        ask="Is my sweating likely to be hyperhidrosis, or could it be something else?",
        sources=("Hornberger", "PCN", "CKS", "NHS-W"),
    ),
    Question(
        id="hdss", kind=Kind.HDSS, part=SWEATING,
        label="Effect on daily life (HDSS)",
        text="How much does your sweating affect your daily life?",
        hint="Choose the sentence that fits you best. "
        "It is based on a scale doctors use, the Hyperhidrosis Disease Severity Scale (HDSS).",
        error="Select how much your sweating affects your daily life",
        options=(
            Option(1, "I do not notice my sweating, and it never gets in the way of my daily life",
                   short="1: not noticed, never affects daily life"),
            Option(2, "I can cope with my sweating, but it sometimes gets in the way of my daily life",
                   short="2: can cope, sometimes gets in the way"),
            Option(3, "I can only just cope with my sweating, and it often gets in the way of my daily life",
                   short="3: can only just cope, often gets in the way"),
            Option(4, "I cannot cope with my sweating, and it always gets in the way of my daily life",
                   short="4: cannot cope, always gets in the way"),
        ),
        sources=("Strutton", "Solish", "DermClin14"),
    ),
)

QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)
_BY_ID = {q.id: q for q in QUESTIONS}


def question(question_id: str) -> Question:
    """The question with this id (KeyError if there is none)."""
    return _BY_ID[question_id]


def questions_in(part_id: str) -> tuple[Question, ...]:
    """The questions of one part, in order."""
    return tuple(q for q in QUESTIONS if q.part == part_id)


def questions_as_json() -> dict[str, object]:
    """The whole bank as plain JSON data (what ``python -m selfcheck questions`` prints)."""
    return {
        "question_set_version": QUESTION_SET_VERSION,
        "issued": QUESTION_SET_ISSUED.isoformat(),
        "limits": {"age": [AGE_MIN, AGE_MAX], "hdss": [HDSS_MIN, HDSS_MAX]},
        "parts": [{**p.to_json(), "questions": [q.id for q in questions_in(p.id)]} for p in PARTS],
        "questions": [q.to_json() for q in QUESTIONS],
    }
