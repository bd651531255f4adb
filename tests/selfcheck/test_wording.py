"""Shared wording (selfcheck.wording): one source for every screen, split by purpose."""

from __future__ import annotations

import ast
import re
from datetime import date

from sc_helpers import clear_answers, user_facing_texts, wording_texts

from selfcheck import Outcome, Tier, build_summary, evaluate, wording
from sitebuild.paths import ROOT

# Where clinical wording must not be typed: every template and page script, the build
# code that turns the bank into pages, and the site's catalogue of words (catalogue/),
# which holds only what the engine does not.
PAGE_FILES = (
    *(ROOT / "overrides").rglob("*.html"),
    *(ROOT / "overrides" / "assets").rglob("*.js"),
    *(ROOT / "src" / "sitebuild").glob("*.py"),
    *(ROOT / "catalogue").glob("*.toml"),
)

# Short texts ("Yes", "Age", "Important") also occur by chance; four words do not.
MIN_WORDS = 4


def _code_only(path) -> str:
    """The file without comments and docstrings, which may quote wording to explain it."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        text = re.sub(r"^\s*#.*$", " ", text, flags=re.MULTILINE)
    elif path.suffix == ".html":
        text = re.sub(r"\{#.*?#\}", " ", text, flags=re.DOTALL)
    elif path.suffix == ".js":
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
        text = re.sub(r"(?<![:\"'])//.*", " ", text)
    else:
        tree = ast.parse(text)
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        text = "\n".join(
            node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        )
    return " ".join(text.split())


def _phrases(text: str) -> list[str]:
    """The sentences of a text long enough to be recognised, split around placeholders."""
    pieces = re.split(r"\{\w+\}|(?<=[.?!])\s+", text)
    return [p.strip(" ,") for p in pieces if len(p.split()) >= MIN_WORDS]


class TestSingleSource:
    def test_no_page_file_types_wording_from_the_package(self) -> None:
        """No template, page script, sitebuild module or catalogue holds a sentence of the bank or wording."""
        files = {path.relative_to(ROOT): _code_only(path) for path in PAGE_FILES}
        assert len(files) > 60 and ROOT / "catalogue" / "en.toml" in PAGE_FILES
        found = [
            (str(name), where, phrase)
            for where, text in user_facing_texts()
            for phrase in _phrases(text)
            for name, code in files.items()
            if phrase in code
        ]
        assert found == []

    def test_the_scan_sees_every_wording_constant(self) -> None:
        """The word checks walk the module, so constants added later are checked too."""
        names = {name for name, _ in wording_texts()}
        assert {
            "OUTCOMES", "OUTCOME_LABELS", "TIERS", "TIER_MARKS", "RECHECK", "RECHECK_HEADING",
            "RECHECK_IF", "URGENT_HEADING", "URGENT_999", "URGENT_ROUTES_INTRO", "URGENT_ROUTES",
            "NEXT_STEPS_STOP", "NEXT_STEPS_RED_FLAGS", "RED_FLAG_HEADLINE", "RED_FLAG_ALSO",
            "FALLBACK_LABEL", "FALLBACK_HEADING", "FALLBACK_TEXT", "PAPER_INTRO",
            "PAPER_DOCTOR_FIRST", "PAPER_RED_FLAGS_FIRST", "PAPER_NOT_SURE", "INTENDED_PURPOSE",
            "SIGN_OFF_PENDING",
        } <= names
        assert "SAFETY_NET" not in names and "URGENT_HELP" not in names


class TestSafetyNet:
    def test_do_the_check_again_and_urgent_help_are_separate(self) -> None:
        """"Do the check again" and urgent help are separate texts, so a screen can use each once."""
        assert "check again" in wording.RECHECK and "111" not in wording.RECHECK
        assert "check again" not in wording.URGENT_999 + wording.URGENT_ROUTES_INTRO
        assert wording.RECHECK_HEADING == "Do this check again if"
        assert len(wording.RECHECK_IF) == 3

    def test_chest_pain_means_999_in_one_sentence(self) -> None:
        """Sweating with chest pain, breathlessness, feeling faint or clammy skin: 999 now (C2)."""
        first = wording.URGENT_999.split(". ")[0]
        assert "chest pain" in first and "999 now" in first and "sweating" in first
        for words in ("breathlessness", "feeling faint", "clammy"):
            assert words in wording.URGENT_999

    def test_every_uk_nation_has_its_urgent_route(self) -> None:
        """England, Wales, Scotland and Northern Ireland each have a route; 111.nhs.uk is England's only."""
        routes = {r.nation: r.route for r in wording.URGENT_ROUTES}
        assert list(routes) == ["England", "Wales", "Scotland", "Northern Ireland"]
        assert "111.nhs.uk" in routes["England"] and "111.wales.nhs.uk" in routes["Wales"]
        assert "NHS 24" in routes["Scotland"] and "out-of-hours" in routes["Northern Ireland"]
        assert "111.nhs.uk" not in routes["Wales"] + routes["Scotland"] + routes["Northern Ireland"]

    def test_outcomes_leave_the_safety_net_to_its_own_texts(self) -> None:
        """No outcome repeats "do the check again" or 111, which every result screen shows anyway."""
        for text in wording.OUTCOMES.values():
            assert "check again" not in text.text and "111" not in text.text

    def test_the_summary_prints_each_once(self) -> None:
        """The GP summary ends with both: do the check again, then urgent help for every nation."""
        result = evaluate(clear_answers())
        summary = build_summary(result, date(2026, 12, 1))
        for rendered in (summary.to_html(), summary.to_text()):
            assert rendered.count(wording.RECHECK) == 1
            assert rendered.count(wording.URGENT_999) == 1
            assert rendered.index(wording.RECHECK) < rendered.index(wording.URGENT_999)
            for route in wording.URGENT_ROUTES:
                assert rendered.count(route.route) == 1


