"""The template context for the treatment diary page, built from the ``diary`` package.

Like :mod:`sitebuild.selfcheck_page`: the page's forms, labels, hints and messages are
rendered at build time from :mod:`diary.wording` (the HDSS statements from the
self-check's bank), so no template or script types a sentence of its own. The printed
summary's QR code points at the site, never at the diary.

The hook puts :func:`context` into ``env.globals["diary"]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diary import plans, wording
from diary.model import AREAS, NOTE_MAX, SideEffect
from sitebuild import qr

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: Where the printed summary's QR code points: the site's home page, never the data.
SUMMARY_LINK_PATH = ""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class DiaryPage:
    fields: dict[str, wording.Field]
    areas: tuple[Choice, ...]
    side_effects: tuple[Choice, ...]
    hdss_options: tuple[Choice, ...]
    hdss_credit: str
    schedules: tuple[Choice, ...]
    clinic_label: str
    note_max: int
    summary_title: str
    summary_intro: str
    hdss_limit: str
    never_change: str
    error_title: str
    short_address: str
    qr_svg: str
    messages_json: str
    """``wording.PAGE`` as JSON, for the page's scripts (a data block, not a script)."""


def build(site_url: str) -> DiaryPage:
    link = qr.page_url(site_url, SUMMARY_LINK_PATH)
    return DiaryPage(
        fields=wording.FIELDS,
        areas=tuple(Choice(a, wording.AREA_LABELS[a]) for a in AREAS),
        side_effects=tuple(Choice(e.value, wording.SIDE_EFFECT_LABELS[e]) for e in SideEffect),
        hdss_options=tuple(Choice(str(o.value), o.label) for o in wording.HDSS_OPTIONS),
        hdss_credit=wording.HDSS_SOURCE,
        schedules=tuple(Choice(s.id, s.label) for s in plans.SCHEDULES),
        clinic_label=wording.PLAN_CLINIC_LABEL,
        note_max=NOTE_MAX,
        summary_title=wording.SUMMARY_TITLE,
        summary_intro=wording.SUMMARY_INTRO,
        hdss_limit=wording.HDSS_LIMIT,
        never_change=wording.NEVER_CHANGE,
        error_title=wording.PAGE["error_title"],
        short_address=qr.short_address(site_url, SUMMARY_LINK_PATH),
        qr_svg=qr.qr_svg(link, label="QR code: scan to read about iontophoresis online"),
        # "</" cannot end the data block early: json escapes nothing here, so guard it.
        messages_json=json.dumps(wording.PAGE, ensure_ascii=False).replace("</", "<\\/"),
    )


def context(config: MkDocsConfig) -> DiaryPage:
    return build(qr.public_site_url(config))


# --- the paper treatment record (docs/treatment-record.md) ---------------------------

PAPER_PAGE = "treatment-record.md"
SESSION_ROWS, SCORE_ROWS = 8, 6


def _paper_parts() -> dict[str, str]:
    headings = [h for h in wording.CSV_HEADINGS if h not in ("Entry", "HDSS score")]
    blank = ["&nbsp;"] + ["" for _ in headings[1:]]
    blank[headings.index("Direction changed")] = f"{wording.YES_WORD} / {wording.NO_WORD}"
    sessions = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    sessions += ["| " + " | ".join(blank) + " |"] * SESSION_ROWS
    scores = ["| Date | Score (1 to 4) | Date | Score (1 to 4) |", "|---|---|---|---|"]
    scores += ["| &nbsp; | | | |"] * SCORE_ROWS
    effects = ", ".join(wording.SIDE_EFFECT_LABELS[e].lower() for e in SideEffect)
    prompt = wording.PROMPTS["no_change_after_a_month"]
    return {
        "side-effects": f"Write any side effects: {effects}.",
        "sessions": "\n".join(sessions),
        "hdss": wording.HDSS_TEXT + "\n\n" + "\n".join(f"{o.value}. {o.label}" for o in wording.HDSS_OPTIONS),
        "scores": "\n".join(scores),
        "no-change": "Has your score not gone down after a month of regular sessions? "
        f"{prompt.heading}. {prompt.lines[1].rstrip('.')} (Hertfordshire and West Essex NHS).",
    }


def add_to_paper_record(markdown: str) -> str:
    """Fill the paper record's placeholders from the diary's wording (one source)."""
    for name, text in _paper_parts().items():
        placeholder = f"<!-- diary:{name} -->"
        if placeholder not in markdown:
            raise ValueError(f"{PAPER_PAGE} lacks {placeholder}")
        markdown = markdown.replace(placeholder, text)
    return markdown
