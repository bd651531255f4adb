"""Debian's Chromium, as every browser test and the benchmark launch it.

Playwright's own browser download cannot work here. The flags keep Chromium from
calling home (background networking, component updates, sync), which would fail on a
closed network and add noise to what the tests record.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
