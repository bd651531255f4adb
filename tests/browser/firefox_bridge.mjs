// Firefox ESR for the Python browser tests (tests/browser/engines.py).
//
// Playwright's Firefox needs its own patched build and no geckodriver is packaged, so
// puppeteer-core drives Debian's /usr/bin/firefox-esr over Firefox's built-in WebDriver
// BiDi. This bridge keeps one page open and answers one JSON command a line on stdin
// with one JSON line on stdout:
//   {"op": "goto", "url"}            -> null, once the page's load event fired
//   {"op": "call", "fn", "arg"}      -> what `(fn)(arg)` returns in the page, awaited
//   {"op": "click", "selector"}      -> null, after a real mouse click on the element
//   {"op": "type", "selector", "text"} -> null, after real key presses into it
//   {"op": "problems"}               -> console errors, page errors and failed requests
//   {"op": "requests"}               -> every URL the page and its workers asked for
// Replies are {"ok": value} or {"error": message}. The first line is {"ok": version}
// once Firefox runs, or {"error": ...} if it cannot start. Closing stdin closes Firefox.

import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const reply = (message) => process.stdout.write(JSON.stringify(message) + "\n");

let browser;
try {
  browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
} catch (error) {
  reply({ error: `Firefox did not start: ${error}` });
  process.exit(1);
}
const page = await browser.newPage();
const problems = [];
const requests = [];
page.on("console", (message) => {
  if (message.type() === "error") problems.push(`console: ${message.text()}`);
});
page.on("pageerror", (error) => problems.push(`page error: ${error}`));
page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
page.on("request", (request) => requests.push(request.url()));
reply({ ok: await browser.version() });

const operations = {
  async goto({ url }) {
    await page.goto(url, { waitUntil: "load" });
    return null;
  },
  // A string expression, not a function handed to evaluate: the page's CSP forbids eval.
  call: ({ fn, arg }) => page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`),
  async click({ selector }) {
    await page.click(selector);
    return null;
  },
  async type({ selector, text }) {
    await page.type(selector, text);
    return null;
  },
  problems: () => problems,
  requests: () => requests,
};

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  try {
    reply({ ok: (await operations[command.op](command)) ?? null });
  } catch (error) {
    reply({ error: String(error) });
  }
}
await browser.close();
