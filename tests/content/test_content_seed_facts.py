"""The two starting articles: every fact covered, every marketing claim corrected.

Table-driven from ../shared/reference/seed-facts.md: each row names the page that
must carry the fact (or the correction) and a pattern that shows it is there.
Patterns run on the page's prose as built (headings and tables included here,
since a fact in a table still counts).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_helpers import INFO_PAGES, article, built_path

from selfcheck import QUESTIONS, Tier

# (page, what the row checks, regular expression that must match, case-insensitive)
SEED_FACTS = [
    ("getting-treatment.md", "antiperspirant first, then a GP referral", r"strong antiperspirant.*refer you to a skin specialist"),
    ("getting-treatment.md", "consultation with the skin team", r"talk with the skin team"),
    ("getting-treatment.md", "tell the team: metal pins", r"metal in your body, such as pins"),
    ("getting-treatment.md", "tell the team: pacemaker", r"pacemaker"),
    ("getting-treatment.md", "tell the team: skin problems such as eczema", r"eczema"),
    ("getting-treatment.md", "tell the team: open cuts under water", r"open cuts"),
    ("getting-treatment.md", "tell the team: any worries", r"anything that worries you"),
    ("getting-treatment.md", "hospital or health-centre skin department, doctor or nurse", r"hospital or health centre skin department"),
    ("getting-treatment.md", "home kits can be bought", r"buy a machine to use at home"),
    ("getting-treatment.md", "home kits are not harmless (correction)", r"home machines are not harmless"),
    ("getting-treatment.md", "sharing a machine: each user checked", r"each person needs their own health check"),
    ("getting-treatment.md", "cost from about £325", r"£325"),
    ("getting-treatment.md", "funding varies by area", r"differs from area to area"),
    ("getting-treatment.md", "cleared, not approved (correction)", r"\"clears\".*not the same as approval"),
    ("getting-treatment.md", "professional bodies do not approve products (correction)", r"do not approve products"),
    ("course-and-maintenance.md", "a course of around 10", r"around 10"),
    ("course-and-maintenance.md", "9 to 18 sessions", r"9 (to|–) 18"),
    ("course-and-maintenance.md", "not 'back to normal' (correction)", r"back to normal.*not what most people find"),
    ("course-and-maintenance.md", "maintenance 1 to 4 a month", r"1 (to|–) 4 sessions a month"),
    ("course-and-maintenance.md", "top-ups after the course, on a home machine", r"buy a machine for top-ups at home"),
    ("course-and-maintenance.md", "every treatment must be repeated", r"all treatments .* need to be repeated"),
    ("course-and-maintenance.md", "relapse 85% within 6 months", r"85 out of 100.*within 6 months"),
    ("course-and-maintenance.md", "no proven 'no tolerance' (correction)", r"never gets used to the treatment are not proven"),
    ("a-session.md", "about half an hour", r"20 to 30 minutes"),
    ("a-session.md", "a small pricking feeling is normal", r"pricking feeling is normal"),
    ("a-session.md", "trays of tap water", r"tap water"),
    ("a-session.md", "underarm pads", r"pad over a plate in each armpit"),
    ("a-session.md", "set time and current, press start", r"press start"),
    ("a-session.md", "polarity: sources disagree", r"sources disagree"),
    ("before-a-session.md", "remove metal jewellery", r"take off rings"),
    ("before-a-session.md", "petroleum jelly on small cuts", r"petroleum jelly"),
    ("before-a-session.md", "antiperspirant removal is a maker's instruction", r"device maker tells users to wash any antiperspirant"),
    ("before-a-session.md", "postpone with an eczema flare", r"flare of eczema"),
    ("before-a-session.md", "water level", r"only enough water to cover your palms"),
    ("before-a-session.md", "turn the current down before lifting out", r"turn the current down before you take"),
    ("side-effects.md", "cracked skin or irritation", r"cracks"),
    ("side-effects.md", "eczema or psoriasis may worsen", r"eczema or psoriasis getting worse"),
    ("side-effects.md", "blistering", r"blisters"),
    ("side-effects.md", "small shocks or burns, uncommon (not rare)",
     r"uncommon side effects.*small burns.*electric shock"),
    ("side-effects.md", "harm very unlikely, minor effects common", r"serious harm is rare"),
    ("side-effects.md", "not free of side effects (correction)", r"not true that the treatment has no side effects"),
    ("what-is-iontophoresis.md", "mechanism not known (correction)", r"no one knows for sure"),
    ("what-is-iontophoresis.md", "'nerve endings' is only one theory (correction)", r"nerve endings.*only one idea"),
    ("what-is-iontophoresis.md", "not 'fully effective' (correction)", r"only method that works fully.*not true"),
    ("what-is-iontophoresis.md", "63 to 70 in 100 respond", r"63 to 70 out of 100"),
    ("what-is-iontophoresis.md", "'90-100% success' figures are uncontrolled (correction)", r"90 to 100 out of 100.*no comparison group"),
]

# What "Who should not use it" says for each self-check question with a stop or discuss
# rule (the 12 conditions of the maker's list are among them). A new such question in
# the bank fails test_every_stop_and_discuss_question_has_its_words until it is added here.
CONDITION_WORDS = {
    "age": ["under 5", "aged 5 to 17"],
    "areas": ["face, back, groin"],
    "pregnant": ["pregnan"],
    "breastfeeding": ["breastfeeding"],
    "pacemaker": ["pacemaker", "electronic implant"],
    "metal_implant": ["metal"],
    "coil": ["coil"],
    "heart_condition": ["heart condition"],
    "epilepsy": ["epilepsy"],
    "reduced_feeling": ["less feeling"],
    "circulation": ["circulation"],
    "blood_clot": ["blood clot"],
    "cancer": ["cancer"],
    "broken_skin": ["broken, infected or inflamed"],
    "skin_condition": ["eczema or psoriasis"],
    "braces": ["braces"],
    "tried_antiperspirant": ["strong antiperspirant"],
}
CONTRAINDICATIONS = [words for all_words in CONDITION_WORDS.values() for words in all_words]

# Claims that must never appear as the site's own statement. Quoted on purpose only
# next to a correction, so each pattern may appear only inside quotation marks.
BANNED_AS_TRUE = [
    r"free of adverse effects",
    r"fully effective",
    r"completely safe",
    r"cannot cause (you )?any harm",
    r"no tolerance",
    r"FDA[- ]approved",
    r"approved by the FDA",
]

PROMISE_WORDS = re.compile(r"\b(safe|safely|suitable|guaranteed?|cure[sd]?)\b", re.I)
NEGATION = re.compile(r"\b(not|never|no|cannot|wrong|untrue)\b|n't", re.I)


def _text(site: Path, page: str) -> str:
    node = article(built_path(site, page).read_text(encoding="utf-8"))
    for footer in node.select(".site-page-meta, .headerlink"):
        footer.decompose()
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize(("page", "fact", "pattern"), SEED_FACTS, ids=[f[1] for f in SEED_FACTS])
def test_seed_fact_is_covered(built_site: Path, page: str, fact: str, pattern: str) -> None:
    """Each fact of the starting articles appears on its page (or is corrected there)."""
    assert re.search(pattern, _text(built_site, page), re.I | re.S), f"{page}: missing '{fact}'"


def test_every_stop_and_discuss_question_has_its_words() -> None:
    """The list above covers exactly the bank's questions that can stop or need a talk first."""
    cautious = {q.id for q in QUESTIONS if any(r.tier in (Tier.STOP, Tier.DISCUSS) for r in q.rules)}
    assert set(CONDITION_WORDS) == cautious


