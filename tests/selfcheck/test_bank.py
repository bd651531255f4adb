"""The question bank: order, shape, wording rules and sources."""

from __future__ import annotations

import json
import re

import pytest
from sc_helpers import SPEC_TIERS, reassuring_words, user_facing_texts
from support.evidence import evidence_keys

from selfcheck import PARTS, QUESTION_IDS, QUESTION_SET_ISSUED, QUESTION_SET_VERSION, QUESTIONS, Kind, question, questions_in
from selfcheck import wording
from selfcheck.bank import YES_NO_OPTIONS, questions_as_json

SPEC_ORDER = (
    "age", "areas", "pregnant", "breastfeeding", "pacemaker", "metal_implant", "coil",
    "heart_condition", "epilepsy", "reduced_feeling", "circulation", "blood_clot", "cancer",
    "broken_skin", "skin_condition", "braces", "small_cuts", "tried_antiperspirant",
    "night_sweats", "weight_loss", "fever", "one_sided", "whole_body", "started_after_25",
    "new_medicine", "racing_heart", "duration_6_months", "hdss",
)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


class TestOrderAndShape:
    def test_questions_follow_the_specification_order(self) -> None:
        """The bank holds exactly the specification's question ids, in its order."""
        assert QUESTION_IDS == SPEC_ORDER

    def test_parts_are_about_you_safety_and_your_sweating(self) -> None:
        """Three parts, A to C, and every question belongs to one of them."""
        assert [(p.letter, p.title) for p in PARTS] == [
            ("A", "About you"), ("B", "Safety questions"), ("C", "Your sweating"),
        ]
        assert sum(len(questions_in(p.id)) for p in PARTS) == len(QUESTIONS)
        assert [q.id for q in questions_in("about_you")] == ["age", "areas"]
        assert questions_in("safety")[0].id == "pregnant" and questions_in("safety")[-1].id == "small_cuts"
        assert [q for p in PARTS for q in p.questions] == list(QUESTIONS)

    def test_kinds(self) -> None:
        """Age, areas and HDSS have their own kinds; everything else is yes/no/not sure."""
        kinds = {q.id: q.kind for q in QUESTIONS}
        assert kinds.pop("age") is Kind.AGE
        assert kinds.pop("areas") is Kind.AREAS
        assert kinds.pop("hdss") is Kind.HDSS
        assert set(kinds.values()) == {Kind.YES_NO}

    def test_yes_no_questions_offer_yes_no_and_not_sure_after_a_divider(self) -> None:
        """Every yes/no question offers Yes, No and "I'm not sure" (after the "or" divider)."""
        for q in QUESTIONS:
            if q.kind is Kind.YES_NO:
                assert q.options == YES_NO_OPTIONS
        assert [(o.value, o.label, o.divider_before) for o in YES_NO_OPTIONS] == [
            ("yes", "Yes", False), ("no", "No", False), ("not_sure", "I'm not sure", True),
        ]
        assert YES_NO_OPTIONS[2].short == "Not sure"

    def test_areas_and_hdss_options(self) -> None:
        """Areas offer the four contract values and HDSS the scores 1 to 4."""
        assert [o.value for o in question("areas").options] == ["hands", "feet", "underarms", "other"]
        assert [o.value for o in question("hdss").options] == [1, 2, 3, 4]

    @pytest.mark.parametrize("qid", SPEC_TIERS)
    def test_yes_no_tiers_match_the_specification(self, qid: str) -> None:
        """Each yes/no question has one rule with the specification's tier."""
        (rule,) = question(qid).rules
        assert rule.tier is SPEC_TIERS[qid]

    def test_not_sure_always_triggers_like_the_triggering_answer(self) -> None:
        """Every yes/no rule fires on "not_sure" as well as on its triggering answer."""
        for qid in SPEC_TIERS:
            (rule,) = question(qid).rules
            assert "not_sure" in rule.answers and len(rule.answers) == 2

    def test_only_antiperspirant_and_duration_are_inverted(self) -> None:
        """Only the antiperspirant and 6-month questions trigger on "no"."""
        assert {q.id for q in QUESTIONS if q.inverted} == {"tried_antiperspirant", "duration_6_months"}
        assert question("tried_antiperspirant").clear_answer == "yes"
        assert question("pacemaker").clear_answer == "no"
        assert question("age").clear_answer is None

    def test_hdss_has_no_rule(self) -> None:
        """The HDSS score gives no finding; it is reported as severity."""
        assert question("hdss").rules == ()

    def test_question_lookup_rejects_unknown_ids(self) -> None:
        """Looking up an unknown id raises KeyError."""
        with pytest.raises(KeyError):
            question("nope")

    def test_version_and_issue_date(self) -> None:
        """The bank's JSON carries the question set's version (YYYY.MM) and its issue date."""
        data = questions_as_json()
        assert data["question_set_version"] == QUESTION_SET_VERSION
        assert re.fullmatch(r"\d{4}\.\d{2}", QUESTION_SET_VERSION)
        assert data["issued"] == QUESTION_SET_ISSUED.isoformat()


