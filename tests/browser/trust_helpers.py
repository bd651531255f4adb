"""Shared by the offline, headers and engine-fault browser tests (issue 9)."""

from __future__ import annotations

from pathlib import Path

from chromium import CHROMIUM_ARGS, HEADLESS_SHELL
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Playwright
from support.answers import clear_answers

from sitebuild import headers, offline

# Collects every CSP violation the document sees, before any of its scripts run.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""

# An adult with no reason for caution: a complete, valid set of answers.
VALID_ANSWERS = clear_answers()


def page_paths(site_dir: Path) -> list[str]:
    """Every page of a built site, as the path a link uses (``about/``)."""
    paths = []
    for page in sorted(site_dir.rglob("index.html")):
        relative = page.parent.relative_to(site_dir).as_posix()
        paths.append("" if relative == "." else relative + "/")
    return paths


def rederive(site_dir: Path) -> None:
    """After a test changed files of a built site: rerun the build's last two steps,
    which derive the CSP and the service worker's list and version from the files (as
    `mkdocs build` does after writing the pages)."""
    headers.write(site_dir)
    offline.write(site_dir)


def launch_persistent(playwright: Playwright, user_data_dir: Path) -> BrowserContext:
    """Chromium with an on-disk profile: service worker, Cache Storage and HTTP cache
    as a real visitor has them."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir), executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS
    )


def watch_csp_console(page: Page) -> list[str]:
    """Console reports of CSP violations (workers report only there)."""
    reports: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            reports.append(message.text)

    page.on("console", on_console)
    return reports


def wait_until_offline_ready(page: Page) -> None:
    """The self-check page's quiet line says the check is saved on this device.

    A function, not an expression: Playwright evaluates expression strings with `eval`,
    which the pages' CSP rightly refuses."""
    page.wait_for_function(
        "() => document.querySelector('[data-offline-status]')?.textContent.includes('without an internet connection')",
        timeout=60_000,
    )
