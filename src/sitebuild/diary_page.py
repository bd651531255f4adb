"""The template context for the treatment diary page, built from the ``diary`` package.

Like :mod:`sitebuild.selfcheck_page`: the page's forms, labels, hints and messages are
rendered at build time from :mod:`diary.wording` (the HDSS statements from the
self-check's bank) and the site's catalogue (:mod:`sitebuild.catalogue`), so no template
or script types a sentence of its own: the page's scripts read ``wording.PAGE`` from the
page's words block (``diary.page``). The printed summary's QR code points at the site,
never at the diary.

The hook puts :func:`context` into ``env.globals["diary"]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from diary import plans, wording
from diary.model import AREAS, NOTE_MAX, SideEffect
from sitebuild import catalogue, qr
from sitebuild.catalogue import Catalogue

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
    short_address: str
    qr_svg: str


def build(site_url: str, words: Catalogue) -> DiaryPage:
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
        short_address=qr.short_address(site_url, SUMMARY_LINK_PATH),
        qr_svg=qr.qr_svg(link, label=words.text("site.qr.home")),
    )


def context(config: MkDocsConfig) -> DiaryPage:
    return build(qr.public_site_url(config), catalogue.for_config(config))


# --- the paper treatment record (docs/treatment-record.md) ---------------------------

PAPER_PAGE = "treatment-record.md"
SESSION_ROWS, SCORE_ROWS = 8, 6


def _paper_parts(words: Catalogue) -> dict[str, str]:
    headings = [h for h in wording.CSV_HEADINGS if h not in ("Entry", "HDSS score")]
    blank = ["&nbsp;"] + ["" for _ in headings[1:]]
    blank[headings.index("Direction changed")] = f"{wording.YES_WORD} / {wording.NO_WORD}"
    sessions = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    sessions += ["| " + " | ".join(blank) + " |"] * SESSION_ROWS
    pair = f"{words.text('diary.page.col_date')} | {words.text('diary.paper.score')}"
    scores = [f"| {pair} | {pair} |", "|---|---|---|---|"]
    scores += ["| &nbsp; | | | |"] * SCORE_ROWS
    effects = ", ".join(wording.SIDE_EFFECT_LABELS[e].lower() for e in SideEffect)
    prompt = wording.PROMPTS["no_change_after_a_month"]
    return {
        "side-effects": words.text("diary.paper.side_effects", effects=effects),
        "sessions": "\n".join(sessions),
        "hdss": wording.HDSS_TEXT + "\n\n" + "\n".join(f"{o.value}. {o.label}" for o in wording.HDSS_OPTIONS),
        "scores": "\n".join(scores),
        "no-change": f"{words.text('diary.paper.no_change')} {prompt.heading}. "
        f"{prompt.lines[1].rstrip('.')} {words.text('diary.paper.no_change_source')}.",
    }


def add_to_paper_record(markdown: str, words: Catalogue) -> str:
    """Fill the paper record's placeholders from the diary's wording (one source)."""
    for name, text in _paper_parts(words).items():
        placeholder = f"<!-- diary:{name} -->"
        if placeholder not in markdown:
            raise ValueError(f"{PAPER_PAGE} lacks {placeholder}")
        markdown = markdown.replace(placeholder, text)
    return markdown
