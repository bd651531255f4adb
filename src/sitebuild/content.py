"""Page metadata for the information pages: review status, dates and sources.

Every content page carries front matter like::

    ---
    title: Side effects of iontophoresis
    description: One sentence for search and the GP link list.
    reviewed: 2026-11-24
    next_review: 2027-11-24
    sources: [Dagash, HEY, DBTH, Hidrex]
    ---

This module loads the bibliography (``data/bibliography.yml``, keyed like
section 9 of the evidence base), checks each page's front matter against it
and builds the small object the ``partials/page-meta.html`` template renders.
Anything wrong stops the build with a :class:`mkdocs.exceptions.PluginError`
that names the page and the problem.

Two dates, two meanings. ``reviewed`` in the front matter is the editorial date
the page was last checked against the evidence base; it is shown as that and never
as a clinical review. A page shows "Page last reviewed" only when
``data/signoff.yml`` records a clinician's sign-off of it, dated on or after that
check (a later check means the page may have changed since it was signed).
Otherwise the page says plainly that clinical review is pending.

Freshness: a page whose ``next_review`` date has passed stops the build, naming
the page. For an emergency rebuild, set the environment variable
``ALLOW_OVERDUE_REVIEW=1``: the build then goes on and logs each overdue page.

Urgent help: a line ``<!-- urgent-help -->`` in a page's Markdown is replaced by
``partials/urgent-help.html``, rendered from the package's wording
(``selfcheck.wording``), so the 999 and 111 routes are never retyped in a page.
The page's sources then include the sources of that wording.

Pages whose front matter sets ``hide_review: true`` (the self-check, which
shows its question-set version instead) skip the date checks, but any
sources they list are still checked.

The hook module only calls :func:`add_page_context`; everything else here is
plain Python so the tests can use it without MkDocs running.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

# format_date: one date style everywhere ("24 November 2026"), whatever the build machine's locale.
from selfcheck import format_date, wording

if TYPE_CHECKING:  # pragma: no cover - typing only
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

__all__ = [
    "BIBLIOGRAPHY_PATH",
    "OVERDUE_OVERRIDE",
    "SIGNOFF_PATH",
    "SOURCE_TYPES",
    "URGENT_MARKER",
    "PageReview",
    "SignOff",
    "Source",
    "add_page_context",
    "check_next_review",
    "format_date",
    "load_bibliography",
    "load_signoffs",
    "page_review",
    "render_urgent_help",
    "signoff_for",
]

#: Location of the bibliography, relative to the directory of mkdocs.yml.
BIBLIOGRAPHY_PATH = Path("data") / "bibliography.yml"
#: Location of the clinical sign-offs, relative to the directory of mkdocs.yml.
SIGNOFF_PATH = Path("data") / "signoff.yml"
#: Environment variable that lets an emergency rebuild go on with overdue reviews.
OVERDUE_OVERRIDE = "ALLOW_OVERDUE_REVIEW"
#: The Markdown line replaced by the urgent-help box.
URGENT_MARKER = "<!-- urgent-help -->"
URGENT_TEMPLATE = "partials/urgent-help.html"
#: What a sign-off can be of.
SIGNOFF_KINDS = ("page", "leaflet", "question_set")

#: The kinds of source the bibliography may hold.
SOURCE_TYPES = frozenset(
    {
        "nhs",
        "nice",
        "charity",
        "professional",
        "study",
        "regulator",
        "manufacturer",
        "low-authority",
    }
)

_REQUIRED_FIELDS = ("title", "publisher", "url", "date", "type")

#: Name of the template context variable the partial reads.
CONTEXT_KEY = "page_review"


@dataclass(frozen=True)
class Source:
    """One bibliography entry, as the template shows it."""

    key: str
    title: str
    publisher: str
    url: str | None
    date: str
    type: str
    note: str | None = None


@dataclass(frozen=True)
class SignOff:
    """One recorded clinical sign-off: who signed what, in what role, on which date."""

    who: str
    role: str
    date: _dt.date
    kind: str
    """One of :data:`SIGNOFF_KINDS`."""
    name: str
    """The page's file (``side-effects.md``), the leaflet's slug or the question-set version."""

    @property
    def date_text(self) -> str:
        return format_date(self.date)

    @property
    def date_iso(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True)
class PageReview:
    """What the page-meta partial renders under a page.

    ``reviewed`` is the editorial "last checked against the evidence" date;
    ``signoff`` is the clinical sign-off that covers the page as it is, if any.
    """

    show_dates: bool
    reviewed: _dt.date | None
    next_review: _dt.date | None
    sources: tuple[Source, ...]
    signoff: SignOff | None = None

    @property
    def clinically_reviewed(self) -> bool:
        return self.signoff is not None

    @property
    def reviewed_text(self) -> str:
        return format_date(self.reviewed) if self.reviewed else ""

    @property
    def next_review_text(self) -> str:
        return format_date(self.next_review) if self.next_review else ""

    @property
    def reviewed_iso(self) -> str:
        return self.reviewed.isoformat() if self.reviewed else ""

    @property
    def next_review_iso(self) -> str:
        return self.next_review.isoformat() if self.next_review else ""


# --------------------------------------------------------------------------
# Bibliography
# --------------------------------------------------------------------------


def load_bibliography(path: str | os.PathLike[str]) -> dict[str, Source]:
    """Load and check the bibliography file; return entries by key."""
    path = Path(path)
    stamp = path.stat().st_mtime_ns if path.exists() else None
    return dict(_load_bibliography_cached(str(path), stamp))


@functools.lru_cache(maxsize=4)
def _load_bibliography_cached(path: str, _stamp: int | None) -> tuple[tuple[str, Source], ...]:
    if _stamp is None:
        raise PluginError(f"Bibliography not found: {path}")
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise PluginError(f"Bibliography {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not raw:
        raise PluginError(f"Bibliography {path} must be a non-empty mapping of key to entry")

    entries: list[tuple[str, Source]] = []
    for key, entry in raw.items():
        entries.append((str(key), _parse_entry(path, str(key), entry)))
    return tuple(entries)


def _parse_entry(path: str, key: str, entry: Any) -> Source:
    where = f"Bibliography {path}, entry {key!r}"
    if not isinstance(entry, dict):
        raise PluginError(f"{where} must be a mapping")
    missing = [field for field in _REQUIRED_FIELDS if field not in entry]
    if missing:
        raise PluginError(f"{where} is missing {', '.join(missing)}")
    unknown = sorted(set(entry) - set(_REQUIRED_FIELDS) - {"note"})
    if unknown:
        raise PluginError(f"{where} has unknown fields: {', '.join(unknown)}")
    for field in ("title", "publisher", "date", "type"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise PluginError(f"{where}: {field} must be non-empty text")
    if entry["type"] not in SOURCE_TYPES:
        raise PluginError(
            f"{where}: type {entry['type']!r} is not one of {', '.join(sorted(SOURCE_TYPES))}"
        )
    url = entry["url"]
    if url is not None and (not isinstance(url, str) or not url.startswith(("http://", "https://"))):
        raise PluginError(f"{where}: url must be an http(s) address or null")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise PluginError(f"{where}: note must be text")
    return Source(
        key=key,
        title=entry["title"].strip(),
        publisher=entry["publisher"].strip(),
        url=url,
        date=entry["date"].strip(),
        type=entry["type"],
        note=note.strip() if note else None,
    )


# --------------------------------------------------------------------------
# Clinical sign-off
# --------------------------------------------------------------------------


def load_signoffs(path: str | os.PathLike[str]) -> tuple[SignOff, ...]:
    """Load and check ``data/signoff.yml`` (a list, empty until a clinician signs)."""
    path = Path(path)
    if not path.exists():
        raise PluginError(f"Sign-off file not found: {path} (an empty list `[]` means nothing is signed)")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PluginError(f"Sign-off file {path} is not valid YAML: {exc}") from exc
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise PluginError(f"Sign-off file {path} must be a list of sign-offs")
    return tuple(_parse_signoff(path, index, entry) for index, entry in enumerate(raw))


def _parse_signoff(path: Path, index: int, entry: Any) -> SignOff:
    where = f"Sign-off file {path}, entry {index + 1}"
    if not isinstance(entry, dict):
        raise PluginError(f"{where} must be a mapping")
    fields = {"who", "role", "date", "what"}
    if set(entry) != fields:
        raise PluginError(f"{where} must have exactly: {', '.join(sorted(fields))}")
    for field in ("who", "role"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise PluginError(f"{where}: {field} must be non-empty text")
    what = entry["what"]
    if not (isinstance(what, dict) and len(what) == 1 and next(iter(what)) in SIGNOFF_KINDS):
        raise PluginError(
            f"{where}: what must be one of {', '.join(SIGNOFF_KINDS)}, for example `page: side-effects.md`"
        )
    kind, name = next(iter(what.items()))
    if not isinstance(name, str) or not name.strip():
        raise PluginError(f"{where}: what {kind} was signed must be named")
    return SignOff(
        who=entry["who"].strip(),
        role=entry["role"].strip(),
        date=_parse_date(where, "date", entry["date"]),
        kind=kind,
        name=name.strip(),
    )


def signoff_for(
    signoffs: tuple[SignOff, ...], kind: str, name: str, checked: _dt.date | None = None
) -> SignOff | None:
    """The newest sign-off of this page, leaflet or question set, or None.

    A sign-off dated before ``checked`` (the last editorial check) does not count:
    the text may have changed since the clinician read it.
    """
    found = [
        s for s in signoffs if s.kind == kind and s.name == name and (checked is None or s.date >= checked)
    ]
    return max(found, key=lambda s: s.date, default=None)


def signoffs_for(config: MkDocsConfig) -> tuple[SignOff, ...]:
    """The sign-offs that belong to this MkDocs project."""
    return load_signoffs(Path(config.config_file_path).parent / SIGNOFF_PATH)


# --------------------------------------------------------------------------
# Freshness
# --------------------------------------------------------------------------


def check_next_review(what: str, next_review: _dt.date, today: _dt.date | None = None) -> None:
    """Stop the build if ``what`` (a page, leaflet or question set) is past its next review.

    With ``ALLOW_OVERDUE_REVIEW=1`` the build goes on and logs the overdue item
    (at info level: a warning would abort a ``--strict`` build, which the override is for).
    """
    today = today or _dt.date.today()
    if next_review >= today:
        return
    message = (
        f"{what}: next review was due on {next_review.isoformat()} and has passed. "
        "Review it against the evidence and set a new next_review date"
    )
    if os.environ.get(OVERDUE_OVERRIDE) == "1":
        log.info(f"OVERDUE (allowed by {OVERDUE_OVERRIDE}=1): {message}")
        return
    raise PluginError(f"{message}, or rebuild in an emergency with {OVERDUE_OVERRIDE}=1.")


# --------------------------------------------------------------------------
# Urgent help
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def _partials(theme_dir: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


#: Class of the element that holds the box on a page: leaflets leave it out of the page
#: text they print (they give urgent help once, themselves) and tests find it by it.
URGENT_CLASS = "site-urgent-help"


def render_urgent_help(theme_dir: str | os.PathLike[str]) -> str:
    """The urgent-help box, from the package's wording, as one block of HTML.

    Inside a page the box sits under a section heading, so its own heading is a level 3.
    """
    html = _partials(str(theme_dir)).get_template(URGENT_TEMPLATE).render(urgent=wording, urgent_level=3)
    lines = [line for line in html.splitlines() if line.strip()]
    return "\n".join([f'<div class="{URGENT_CLASS}">', *lines, "</div>"])


def add_urgent_help(html: str, page: Page, config: MkDocsConfig) -> str:
    """Replace the page's urgent-help marker with the box (the hook's entry point)."""
    if URGENT_MARKER not in html:
        return html
    if config.theme.custom_dir is None:
        raise PluginError(f"{page.file.src_uri}: urgent help needs the theme's custom_dir (overrides/)")
    page.meta["urgent_help"] = True
    return html.replace(URGENT_MARKER, render_urgent_help(config.theme.custom_dir))


# --------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------


def _parse_date(page: str, field: str, value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise PluginError(f"{page}: '{field}' must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PluginError(f"{page}: '{field}' must be a date written YYYY-MM-DD, got {value!r}")


def page_review(
    meta: Mapping[str, Any],
    bibliography: Mapping[str, Source],
    page: str,
    signoffs: tuple[SignOff, ...] = (),
    today: _dt.date | None = None,
) -> PageReview:
    """Check one page's front matter, resolve its sources and its sign-off.

    ``page`` is the page's file (``side-effects.md``): it names the page in error
    messages and in ``data/signoff.yml``. ``today`` is for tests (default: the build date).
    """
    show_dates = not bool(meta.get("hide_review", False))

    raw_sources = meta.get("sources", [])
    if raw_sources is None:
        raw_sources = []
    if not isinstance(raw_sources, list) or not all(isinstance(k, str) for k in raw_sources):
        raise PluginError(f"{page}: 'sources' must be a list of bibliography keys")
    duplicates = sorted({k for k in raw_sources if raw_sources.count(k) > 1})
    if duplicates:
        raise PluginError(f"{page}: sources listed twice: {', '.join(duplicates)}")
    unknown = [k for k in raw_sources if k not in bibliography]
    if unknown:
        raise PluginError(
            f"{page}: unknown source key(s) {', '.join(unknown)}; "
            f"add them to {BIBLIOGRAPHY_PATH} or fix the spelling"
        )
    if meta.get("urgent_help"):
        missing = [k for k in wording.URGENT_SOURCES if k not in bibliography]
        if missing:
            raise PluginError(f"{page}: the urgent-help wording cites unknown source key(s) {', '.join(missing)}")
        raw_sources = raw_sources + [k for k in wording.URGENT_SOURCES if k not in raw_sources]
    sources = tuple(bibliography[k] for k in raw_sources)

    if not show_dates:
        return PageReview(False, None, None, sources)

    if not raw_sources:
        raise PluginError(f"{page}: 'sources' is missing or empty")
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        raise PluginError(f"{page}: 'description' is missing")
    for field in ("reviewed", "next_review"):
        if field not in meta:
            raise PluginError(f"{page}: '{field}' date is missing from the front matter")
    reviewed = _parse_date(page, "reviewed", meta["reviewed"])
    next_review = _parse_date(page, "next_review", meta["next_review"])
    if next_review <= reviewed:
        raise PluginError(
            f"{page}: next_review ({next_review.isoformat()}) must be after "
            f"reviewed ({reviewed.isoformat()})"
        )
    check_next_review(page, next_review, today)
    return PageReview(True, reviewed, next_review, sources, signoff_for(signoffs, "page", page, reviewed))


# --------------------------------------------------------------------------
# MkDocs glue (called from hooks.py)
# --------------------------------------------------------------------------


def bibliography_for(config: MkDocsConfig) -> dict[str, Source]:
    """The bibliography that belongs to this MkDocs project."""
    root = Path(config.config_file_path).parent
    return load_bibliography(root / BIBLIOGRAPHY_PATH)


def add_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Put the page's :class:`PageReview` into the template context.

    The partial reads ``page_review``; it is also stored on ``page.meta`` so
    other templates can reach it through ``page``.
    """
    review = page_review(page.meta, bibliography_for(config), page.file.src_uri, signoffs_for(config))
    context[CONTEXT_KEY] = review
    page.meta[CONTEXT_KEY] = review
    return context
