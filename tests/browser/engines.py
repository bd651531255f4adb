"""The three browser engines a patient may use, behind one small driver interface.

* Chromium: Debian's ``/usr/bin/chromium``, the full browser (not the headless shell the
  other browser tests use), through Playwright.
* Firefox ESR: Debian's ``/usr/bin/firefox-esr`` through puppeteer-core over WebDriver
  BiDi (``firefox_bridge.mjs``): Playwright's Firefox needs its own patched build.
* WebKitGTK, Safari's engine: its MiniBrowser through ``WebKitWebDriver`` and Selenium,
  on an Xvfb display (MiniBrowser has no headless mode).

Every driver offers the same few operations, so a test is written once for all three:
``goto``, ``call`` (run a JavaScript function in the page, awaited, JSON in and out),
``click`` and ``type`` (real input events from the browser's automation), and
``problems`` (errors the driver saw: console, page errors, failed requests). A browser
that cannot start raises :class:`EngineUnavailable`; the tests turn that into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol
from collections.abc import Iterator

from chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("chromium", "firefox", "webkit")
BINARIES = {"chromium": [CHROMIUM], "firefox": [FIREFOX], "webkit": [WEBKIT_DRIVER, MINIBROWSER, XVFB]}
CALL_LIMIT_S = 120

# Installed in the page after it loads (classic WebDriver cannot inject earlier), in
# every engine alike; WebKit's driver has no console endpoint, so for WebKit this is the
# only record of errors after the load.
ERROR_RECORDER = """() => {
  if (window.__problems) return;
  window.__problems = [];
  const note = (text) => window.__problems.push(String(text));
  addEventListener("error", (e) => note(`error: ${e.message || e.target?.src || e.target?.href || e.type}`), true);
  addEventListener("unhandledrejection", (e) => note(`unhandled rejection: ${e.reason}`));
  addEventListener("securitypolicyviolation", (e) => note(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  const error = console.error.bind(console);
  console.error = (...args) => { note(`console: ${args.join(" ")}`); error(...args); };
}"""


class EngineUnavailable(RuntimeError):
    """The browser is not installed or did not start."""


class Driver(Protocol):
    name: str
    version: str

    def goto(self, url: str) -> None: ...
    def call(self, function: str, arg: Any = None) -> Any: ...
    def click(self, selector: str) -> None: ...
    def type(self, selector: str, text: str) -> None: ...
    def problems(self) -> list[str]: ...


def missing_binaries(name: str) -> list[str]:
    return [path for path in BINARIES[name] if not os.access(path, os.X_OK)]


class ChromiumDriver:
    name = "chromium"

    def __init__(self, playwright: Playwright) -> None:
        try:
            self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            raise EngineUnavailable(f"chromium did not start: {error}") from error
        self.context = self.browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        self.version = self.browser.version
        self._problems: list[str] = []
        self.page.on("pageerror", lambda error: self._problems.append(f"page error: {error}"))
        self.page.on("console", lambda m: self._problems.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("requestfailed", lambda request: self._problems.append(f"request failed: {request.url}"))

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def call(self, function: str, arg: Any = None) -> Any:
        return self.page.evaluate(function, arg)

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def type(self, selector: str, text: str) -> None:
        self.page.type(selector, text)

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        self.browser.close()


class FirefoxDriver:
    name = "firefox"

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise EngineUnavailable("Node.js is needed to drive Firefox (puppeteer-core)")
        # A file, not a pipe, for stderr: nobody reads it until something fails, and a
        # full pipe would stall the bridge.
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in close())
        self.process = subprocess.Popen(
            [node, str(BRIDGE)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.log, text=True, env={**os.environ, "FIREFOX": FIREFOX},
        )
        first = self.process.stdout.readline()
        if not first:
            raise EngineUnavailable(f"The Firefox bridge exited: {self._log_tail()}")
        reply = json.loads(first)
        if "error" in reply:
            raise EngineUnavailable(reply["error"])
        self.version = reply["ok"]

    def _send(self, **command: Any) -> Any:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"Firefox bridge died during {command['op']}: {self._log_tail()}")
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"Firefox: {command['op']} failed: {reply['error']}")
        return reply["ok"]

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read()[-2000:]

    def goto(self, url: str) -> None:
        self._send(op="goto", url=url)

    def call(self, function: str, arg: Any = None) -> Any:
        return self._send(op="call", fn=function, arg=arg)

    def click(self, selector: str) -> None:
        self._send(op="click", selector=selector)

    def type(self, selector: str, text: str) -> None:
        self._send(op="type", selector=selector, text=text)

    def problems(self) -> list[str]:
        return self._send(op="problems")

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class WebKitDriver:
    name = "webkit"

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.xvfb, display = _start_xvfb()
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display})
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except WebDriverException as error:
            self.xvfb.kill()
            self.xvfb.wait()
            raise EngineUnavailable(f"WebKitGTK did not start: {error}") from error
        self.driver.set_script_timeout(CALL_LIMIT_S)
        self.version = self.driver.capabilities.get("browserVersion", "?")

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def call(self, function: str, arg: Any = None) -> Any:
        # JSON text across the wire, so every driver returns the same Python values.
        reply = self.driver.execute_async_script(
            f"""const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => ({function})(arguments[0])).then(
              (value) => done(JSON.stringify({{ok: value === undefined ? null : value}})),
              (error) => done(JSON.stringify({{error: String(error)}})));""",
            arg,
        )
        reply = json.loads(reply)
        if "error" in reply:
            raise RuntimeError(f"WebKit: call failed: {reply['error']}")
        return reply["ok"]

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def type(self, selector: str, text: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(text)

    def problems(self) -> list[str]:
        return []  # WebKitWebDriver has no console endpoint: ERROR_RECORDER covers it

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait()


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """An Xvfb server on a free display (it picks the number and tells us on a pipe)."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        process.kill()
        process.wait()
        raise EngineUnavailable("Xvfb did not start (MiniBrowser needs a display)")
    return process, f":{number}"


@contextmanager
def open_engine(name: str, playwright: Playwright | None = None) -> Iterator[Driver]:
    """A driver for one engine, closed afterwards. Raises EngineUnavailable."""
    missing = missing_binaries(name)
    if missing:
        raise EngineUnavailable(f"{name}: not installed ({', '.join(missing)}); `make test` installs it")
    if name == "chromium":
        if playwright is None:
            raise EngineUnavailable("chromium: no Playwright given")
        driver: Any = ChromiumDriver(playwright)
    elif name == "firefox":
        driver = FirefoxDriver()
    else:
        driver = WebKitDriver()
    try:
        yield driver
    finally:
        driver.close()
