"""The one recorder of what a browser page asked for and complained about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page


@dataclass
class Traffic:
    """Every request of a browser context, and the console and page errors of its page."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext, page: Page) -> None:
        """Record from now on (the context sees service-worker requests too)."""
        context.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    @property
    def errors(self) -> list[str]:
        """Console errors, then page errors."""
        return self.console_errors + self.page_errors

    def foreign(self) -> list[str]:
        """Requests that left the site's origin (``data:`` and ``blob:`` URLs stay on the page)."""
        return [url for url in self.requests if not _same_origin(url, self.origin)]


def _same_origin(url: str, origin: str) -> bool:
    parts, home = urlsplit(url), urlsplit(origin)
    if parts.scheme in ("data", "blob"):
        return True
    return (parts.scheme, parts.netloc) == (home.scheme, home.netloc)
