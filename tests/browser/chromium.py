"""Debian's Chromium, as the browser tests and the benchmark launch it.

Two builds of the same Chromium (the same Blink and V8, one Debian version):
``chromium``, the browser patients have, which the benchmark measures and the
three-browser test drives; and ``chromium-headless-shell``, the engine without the
browser around it, which every other browser test drives, as Playwright itself does
by default. The shell does the same page work for about a third of the CPU of a new
page in the full browser (0.5 s against 1.5 s to open a context, a page and an
information page on two cores), and the suite opens a few hundred.

Playwright's own browser download cannot work here. The flags keep Chromium from
calling home (background networking, component updates, sync), which would fail on a
closed network and add noise to what the tests record.
"""

CHROMIUM = "/usr/bin/chromium"
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
