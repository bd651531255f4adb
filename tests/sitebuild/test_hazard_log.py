"""The clinical hazard log names real tests for every control, and the site shows it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from selfcheck import wording
from sitebuild import catalogue, hazards
from sitebuild.paths import ROOT



def defined_test_ids(file: str) -> set[str]:
    """The tests ``file`` defines, as ``file::test`` and ``file::Class::test`` (what a
    parametrised id reduces to). Read from the source, not collected: collecting would
    import every browser driver. A file that does not exist defines none."""
    path = ROOT / file
    if not path.is_file():
        return set()
    ids = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            ids.add(f"{file}::{node.name}")
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            ids |= {f"{file}::{node.name}::{item.name}" for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name.startswith("test")}
    return ids


def test_the_log_is_consistent() -> None:
    """Unique ids, ratings that follow the matrix, and a test for every control."""
    assert hazards.problems(hazards.load()) == []


def test_the_log_covers_the_required_hazards() -> None:
    titles = " | ".join(hazard.title.lower() for hazard in hazards.load().hazards)
    for words in ("wrong rule", '"no" given by mistake', "misunderstood", "fails without saying",
                  "out of date", "leak", "printed summary", "outdated copy", "no javascript",
                  "urgent symptoms", "printing loses meaning"):
        assert words in titles


def test_every_listed_test_exists() -> None:
    listed = {test for hazard in hazards.load().hazards for test in hazard.tests}
    files = {test.split("::", 1)[0] for test in listed}
    defined = set().union(*(defined_test_ids(file) for file in files))
    assert sorted(listed - defined) == []


def test_a_missing_test_or_control_is_caught(tmp_path: Path) -> None:
    """The checks above do fail on a broken log."""
    broken = hazards.LOG_PATH.read_text(encoding="utf-8").replace(
        "          - tests/browser/test_offline.py::test_pages_open_from_disk\n", "", 1
    ).replace("after: {severity: 4, likelihood: 1, risk: 2}", "after: {severity: 4, likelihood: 1, risk: 1}", 1)
    (tmp_path / "log.yml").write_text(broken, encoding="utf-8")
    found = hazards.problems(hazards.load(tmp_path / "log.yml"))
    assert any("control without a test" in problem for problem in found)
    assert any("does not follow the matrix" in problem for problem in found)
    assert defined_test_ids("tests/nowhere.py") == set()
    here = defined_test_ids("tests/sitebuild/test_hazard_log.py")
    assert "tests/sitebuild/test_hazard_log.py::test_every_listed_test_exists" in here
    assert "tests/sitebuild/test_hazard_log.py::defined_test_ids" not in here
    assert "tests/selfcheck/test_bank.py::TestWording::test_no_reassuring_words" in defined_test_ids("tests/selfcheck/test_bank.py")


def test_about_page_summarises_the_log(built_site: Path) -> None:
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="clinical-safety"'):]
    for hazard in hazards.load().hazards:
        assert hazard.title.replace('"', "&quot;") in section or hazard.title in section


def test_gp_page_links_to_the_clinical_safety_summary(built_site: Path) -> None:
    html = (built_site / "for-gps" / "index.html").read_text(encoding="utf-8")
    assert 'href="../about/#clinical-safety"' in html


def test_self_check_shows_the_urgent_care_safety_net(built_site: Path) -> None:
    """H10, H19: 999 for chest pain and every nation's route come before the first question."""
    html = (built_site / "self-check" / "index.html").read_text(encoding="utf-8")
    # Up to the first question, as text: the web addresses in the routes are links.
    before_questions = re.sub(r"<[^>]+>", "", html[: html.index("data-sc-question=")])
    assert wording.URGENT_999 in before_questions
    for route in wording.URGENT_ROUTES:
        assert f"{route.nation}: {route.route}" in before_questions


def test_the_log_covers_the_clinical_review_hazards() -> None:
    """M17: red flags under reassurance, a leaflet alone, page errors, a child at home, urgent cardiac symptoms."""
    titles = " | ".join(hazard.title.lower() for hazard in hazards.load().hazards)
    for words in ("red flags are shown under reassuring words", "leaflet is read on its own",
                  "pages themselves contain an error", "home machine is used on a child",
                  "urgent heart symptoms"):
        assert words in titles


def test_about_page_says_which_measures_are_tested_and_which_are_process() -> None:
    """m8: no claim that every measure is tested; the process measures are listed, the risks are proposals."""
    log = hazards.load()
    text = hazards.summary_markdown(log, catalogue.load("en"))
    assert "Each safety measure in it is checked" not in text
    process = [c for h in log.hazards for c in h.controls if c.process]
    tested = sum(1 for h in log.hazards for c in h.controls if not c.process)
    assert process and f"{tested} of them are checked by an automatic test" in text
    assert f"The other {len(process)} are done by people" in text
    assert all(f"- {c.text}" in text for c in process)
    assert "(proposed)" in text and "proposal until a Clinical Safety Officer signs them off" in text


def test_about_page_without_the_section_stops_the_build() -> None:
    with pytest.raises(Exception, match="clinical-safety"):
        hazards.add_to_about("# About\n\n## Privacy {#privacy}\n\nText.\n", catalogue.load("en"))
