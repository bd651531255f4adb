"""The diary page and the paper treatment record as the build writes them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from diary import wording
from diary.model import SideEffect
from sitebuild import catalogue, diary_page, qr
from sitebuild.engine import DIARY_PACKAGE

SITE_URL = "https://iontophoresis.example.org/"


def _soup(built_site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_paper_record_has_the_diarys_fields(built_site: Path) -> None:
    text = _soup(built_site, "treatment-record").get_text(" ")
    text = " ".join(text.split())
    for heading in ("Date", "Areas", "Current (mA)", "Minutes", "Direction changed", "Side effects", "Note"):
        assert heading in wording.CSV_HEADINGS and heading in text
    for option in wording.HDSS_OPTIONS:
        assert option.label in text
    for effect in SideEffect:
        assert wording.SIDE_EFFECT_LABELS[effect].lower() in text
    assert wording.PROMPTS["no_change_after_a_month"].lines[1].rstrip(".") in text
    assert (built_site / "leaflets" / "treatment-record.pdf").is_file()


def test_a_missing_placeholder_stops_the_build() -> None:
    with pytest.raises(ValueError, match="diary:side-effects"):
        diary_page.add_to_paper_record("<!-- diary:sessions -->", catalogue.load("en"))


def test_forms_post_nowhere_and_stay_hidden_without_javascript(built_site: Path) -> None:
    """Without JavaScript no form shows, and none could put an entry in an address."""
    soup = _soup(built_site, "diary")
    root = soup.select_one("[data-diary]")
    assert root is not None and root.has_attr("hidden")
    forms = soup.select("form[data-diary-form]")
    assert len(forms) == 4
    for form in forms:
        assert form.find_parent(attrs={"data-diary": True}) is root
        assert form["method"] == "post" and form["action"] == "#"
    assert soup.title.get_text().startswith("Your treatment diary")


def test_print_summary_qr_points_to_the_site_not_the_data(built_site: Path) -> None:
    raw = (built_site / "diary" / "index.html").read_text(encoding="utf-8")
    printed = _soup(built_site, "diary").select_one("[data-diary-print]")
    label = catalogue.load("en").text("site.qr.home")
    assert [svg["aria-label"] for svg in printed.find_all("svg")] == [label]
    expected = qr.qr_svg(qr.page_url(SITE_URL, ""), label=label)
    path = re.search(r' d="([^"]+)"', expected).group(1)
    assert path in raw


def test_messages_for_the_scripts_come_from_the_wording(built_site: Path) -> None:
    """The page's words block carries the engine's script texts, unchanged."""
    soup = _soup(built_site, "diary")
    assert json.loads(soup.select_one("#page-words").string) == {"diary.page": wording.PAGE}


def test_the_service_worker_keeps_the_diary_for_offline_use(built_site: Path) -> None:
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(sw[sw.index("{"): sw.index(";\n")])
    precache = {path for path, _ in build["precache"]}
    engine = {path for path, _ in build["engine"]}
    assert "diary/" in precache and "treatment-record/" in precache
    for name in ("page.js", "engine.js", "worker.js", "store.js", "chart.js", "diary.css"):
        assert f"assets/diary/{name}" in precache, name
    assert any(path.endswith(".whl") and f"/{DIARY_PACKAGE}-" in path for path in engine)


def test_the_privacy_page_names_the_diarys_real_buttons(built_site: Path) -> None:
    """The privacy notice tells the patient which buttons keep and delete the diary, and
    that exports and the calendar file are made on the device: its button words must be
    the page's own."""
    diary = _soup(built_site, "diary")
    section = _soup(built_site, "privacy").find(id="treatment-diary")
    notice = ""
    for sibling in section.find_next_siblings():
        if sibling.name == "h2":
            break
        notice += " " + sibling.get_text(" ")
    notice = " ".join(notice.split())
    for action in ("keep", "delete"):
        button = " ".join(diary.select_one(f"[data-diary-action={action}]").get_text().split())
        assert f'"{button}"' in notice
    for words in ("local storage", "never sent", "web address", "page title", "cookie", "JSON", "CSV", ".ics", "made on your device"):
        assert words in notice