class TestAsJson:
    def test_bank_is_plain_json(self) -> None:
        """The bank serialises to JSON and back without loss."""
        data = questions_as_json()
        assert json.loads(json.dumps(data)) == data
        assert [q["id"] for q in data["questions"]] == list(QUESTION_IDS)
        assert [p["id"] for p in data["parts"]] == ["about_you", "safety", "sweating"]

    def test_rules_carry_their_trigger(self) -> None:
        """Each rule says what triggers it: answers, an age range or an area."""
        by_id = {q["id"]: q for q in questions_as_json()["questions"]}
        assert by_id["pacemaker"]["rules"][0]["answers"] == ["yes", "not_sure"]
        assert by_id["tried_antiperspirant"]["rules"][0]["answers"] == ["no", "not_sure"]
        assert [r["ages"] for r in by_id["age"]["rules"]] == [[0, 4], [5, 5], [6, 17]]
        assert [r["area"] for r in by_id["areas"]["rules"]] == ["other", "underarms"]


class TestWording:
    def test_no_reassuring_words(self) -> None:
        """No user-facing text says safe, suitable, no side effects, guarantee or cure."""
        found = [(where, reassuring_words(text)) for where, text in user_facing_texts() if reassuring_words(text)]
        assert found == []

    def test_plain_style(self) -> None:
        """No contractions like "don't", no "please", no "should", no "your GP"."""
        pattern = re.compile(r"\b(?:don't|can't|won't|isn't|doesn't|please|should|your gp)\b", re.IGNORECASE)
        found = [(where, text) for where, text in user_facing_texts() if pattern.search(text)]
        assert found == []

    def test_sentences_have_at_most_20_words(self) -> None:
        """Every sentence has 20 words or fewer."""
        long = [
            (where, sentence)
            for where, text in user_facing_texts()
            for sentence in sentences(text)
            if len(sentence.split()) > 20
        ]
        assert long == []

    def test_the_word_checks_catch_what_they_look_for(self) -> None:
        """The reassuring-word check finds banned words but allows "safety"."""
        assert reassuring_words("It is safe. Safely. Suitable. No side effects. Guaranteed. A cure.") == [
            "safe", "Safely", "Suitable", "No side effects", "Guaranteed", "cure",
        ]
        assert reassuring_words("Safety questions. Secure. Curtain.") == []

    def test_every_question_has_a_hint_label_and_error(self) -> None:
        """Every question has a label, a question ending in "?", a hint and an error message."""
        for q in QUESTIONS:
            assert q.label and q.hint and q.error
            assert q.text.endswith("?"), q.id
            assert not q.error.endswith("."), q.id

    def test_error_messages_follow_gov_uk_style(self) -> None:
        """Yes/no errors start "Select yes if" and offer "I'm not sure"; others say what to do."""
        for q in QUESTIONS:
            if q.kind is Kind.YES_NO:
                assert q.error.startswith("Select yes if "), q.id
                assert q.error.endswith("or select I'm not sure"), q.id
        assert question("age").error.startswith("Enter ")
        assert question("areas").error.startswith("Select the areas")
        assert question("hdss").error.startswith("Select ")

    def test_every_rule_has_a_reason_and_a_question_to_ask(self) -> None:
        """Every rule explains itself and offers a question for the doctor."""
        for q in QUESTIONS:
            for rule in q.rules:
                assert rule.reason.endswith("."), q.id
                assert rule.ask.endswith("?"), q.id
                assert rule.when, q.id

    def test_hints_give_exceptions_where_they_help(self) -> None:
        """Hints name dental implants as metal (no unsourced exception, m17), and any coil counts."""
        assert "dental implant" in question("metal_implant").hint
        assert "fillings" not in question("metal_implant").hint
        assert "Answer for any coil, copper or hormonal" in question("coil").hint

    def test_antiperspirant_hint_says_which_product_counts_and_how_to_tell(self) -> None:
        """20% aluminium chloride hexahydrate, named examples, how to tell, other salts do not count (M18)."""
        q = question("tried_antiperspirant")
        assert "20% aluminium chloride" in q.text
        assert "20% aluminium chloride hexahydrate" in q.hint and "pack or leaflet" in q.hint
        assert "Driclor" in q.hint and "Anhydrol Forte" in q.hint
        assert "do not count" in q.hint and "supermarket" not in q.hint
        assert {"NI-form", "Driclor-PIL"} <= set(q.sources)

    def test_racing_heart_says_chest_pain_means_999(self) -> None:
        """The hint and the reason of the palpitations red flag both give 999 for chest pain (C2)."""
        q = question("racing_heart")
        for text in (q.hint, q.rules[0].reason):
            sentence = next(s for s in sentences(text) if "chest pain" in s)
            assert "999" in sentence

    def test_red_flags_the_check_does_not_ask_are_hinted(self) -> None:
        """Swollen glands, travel and diabetes are named in hints (m16)."""
        assert "swollen glands" in question("night_sweats").hint
        assert "diabetes" in question("racing_heart").hint

    def test_broken_skin_asks_one_thing_and_defines_broken(self) -> None:
        """One question about the skin to treat; the hint says "broken" means a large area (m21, m6)."""
        q = question("broken_skin")
        assert q.text == "Is the skin you want to treat broken, infected or inflamed?"
        assert "large wound" in q.hint and "eczema flare" in q.hint

    def test_braces_reason_allows_for_face_treatment(self) -> None:
        """The braces reason no longer says the current never reaches the head (m25)."""
        assert "face is treated" in question("braces").rules[0].reason

    def test_skin_wording_does_not_rely_on_colour(self) -> None:
        """The broken-skin hint says how inflamed skin feels and how it looks on brown or black skin."""
        hint = question("broken_skin").hint
        assert "feel" in hint and "brown or black skin" in hint

    def test_medical_terms_come_after_plain_terms(self) -> None:
        """Plain words first, the medical term in brackets."""
        assert "blood clot (thrombosis)" in question("blood_clot").text
        assert "seizures (fits)" in question("epilepsy").text
        assert "excessive sweating (hyperhidrosis)" in question("duration_6_months").hint

    def test_hdss_is_paraphrased_and_attributed(self) -> None:
        """HDSS options do not copy the scale's own statements; the hint names the scale, and
        its authors are credited where it is shown (not in the hint, which a screen reader
        reads with the question)."""
        verbatim = (
            "never noticeable and never interferes", "tolerable but sometimes interferes",
            "barely tolerable and frequently interferes", "intolerable and always interferes",
        )
        for option in question("hdss").options:
            assert not any(phrase in option.label.lower() for phrase in verbatim)
        hint = question("hdss").hint
        assert "HDSS" in hint and "Strutton" not in hint
        assert "Strutton" in wording.HDSS_SCALE_CREDIT and "Solish" in wording.HDSS_SCALE_CREDIT
        assert {"Strutton", "Solish"} <= set(question("hdss").sources)


