"""Playwright fixtures driving Debian's Chromium (Playwright's own download cannot work here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright


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


@dataclass
class Traffic:
    """What a page asked for and complained about while a test ran."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not _same_origin(url, self.origin)]


def _same_origin(url: str, origin: str) -> bool:
    parts, home = urlsplit(url), urlsplit(origin)
    if parts.scheme in ("data", "blob"):
        return True
    return (parts.scheme, parts.netloc) == (home.scheme, home.netloc)


@pytest.fixture
def traffic(site_url: str) -> Traffic:
    return Traffic(origin=site_url)


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A fresh context and page that record every request, console error and page error."""
    context = browser.new_context()
    page = context.new_page()

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            traffic.console_errors.append(message.text)

    context.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    yield page
    context.close()
