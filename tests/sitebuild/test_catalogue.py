"""The catalogue of user-facing words (sitebuild.catalogue, catalogue/en.toml).

Every word a patient reads comes from the catalogue or an engine's wording module: no
template or script types any of its own, every key used exists, every key is used,
and no text is in both the catalogue and an engine.
"""

from __future__ import annotations

import dataclasses
import re
from types import ModuleType

import jinja2
import pytest
from support.literals import script_literals, template_literals
from support.plain import reassuring_words, style_problems

from diary import wording as diary_wording
from selfcheck import bank
from selfcheck import wording as selfcheck_wording
from sitebuild import catalogue
from sitebuild.catalogue import CatalogueError
from sitebuild.paths import ROOT, SRC

WORDS = catalogue.load("en")
OVERRIDES = ROOT / "overrides"
TEMPLATES = sorted(OVERRIDES.rglob("*.html"))
SCRIPTS = sorted((OVERRIDES / "assets").rglob("*.js"))
BUILD_CODE = sorted((SRC / "sitebuild").glob("*.py"))

#: Literals that read as words but no patient reads, each with its reason.
ALLOWED = {
    # bibliography.yml's marker for a source without a date: compared, never shown.
    "partials/page-meta.html": {"not captured"},
    # Why the GP summary's markup was refused: it ends in an Error's message.
    "assets/selfcheck/summary-html.js": {"node of type  ", "attribute   on < >"},
}

_T_CALL = re.compile(r"""(?<![.\w])t\(\s*["']([\w.]+)["']""")
_TEXT_CALL = re.compile(r"""\.text\(\s*["']([\w.]+)["']""")
_GROUPS = re.compile(r"groups\s*=\s*\[([^\]]*)\]")


def _name(path) -> str:
    return path.relative_to(OVERRIDES).as_posix()


def _used_keys() -> set[str]:
    templates = "".join(p.read_text(encoding="utf-8") for p in TEMPLATES)
    code = "".join(p.read_text(encoding="utf-8") for p in BUILD_CODE)
    return set(_T_CALL.findall(templates)) | set(_TEXT_CALL.findall(code))


def _groups() -> set[str]:
    templates = "".join(p.read_text(encoding="utf-8") for p in TEMPLATES)
    return {g for found in _GROUPS.findall(templates) for g in re.findall(r"[\"']([\w.]+)[\"']", found)}


class TestNoWordsOutsideTheCatalogue:
    @pytest.mark.parametrize("path", TEMPLATES, ids=_name)
    def test_a_template_types_no_words(self, path) -> None:
        found = set(template_literals(path.read_text(encoding="utf-8"))) - ALLOWED.get(_name(path), set())
        assert found == set()

    @pytest.mark.parametrize("path", SCRIPTS, ids=_name)
    def test_a_script_types_no_words(self, path) -> None:
        found = set(script_literals(path.read_text(encoding="utf-8"))) - ALLOWED.get(_name(path), set())
        assert found == set()

    def test_the_scans_see_every_template_and_script(self) -> None:
        assert len(TEMPLATES) > 35 and len(SCRIPTS) > 15
        assert {"404.html", "partials/selfcheck/start.html", "partials/leaflet.html", "assets/site/offline.js"} <= {
            _name(p) for p in TEMPLATES + SCRIPTS
        }

    def test_the_literal_checks_catch_what_they_look_for(self) -> None:
        """Planted words are found; markup, Jinja, selectors and developer-only text are not."""
        assert template_literals("<p>Start now</p>") == ["Start now"]
        assert template_literals('<button aria-label="Close the menu"></button>') == ["aria-label=Close the menu"]
        assert template_literals("<p>{{ ('Feedback: ' ~ name) | urlencode }}</p>") == ["Feedback: "]
        assert template_literals("<p>{{ t('x', link=tag('a', 'who should not', href=u)) }}</p>") == ["who should not"]
        assert template_literals("<span>Back</span>") == ["Back"]
        assert template_literals(
            '{# A comment with words #}<p class="sc-button sc-button--start" data-sc-action="start">'
            '{{ t("selfcheck.start.button") }}: {{ n }}.</p>{% include "partials/x.html" %}&nbsp;'
        ) == []
        assert script_literals('cell.textContent = "Not answered";') == ["Not answered"]
        assert script_literals("document.title = `${error ? `Error: ` : ``}${title}`;") == ["Error: "]
        assert script_literals('const READY = "Saved on this device, so it works offline.";') != []
        assert script_literals(
            'throw new Error(`Unknown action ${name}`); console.warn("No result, paper checklist.", e);\n'
            '// A comment with words\n$("input, textarea", form); make("p", { class: "diary-note sc-hint" });\n'
            'reject(new Error(`${what} took longer than ${ms} ms`)); text.replace(/\\{(\\w+)\\}/g, "x");'
        ) == []


