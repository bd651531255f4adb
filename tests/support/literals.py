"""Finds words typed into templates and scripts, which belong in the catalogue.

A template may hold markup, Jinja and punctuation, but no text of its own: every word a
patient reads comes through ``t("key")`` (catalogue/<language>.toml) or an engine's
wording. A script's string literal "reads as words" when it has two plain words side
by side, or one word and a space ("Not answered", "Error: "); class lists, selectors,
ids and dates do not. A lone word with no space ("Continue") is not caught in Jinja or
script literals, where most lone words are names; in template text any letter is. Literals that only ever reach a developer are left alone: an
``Error``'s message, a ``console`` line, the Python code a worker runs, and the text of
the two helpers that turn into an ``Error`` (``fail`` and ``withTimeout``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: A plain word (letters only, maybe ending in punctuation) and a space, before another
#: plain word or at the end: "Start now", "Feedback: ". Not a part of a name or path.
_WORDS = re.compile(r"(?<![\w\-./#\[=:$])[A-Za-z]+[.,:;!?]? +(?:[A-Za-z]+\b(?![\-_/(.=\[\]]\w)|$)")
#: A CSS selector list such as "input, textarea": names, not words.
_SELECTOR_LIST = re.compile(r"[a-z][\w\-]*(?:\[[^\]]*\])?(?:, ?[a-z][\w\-]*(?:\[[^\]]*\])?)+")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_JINJA_STRING = re.compile(r"\"([^\"\\]*)\"|'([^'\\]*)'")
_TAG = re.compile(r"<[^>]*>?")
_LETTER = re.compile(r"[A-Za-z]")
#: Attributes whose values are names or lists of names, never read by a person.
_NAME_ATTRIBUTES = frozenset({"class", "aria-describedby", "aria-labelledby", "accept"})
#: Calls whose text reaches only a developer (see the module docstring).
_TECHNICAL_CALLS = re.compile(r"(?:\w*Error|console\.\w+|runPython|fail|withTimeout)$")


def reads_as_words(text: str) -> bool:
    """True for "Start now" or "Error: ", false for "sc-button sc-button--start" or "#sc-name"."""
    return not _SELECTOR_LIST.fullmatch(text) and bool(_WORDS.search(text))


@dataclass(frozen=True)
class Found:
    where: str
    text: str


class _TemplateText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []

    def handle_data(self, data: str) -> None:
        if _LETTER.search(data):
            self.found.append(data.strip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name not in _NAME_ATTRIBUTES and reads_as_words(value):
                self.found.append(f"{name}={value}")


def template_literals(source: str) -> list[str]:
    """Words typed in a template: text or attribute values outside Jinja, and string
    literals inside ``{{ … }}`` / ``{% … %}`` that read as words once markup is removed."""
    source = _JINJA_COMMENT.sub(" ", source)
    found = [
        literal
        for block in _JINJA.findall(source)
        for match in _JINJA_STRING.finditer(block)
        if reads_as_words(_TAG.sub("", literal := match.group(1) or match.group(2) or ""))
    ]
    parser = _TemplateText()
    # Each Jinja expression becomes one neutral character: markup around it stays valid.
    parser.feed(_JINJA.sub("0", source))
    parser.close()
    return found + parser.found


def script_literals(source: str) -> list[str]:
    """String literals of a script that read as words, outside technical calls."""
    return [text for text, callee in _strings(source) if reads_as_words(text) and not _TECHNICAL_CALLS.search(callee)]


def _strings(source: str) -> list[tuple[str, str]]:
    """Every string literal (template literals without their ``${…}``) with the name of
    the innermost call it is an argument of ("" outside any call)."""
    out: list[tuple[str, str]] = []
    _scan(source, 0, out, [], in_expression=False)
    return out


def _scan(source: str, i: int, out: list[tuple[str, str]], calls: list[str], *, in_expression: bool) -> int:
    """Scan code from ``i``; inside a template literal's ``${…}``, stop after its ``}``."""
    depth, n = 0, len(source)
    while i < n:
        skipped = _skip_literal(source, i, out, calls)
        if skipped is not None:
            i = skipped
            continue
        c = source[i]
        i += 1
        if c == "(":
            callee = re.search(r"([\w.$]*)\s*$", source[: i - 1])
            calls.append(callee.group(1) if callee else "")
        elif c == ")" and calls:
            calls.pop()
        elif c == "{":
            depth += 1
        elif c == "}":
            if in_expression and depth == 0:
                return i
            depth -= 1
    return i


def _skip_literal(source: str, i: int, out: list[tuple[str, str]], calls: list[str]) -> int | None:
    """Past the comment, string, template literal or regex at ``i`` (strings go to ``out``),
    or None when ``i`` starts none of them."""
    c = source[i]
    if source.startswith("//", i):
        newline = source.find("\n", i)
        return len(source) if newline < 0 else newline
    if source.startswith("/*", i):
        return source.index("*/", i) + 2
    if c in "\"'":
        end = i + 1
        while source[end] != c:
            end += 2 if source[end] == "\\" else 1
        out.append((source[i + 1 : end], _innermost(calls)))
        return end + 1
    if c == "`":
        return _template_literal(source, i + 1, out, calls)
    if c == "/" and _starts_regex(source, i):
        return _skip_regex(source, i)
    return None


def _innermost(calls: list[str]) -> str:
    """The nearest named call around a literal: ``new Error(`…${x}…`)`` counts as Error."""
    return next((name for name in reversed(calls) if name), "")


def _template_literal(source: str, i: int, out: list[tuple[str, str]], calls: list[str]) -> int:
    """Record a template literal's text (each ``${…}`` as a space); its expressions are code."""
    text = []
    while source[i] != "`":
        if source[i] == "\\":
            text.append(source[i : i + 2])
            i += 2
        elif source.startswith("${", i):
            i = _scan(source, i + 2, out, list(calls), in_expression=True)
            text.append(" ")
        else:
            text.append(source[i])
            i += 1
    out.append(("".join(text), _innermost(calls)))
    return i + 1


def _starts_regex(source: str, i: int) -> bool:
    before = source[:i].rstrip()
    return not before or before[-1] in "(,=:[!&|?{};" or before.endswith("return")


def _skip_regex(source: str, i: int) -> int:
    j, in_class = i + 1, False
    while source[j] != "/" or in_class:
        if source[j] == "\\":
            j += 1
        elif source[j] == "[":
            in_class = True
        elif source[j] == "]":
            in_class = False
        j += 1
    return j + 1
