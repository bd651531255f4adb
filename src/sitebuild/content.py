"""Page metadata for the information pages: review dates and sources.

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import yaml
from mkdocs.exceptions import PluginError

# One date style everywhere ("24 November 2026"), independent of the build machine's locale.
from selfcheck import format_date

if TYPE_CHECKING:  # pragma: no cover - typing only
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

__all__ = [
    "BIBLIOGRAPHY_PATH",
    "SOURCE_TYPES",
    "Source",
    "PageReview",
    "load_bibliography",
    "format_date",
    "page_review",
    "add_page_context",
]

#: Location of the bibliography, relative to the directory of mkdocs.yml.
BIBLIOGRAPHY_PATH = Path("data") / "bibliography.yml"

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
class PageReview:
    """What the page-meta partial renders under a page."""

    show_dates: bool
    reviewed: _dt.date | None
    next_review: _dt.date | None
    sources: tuple[Source, ...]

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
    meta: Mapping[str, Any], bibliography: Mapping[str, Source], page: str
) -> PageReview:
    """Check one page's front matter and resolve its sources.

    ``page`` is only used in error messages (for example ``side-effects.md``).
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
    return PageReview(True, reviewed, next_review, sources)


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
    review = page_review(page.meta, bibliography_for(config), page.file.src_uri)
    context[CONTEXT_KEY] = review
    page.meta[CONTEXT_KEY] = review
    return context
