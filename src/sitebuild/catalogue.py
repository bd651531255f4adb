"""The catalogue of user-facing words: one file per language, reached by key.

Every sentence, label, button text and heading a patient reads on the site, in its
PDFs or from its page scripts comes either from an engine package's wording module
(``selfcheck.bank``, ``selfcheck.wording``, ``diary.wording``: stdlib-only, because they
run in the browser) or from ``catalogue/<language>.toml``, where the rest lives. The
language is ``theme.language`` in ``mkdocs.yml``; a second language or an Easy Read
version is a new TOML file (and new engine wording modules), not edits all over the
templates.

Templates read a text with ``t("section.key", name=value)`` (Material's ``lang.t``
habit), its ``{placeholders}`` filled by keyword. A page's scripts get theirs from one
JSON data block, ``page_words("section.group", ...)``, which the page renders and the
scripts parse (a ``<script type="application/json">`` is data, never run, so the
Content-Security-Policy is untouched). The engine's own script texts (``diary.wording
.PAGE``) are reached the same way, under ``diary.page``, so there is one mechanism and
no copy.

Strict on purpose: an unknown key, a missing or extra placeholder, or a value that is
not text stops the build with a message naming the key and the template.
"""

from __future__ import annotations

import functools
import json
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context
from markupsafe import Markup, escape

from diary import wording as diary_wording
from selfcheck import wording as selfcheck_wording
from sitebuild.paths import ROOT

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.runtime import Context
    from mkdocs.config.defaults import MkDocsConfig

CATALOGUE_DIR = ROOT / "catalogue"

#: Texts the engine packages already hold and the page scripts show, under the key prefix
#: that reaches them. They stay in the engine (it runs in the browser without this
#: catalogue): the diary's messages, and the self-check's progress lines and the line
#: the engine bridge shows when the engine cannot start (its fallback card, in one line).
ENGINE_WORDS: Mapping[str, Mapping[str, str]] = {
    "diary.page": diary_wording.PAGE,
    "selfcheck.engine": {
        "downloading": selfcheck_wording.ENGINE_PROGRESS_DOWNLOADING,
        "starting": selfcheck_wording.ENGINE_PROGRESS_STARTING,
        "failed": f"{selfcheck_wording.FALLBACK_HEADING}. {' '.join(selfcheck_wording.FALLBACK_TEXT)}",
    },
    # For templates: the version line takes placeholders, which t() fills strictly.
    "selfcheck.wording": {"question_set_line": selfcheck_wording.QUESTION_SET_LINE},
}


#: Where a text was asked for, when not from a template: a build module (the traceback says which).
BUILD_CODE = "the build code"


class CatalogueError(Exception):
    """A catalogue file, key or placeholder is wrong: the build stops with this message."""


@dataclass(frozen=True, eq=False)
class Catalogue:
    """One language's words, by dotted key ("selfcheck.start.button")."""

    language: str
    source: Path
    entries: Mapping[str, str]
    """The TOML file's texts, by key; :data:`ENGINE_WORDS` are not among them."""
    words: Mapping[str, str]
    """``entries`` and :data:`ENGINE_WORDS`: every key a template or script may ask for."""

    def text(self, key: str, where: str = BUILD_CODE, /, **values: object) -> str:
        """The text for ``key`` with its placeholders filled; strict about both."""
        return _fill(self._lookup(key, where), key, where, values, str)

    def markup(self, key: str, where: str = BUILD_CODE, /, **values: object) -> Markup:
        """As :meth:`text`, escaped for HTML; values that are ``Markup`` stay markup."""
        template = Markup(escape(self._lookup(key, where)))
        return _fill(template, key, where, values, Markup)

    def group(self, prefix: str, where: str = BUILD_CODE) -> dict[str, str]:
        """Every text directly under ``prefix``, by its last key part, for a page script."""
        found = {
            key[len(prefix) + 1 :]: text
            for key, text in self.words.items()
            if key.startswith(prefix + ".") and "." not in key[len(prefix) + 1 :]
        }
        if not found:
            raise CatalogueError(f"{self.source.name} has no texts under {prefix!r} (asked for in {where})")
        return found

    def _lookup(self, key: str, where: str) -> str:
        text = self.words.get(key)
        if text is None:
            raise CatalogueError(f"{self.source.name} has no key {key!r} (used in {where})")
        return text


def _with_engine(entries: Mapping[str, str], source: Path) -> dict[str, str]:
    merged = dict(entries)
    for prefix, texts in ENGINE_WORDS.items():
        for name, text in texts.items():
            key = f"{prefix}.{name}"
            if key in merged:
                raise CatalogueError(f"{source.name}: {key!r} belongs to the engine's wording; remove it")
            merged[key] = text
    return merged


def _fill[S: str](template: S, key: str, where: str, values: Mapping[str, object], kind: type[S]) -> S:
    wanted = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if wanted != set(values):
        raise CatalogueError(
            f"{key!r} (used in {where}) takes placeholders {sorted(wanted)}, was given {sorted(values)}"
        )
    return kind(template.format(**values)) if values else template


def _flatten(table: Mapping[str, Any], source: Path, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            out.update(_flatten(value, source, key + "."))
        elif isinstance(value, str):
            out[key] = value
        else:
            raise CatalogueError(f"{source.name}: {key!r} must be text, not {type(value).__name__}")
    return out


@functools.cache
def load(language: str) -> Catalogue:
    """The catalogue of ``language`` (``catalogue/<language>.toml``), read once per process."""
    source = CATALOGUE_DIR / f"{language}.toml"
    if not source.is_file():
        raise CatalogueError(f"No catalogue for theme.language {language!r}: add {source.relative_to(ROOT)}")
    with source.open("rb") as file:
        entries = _flatten(tomllib.load(file), source)
    return Catalogue(language=language, source=source, entries=entries, words=_with_engine(entries, source))


def for_config(config: MkDocsConfig) -> Catalogue:
    """The catalogue of the site's language (``theme.language``)."""
    return load(str(config.theme.get("language") or "en"))


def install(env: Environment, catalogue: Catalogue) -> None:
    """Give templates ``t(key, **values)``, ``page_words(*prefixes)`` and :func:`tag`."""

    @pass_context
    def t(context: Context, key: str, /, **values: object) -> str:
        where = context.name or "a template"
        if context.eval_ctx.autoescape:
            return catalogue.markup(key, where, **values)
        return catalogue.text(key, where, **values)

    @pass_context
    def page_words(context: Context, *prefixes: str) -> Markup:
        where = context.name or "a template"
        words = {prefix: catalogue.group(prefix, where) for prefix in prefixes}
        # "</" cannot end the data block early: json escapes nothing here, so guard it.
        return Markup(json.dumps(words, ensure_ascii=False).replace("</", "<\\/"))

    env.globals["t"] = t
    env.globals["page_words"] = page_words
    env.globals["tag"] = tag


def tag(name: str, text: object, /, **attributes: object) -> Markup:
    """One element around escaped text, to fill a placeholder: ``tag("strong", address)``.

    The markup stays in the template and the words in the catalogue, so a translator
    moves a placeholder, never a tag.
    """
    attrs = "".join(Markup(' {}="{}"').format(key, value) for key, value in attributes.items())
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(name), Markup(attrs), text)
