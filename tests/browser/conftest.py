"""Browser tests: Debian's chromium driven by Playwright, against the demo site served by a real server process.

The server runs in a subprocess on its own SQLite database, migrated and loaded with the demo content once per test
session, so Playwright's event loop never meets Django's database code in this process. Without /usr/bin/chromium the
tests are skipped with one line saying so, unless REQUIRE_BROWSER=1 (CI), when they fail.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.chromium import MISSING, launch_chromium, require_chromium, skip_without_chromium

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and skip_without_chromium():
        skip = pytest.mark.skip(reason=MISSING)
        for item in browser_items:
            item.add_marker(skip)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of the browser tests' server: the test settings on a fresh SQLite database with the demo content.

    Tests that need more data (an admin user) run `manage.py` with it: `run_manage(site_env, "shell", "-c", ...)`.
    """
    require_chromium()
    folder = tmp_path_factory.mktemp("browser-site")
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.test", DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}", LOG_LEVEL="WARNING"
    )
    run_manage(env, "migrate", "--noinput", "-v0")
    run_manage(env, "load_demo_content")
    env["BROWSER_SITE_FOLDER"] = str(folder)
    return env


def run_manage(env, *command):
    """Run a management command against the browser tests' database; its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def site_url(site_env):
    """The URL of the demo site, served by `manage.py runserver` with the test settings on a fresh SQLite database."""
    env = site_env
    folder = Path(env["BROWSER_SITE_FOLDER"])
    manage = [sys.executable, "manage.py"]
    port = _free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the test server did not start; see {folder / 'server.log'}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module (Playwright's event loop is gone before the next module's database tests run)."""
    with launch_chromium() as browser:
        yield browser
