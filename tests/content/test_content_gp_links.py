"""The GP page's list of stable addresses: each one exists in the built site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from content_helpers import built_path

GP_PAGE_URL = "/for-gps/"


def _patient_links(site: Path) -> list[tuple[str, str]]:
    """(shown address, href) for every link in the 'Links to send to patients' section."""
    soup = BeautifulSoup(built_path(site, "for-gps.md").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="patient-links")
    assert heading is not None, "the GP page has no #patient-links section"
    table = heading.find_next("table")
    assert table is not None, "no table of addresses after #patient-links"
    return [(a.get_text(strip=True), a["href"]) for a in table.select("a[href]")]


def _target(site: Path, absolute: str) -> tuple[Path, str]:
    parts = urlsplit(absolute)
    path = parts.path.lstrip("/")
    file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
    return file, parts.fragment


def test_gp_page_lists_enough_addresses(built_site: Path) -> None:
    """The list covers the main topics (at least one link per information page)."""
    hrefs = {urljoin(GP_PAGE_URL, href).split("#")[0] for _, href in _patient_links(built_site)}
    for page in ("/excessive-sweating/", "/getting-treatment/", "/a-session/", "/before-a-session/",
                 "/course-and-maintenance/", "/side-effects/", "/who-should-not-use-it/",
                 "/other-treatments/", "/self-check/"):
        assert page in hrefs, f"no stable link to {page}"


def test_every_listed_address_and_anchor_exists(built_site: Path) -> None:
    """Each address resolves to a built page, and each #anchor to an element id on it."""
    problems = []
    for shown, href in _patient_links(built_site):
        absolute = urljoin(GP_PAGE_URL, href)
        if absolute.split("#")[0] + ("#" + absolute.split("#")[1] if "#" in absolute else "") != shown:
            problems.append(f"{shown!r} is shown but the link goes to {absolute!r}")
        file, fragment = _target(built_site, absolute)
        if not file.is_file():
            problems.append(f"{shown}: {file} was not built")
            continue
        if fragment:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            if soup.find(id=fragment) is None:
                problems.append(f"{shown}: no element with id {fragment!r}")
    assert problems == []


@pytest.mark.parametrize(
    "anchor",
    ["excessive-sweating.md#red-flags", "side-effects.md#when-to-get-help", "about.md#clinical-safety",
     "about.md#privacy", "who-should-not-use-it.md#stop", "getting-treatment.md#cleared-not-approved"],
)
def test_key_anchors_other_pages_rely_on(built_site: Path, anchor: str) -> None:
    """Anchors linked from the self-check, the leaflets and the GP page stay put."""
    page, fragment = anchor.split("#")
    soup = BeautifulSoup(built_path(built_site, page).read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id=fragment) is not None
