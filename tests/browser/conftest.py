"""Playwright fixtures driving Debian's Chromium (Playwright's own download cannot work here)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
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
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


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
