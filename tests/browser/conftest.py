"""Playwright fixtures driving Debian's Chromium (Playwright's own download cannot work here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM_ARGS, HEADLESS_SHELL
from page_audit import audit
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from support.once import once_per_run
from support.traffic import Traffic


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def page_facts(browser: Browser, built_site: Path, site_url: str, tmp_path_factory: pytest.TempPathFactory,
               worker_id: str) -> dict[str, dict]:
    """What one visit to each built page found (page_audit.py), gathered once per run."""

    def gather(path: Path) -> None:
        path.write_text(json.dumps(audit(browser, built_site, site_url)), encoding="utf-8")

    return json.loads(once_per_run(tmp_path_factory, worker_id, "page-facts.json", gather).read_text(encoding="utf-8"))


@pytest.fixture
def traffic(site_url: str) -> Traffic:
    return Traffic(origin=site_url)


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A fresh context and page that record every request, console error and page error."""
    context = browser.new_context()
    page = context.new_page()
    traffic.attach(context, page)
    yield page
    context.close()