class TestDisputedItems:
    """Disputed or maker-only stop items stay stop, and their reason says why."""

    @pytest.mark.parametrize(
        ("qid", "phrase"),
        [
            ("breastfeeding", "One machine maker"),
            ("heart_condition", "The NHS leaflets we checked do not list it"),
            ("epilepsy", "The NHS leaflets we checked do not list it"),
            ("circulation", "The NHS leaflets we checked do not list it"),
            ("metal_implant", "Sources disagree"),
            ("coil", "Sources disagree"),
            ("braces", "NHS leaflets disagree"),
        ],
    )
    def test_reason_explains_the_status(self, qid: str, phrase: str) -> None:
        """The reason text names the disagreement or the single source."""
        (rule,) = question(qid).rules
        assert phrase in rule.reason

    def test_breastfeeding_rests_on_saalio_only(self) -> None:
        """Breastfeeding is cited to Saalio alone, as in the evidence base."""
        assert question("breastfeeding").sources == ("Saalio",)

    def test_maker_only_items_cite_no_nhs_trust(self) -> None:
        """Heart, epilepsy and circulation cite only manufacturers."""
        nhs = {"NUTH", "StHees", "DBTH", "TRFT", "NLAG"}
        for qid in ("heart_condition", "epilepsy", "circulation"):
            assert not nhs & set(question(qid).sources), qid

    def test_metal_implant_reason_attributes_each_view(self) -> None:
        """Every NHS leaflet says any metal implant; only makers and German doctors narrow it (M4)."""
        reason = question("metal_implant").rules[0].reason
        assert "The NHS leaflets we read say not to use iontophoresis with any metal implant" in reason
        assert "Others" not in reason and "machine makers and German doctors" in reason

    def test_pacemaker_reason_attributes_the_no_reports_note(self) -> None:
        """"No reports" is one heart device maker's note, and other implants are our own caution (M5)."""
        reason = question("pacemaker").rules[0].reason
        assert "A heart device maker has had no reports" in reason
        assert "No problems have been reported" not in reason
        assert "only name heart devices" in reason and "other implanted device" not in reason

    def test_age_reasons_do_not_generalise_one_hospital(self) -> None:
        """"One NHS hospital" uses a lower current; no "treat from age 5" inference (m2)."""
        reasons = " ".join(rule.reason for rule in question("age").rules)
        assert "One NHS hospital uses a lower current" in reasons
        assert "treat children from age 5" not in reasons and "Hospitals use" not in reasons


class TestSources:
    def test_every_source_key_exists_in_the_evidence_base(self) -> None:
        """Every key cited by a question or rule is a key of section 9 of the evidence base."""
        known = evidence_keys()
        used = {key for q in QUESTIONS for key in q.sources}
        used |= {key for q in QUESTIONS for r in q.rules for key in r.sources}
        assert used - known == set()

    def test_every_question_and_rule_cites_sources(self) -> None:
        """No rule without evidence, and a question's sources include its rules' sources."""
        for q in QUESTIONS:
            assert q.sources, q.id
            for rule in q.rules:
                assert rule.sources and set(rule.sources) <= set(q.sources), q.id
                assert len(set(rule.sources)) == len(rule.sources), q.id
