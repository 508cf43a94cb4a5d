"""Debian's chromium for the browser tests: where it is, how it is started, and what happens when it is missing.

Every browser test starts chromium through `launch_chromium()`, with the flags this machine needs (never a downloaded
browser). Without /usr/bin/chromium a test is skipped with one line saying so, unless REQUIRE_BROWSER=1 (CI), when it
fails.
"""

import os
from contextlib import contextmanager

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = f"{CHROMIUM} is not installed (set REQUIRE_BROWSER=1 to make this an error)"


def chromium_installed():
    return os.access(CHROMIUM, os.X_OK)


def skip_without_chromium():
    """For collection-time marks: skip when chromium is missing and CI does not require it."""
    return not chromium_installed() and os.environ.get("REQUIRE_BROWSER") != "1"


def require_chromium():
    """In a fixture: skip without chromium, or fail when REQUIRE_BROWSER=1."""
    if chromium_installed():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is not installed and REQUIRE_BROWSER=1")
    pytest.skip(MISSING)


@contextmanager
def launch_chromium():
    """A Playwright Browser on Debian's chromium, closed with its Playwright afterwards."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
