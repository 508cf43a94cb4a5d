"""In a real browser, the Content-Security-Policy blocks nothing the site itself needs: public pages (anonymous and with
the editor's user bar) and the admin log no CSP violation.

Debian's chromium driven by Playwright, against `runserver` in a subprocess on its own SQLite database. Skipped with a
reason without /usr/bin/chromium, unless REQUIRE_BROWSER=1.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.chromium import MISSING, launch_chromium, skip_without_chromium

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "browser-test-wachtwoord-1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(skip_without_chromium(), reason=MISSING),
]

# Records violations in the page itself, in addition to the console messages Chromium logs for them.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csp-site")
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        LOG_LEVEL="WARNING",
        ADMIN_USERNAME="redacteur",
        ADMIN_PASSWORD=PASSWORD,
    )
    for command in (["migrate", "--noinput", "-v0"], ["load_demo_content"], ["ensure_admin"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def browser_page():
    with launch_chromium() as browser:
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        page.csp_messages = messages
        yield page


def violations(page):
    recorded = page.evaluate("window.__cspViolations")
    logged = [text for text in page.csp_messages if "Content Security Policy" in text]
    return recorded + logged


def test_public_page_has_no_csp_violations(site, browser_page):
    response = browser_page.goto(site + "/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    browser_page.wait_for_load_state("networkidle")
    assert violations(browser_page) == []
    # The stylesheet was allowed to load and applies.
    assert browser_page.evaluate("document.styleSheets.length") >= 1


def test_admin_and_the_editors_user_bar_have_no_csp_violations(site, browser_page):
    browser_page.goto(site + "/admin/login/")
    browser_page.fill("input[name=username]", "redacteur")
    browser_page.fill("input[name=password]", PASSWORD)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_url(site + "/admin/")
    browser_page.wait_for_load_state("networkidle")
    assert violations(browser_page) == []
    browser_page.goto(site + "/admin/pages/")
    browser_page.wait_for_load_state("networkidle")
    assert violations(browser_page) == []
    # The public home page of a logged-in editor shows Wagtail's user bar under the strict public policy.
    browser_page.goto(site + "/")
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("wagtail-userbar, [data-wagtail-userbar]").count() >= 1
    assert violations(browser_page) == []
