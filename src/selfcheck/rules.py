"""The rules: from validated answers to a ``Result``.

``outcome`` is ``stop`` if any stop finding, else ``discuss`` if any discuss finding,
else ``none_found``. ``see_gp_about_sweating`` is true if any red-flag finding.
Advice never changes the outcome. Findings are ordered stop, discuss, red_flag, advice,
then by question order.
"""

from __future__ import annotations

from selfcheck.bank import QUESTIONS, question
from selfcheck.model import Answer, Band, Finding, Outcome, Result, Severity, Tier
from selfcheck.validation import validate

_POSITION = {q.id: i for i, q in enumerate(QUESTIONS)}


def evaluate(answers: object) -> Result:
    """Evaluate one set of answers (question id to answer). Raises ``InvalidAnswers``."""
    return result_for(validate(answers))


def findings_for(answers: tuple[Answer, ...]) -> tuple[Finding, ...]:
    """Every finding the answers give, in the contract's order."""
    found: list[tuple[int, int, int, Finding]] = []
    for answer in answers:
        for rule_index, rule in enumerate(question(answer.question).rules):
            if rule.matches(answer.value):
                finding = Finding(
                    question=answer.question, answer=answer.value, tier=rule.tier,
                    reason=rule.reason, sources=rule.sources, ask=rule.ask,
                )
                found.append((rule.tier.rank, _POSITION[answer.question], rule_index, finding))
    found.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in found)


def result_for(answers: tuple[Answer, ...]) -> Result:
    """The result for answers that ``validate`` has already accepted."""
    findings = findings_for(answers)
    tiers = {f.tier for f in findings}
    if Tier.STOP in tiers:
        outcome = Outcome.STOP
    elif Tier.DISCUSS in tiers:
        outcome = Outcome.DISCUSS
    else:
        outcome = Outcome.NONE_FOUND
    score = next(a.value for a in answers if a.question == "hdss")
    if not isinstance(score, int):  # validate() guarantees this; fail loudly if it ever does not
        raise TypeError("the HDSS answer must be an int")
    return Result(
        outcome=outcome,
        see_gp_about_sweating=Tier.RED_FLAG in tiers,
        severity=Severity(hdss=score, band=Band.for_score(score)),
        findings=findings,
        answers=answers,
    )