class TestLabels:
    def test_every_outcome_and_tier_has_its_short_text(self) -> None:
        """Each outcome has a care-card label and each tier a short name for the paper checklist."""
        assert set(wording.OUTCOME_LABELS) == set(Outcome)
        assert set(wording.TIER_MARKS) == set(Tier)
        assert all(mark[0].islower() for mark in wording.TIER_MARKS.values()), "they follow a colon"

    def test_the_fallback_is_as_serious_as_a_stop_result(self) -> None:
        """No result is labelled like the strictest result and sends the patient to a GP."""
        assert wording.OUTCOME_LABELS[Outcome.STOP] == wording.FALLBACK_LABEL
        assert any(text.startswith("Speak to a GP") for text in wording.FALLBACK_TEXT)
        assert any("paper checklist" in text for text in wording.FALLBACK_TEXT)

    def test_the_headline_rules_lead_to_a_list_of_answers(self) -> None:
        """The paper checklist lists the answers under each lead; the leads' words stay here."""
        for lead in (wording.PAPER_RED_FLAGS_FIRST, wording.PAPER_DOCTOR_FIRST):
            assert lead.endswith("if you answered:")
        assert wording.PAPER_RED_FLAGS_FIRST.startswith(wording.RED_FLAG_HEADLINE.heading)
        assert wording.PAPER_AGE_UNDER.format(age=18) == "an age under 18"


class TestNextSteps:
    def test_stop_and_red_flags_never_send_to_a_pharmacist(self) -> None:
        """Stop and red flags go to a GP or the skin team; discuss to a GP or skin specialist (M8)."""
        for steps in (wording.NEXT_STEPS_STOP, wording.NEXT_STEPS_RED_FLAGS):
            assert "pharmacist" not in " ".join(steps)
        assert "GP or your skin team" in " ".join(wording.NEXT_STEPS_STOP)
        assert "GP or a skin specialist" in " ".join(wording.NEXT_STEPS_DISCUSS)
        assert "pharmacist" not in " ".join(wording.NEXT_STEPS_DISCUSS)

    def test_none_found_restates_what_the_check_cannot_do(self) -> None:
        """The best outcome's next steps say what the check cannot tell."""
        assert "cannot diagnose" in wording.NEXT_STEPS_NONE_FOUND[0]


class TestPurposeAndStatus:
    def test_intended_purpose_is_adults_and_children_stated_once(self) -> None:
        """One intended purpose: adults and children in the UK (M6); no other text says "adults" only."""
        assert "adults and children" in wording.INTENDED_PURPOSE and "UK" in wording.INTENDED_PURPOSE
        others = [(where, text) for where, text in user_facing_texts()
                  if "adult" in text.lower() and text != wording.INTENDED_PURPOSE]
        assert all("adults and children" in text or "an adult present" in text for _, text in others), others

    def test_band_1_is_not_called_mild(self) -> None:
        """HDSS 1 means no noticeable sweating, so its words do not call it mild (m18)."""
        from selfcheck import Band
        assert "mild" not in wording.BANDS[Band.MILD]
        assert "never gets in the way" in wording.BANDS[Band.MILD]