@pytest.mark.parametrize("condition", CONTRAINDICATIONS)
def test_contraindication_is_covered(built_site: Path, condition: str) -> None:
    """'Who should not use it' names every stop and discuss condition of the self-check."""
    assert condition.lower() in _text(built_site, "who-should-not-use-it.md").lower()


@pytest.mark.parametrize("page", INFO_PAGES)
def test_marketing_claims_are_not_repeated_as_true(built_site: Path, page: str) -> None:
    """A marketing claim may be quoted to correct it, never stated as fact."""
    text = _text(built_site, page)
    unquoted = re.sub(r"\"[^\"]*\"|“[^”]*”", " ", text)
    found = [p for p in BANNED_AS_TRUE if re.search(p, unquoted, re.I)]
    assert found == [], f"{page}: {found}"


@pytest.mark.parametrize("page", INFO_PAGES)
def test_no_promise_words_without_a_negation(built_site: Path, page: str) -> None:
    """'safe', 'suitable', 'cure' or 'guarantee' only appear in a negated sentence."""
    sentences = re.split(r"(?<=[.!?])\s+", _text(built_site, page))
    bad = [s for s in sentences if PROMISE_WORDS.search(s) and not NEGATION.search(s)]
    assert bad == [], f"{page}: {bad}"


@pytest.mark.parametrize("page", INFO_PAGES)
def test_nhs_style_words(built_site: Path, page: str) -> None:
    """NHS style: 'do not' not 'don't', 'medicines' not 'drugs', no 'should' in our voice."""
    text = _text(built_site, page)
    # The page "Who should not use it" keeps the name the navigation gives it.
    text = re.sub(r"who[ -]should[ -]not[ -]use[ -](it|iontophoresis)", "", text, flags=re.I)
    assert not re.search(r"\b(don't|doesn't|can't|won't|isn't)\b", text, re.I)
    assert not re.search(r"\bdrugs?\b", text, re.I)
    assert not re.search(r"\bshould\b", text, re.I), re.findall(r"[^.]*\bshould\b[^.]*", text, re.I)