class TestKeys:
    def test_every_key_used_exists(self) -> None:
        used = _used_keys()
        assert len(used) > 100
        assert sorted(used - set(WORDS.words)) == []
        for group in _groups():
            assert WORDS.group(group)

    def test_every_key_is_used(self) -> None:
        """Each text is read by a template or build module, or by a script from its group."""
        scripts = "".join(p.read_text(encoding="utf-8") for p in SCRIPTS)
        by_script = {
            f"{group}.{name}" for group in _groups() for name in WORDS.group(group)
            if re.search(rf"\.{name}\b|\[\"{name}\"\]", scripts)
        }
        assert sorted(set(WORDS.entries) - _used_keys() - by_script) == []

    def test_a_missing_key_or_placeholder_stops_the_build_and_names_it(self) -> None:
        env = jinja2.Environment(loader=jinja2.DictLoader({
            "partials/missing.html": '{{ t("selfcheck.start.buton") }}',
            "partials/short.html": '{{ t("selfcheck.question.caption", number=1) }}',
        }))
        catalogue.install(env, WORDS)
        with pytest.raises(CatalogueError, match=r"'selfcheck\.start\.buton' \(used in partials/missing\.html\)"):
            env.get_template("partials/missing.html").render()
        with pytest.raises(CatalogueError, match=r"partials/short\.html.*\['number', 'total'\]"):
            env.get_template("partials/short.html").render()
        with pytest.raises(CatalogueError, match=r"no texts under 'selfcheck\.nothing'"):
            WORDS.group("selfcheck.nothing")

    def test_text_is_escaped_where_the_template_escapes_and_markup_stays(self) -> None:
        env = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader({
            "p.html": '{{ t("selfcheck.summary.link", address=tag("strong", address)) }}',
            "q.html": '{{ t("site.review.latest", address=address) }}',
        }))
        catalogue.install(env, WORDS)
        assert env.get_template("p.html").render(address="a<b") == "Scan the code or go to <strong>a&lt;b</strong>"
        assert env.get_template("q.html").render(address="<i>") == "Latest version: &lt;i&gt;"

    def test_the_language_is_the_sites(self) -> None:
        assert "language: en" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        assert WORDS.language == "en" and WORDS.source == ROOT / "catalogue" / "en.toml"


def _engine_texts(module: ModuleType) -> list[str]:
    """Every string an engine's wording module or bank holds, however deep."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))

    for name, value in vars(module).items():
        if name.isupper():
            walk(value)
    return texts


def _phrases(text: str) -> list[str]:
    """Sentences long enough to be recognised (four words; "Yes" or "Date" may repeat)."""
    pieces = re.split(r"\{\w+\}|(?<=[.?!:])\s+", text)
    return [p.strip(" ,.") for p in pieces if len(p.split()) >= 4]


class TestOneSource:
    def test_no_catalogue_sentence_is_an_engine_sentence(self) -> None:
        engine = " | ".join(t for m in (selfcheck_wording, bank, diary_wording) for t in _engine_texts(m))
        assert len(engine) > 5000
        found = [(key, phrase) for key, text in WORDS.entries.items() for phrase in _phrases(text) if phrase in engine]
        assert found == []

    def test_the_engine_words_stay_in_the_engine(self) -> None:
        """The diary's script texts are reached under diary.page, never copied into the TOML."""
        assert WORDS.group("diary.page") == diary_wording.PAGE
        assert not any(key.startswith("diary.page.") for key in WORDS.entries)


#: Keys whose text quotes a page's title, which keeps its own words.
PAGE_TITLES = {"selfcheck.result.read_link": "who-should-not-use-it.md"}


class TestPlainEnglish:
    def test_the_catalogue_follows_the_house_style(self) -> None:
        found = [
            (key, style_problems(text)) for key, text in WORDS.entries.items()
            if style_problems(text) and key not in PAGE_TITLES
        ]
        assert found == []

    @pytest.mark.parametrize(("key", "page"), PAGE_TITLES.items())
    def test_a_quoted_page_title_is_the_pages_title(self, key: str, page: str) -> None:
        title = re.search(r"^title: (.+)$", (ROOT / "docs" / page).read_text(encoding="utf-8"), re.M)
        assert title is not None and title.group(1).lower() == WORDS.text(key).lower()

    def test_the_catalogue_never_reassures(self) -> None:
        found = [(key, reassuring_words(text)) for key, text in WORDS.entries.items() if reassuring_words(text)]
        assert found == []

    def test_the_style_check_catches_what_it_looks_for(self) -> None:
        assert style_problems("You should ask. Please wait. Don't stop. Ask your GP.") == [
            "should", "Please", "Don't", "your GP",
        ]
        assert len(style_problems(" ".join(["word"] * 21) + ".")) == 1
        assert style_problems("Ask a GP. This browser's data.") == []
