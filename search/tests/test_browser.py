"""The autocomplete combobox in a real browser (Debian's chromium through Playwright), and the form without JavaScript.

The site is served from a thread over the test database the demo site was loaded into; these tests only read.
"""

import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from tests.chromium import launch_chromium, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadedServer(WSGIServer):
    daemon_threads = True


@pytest.fixture
def site_url(demo_site, django_db_blocker):
    require_chromium()
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), server_class=ThreadedServer, handler_class=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    with django_db_blocker.unblock():
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}"
        server.shutdown()
        # The server thread commits its writes (the search log) outside this test's transaction, so a rollback does
        # not remove them: delete them from another thread, with a connection of its own.
        cleaner = threading.Thread(target=_delete_search_log)
        cleaner.start()
        cleaner.join()


def _delete_search_log():
    from django.db import connection

    from search.models import SearchQueryLog

    SearchQueryLog.objects.all().delete()
    connection.close()


@pytest.fixture
def browser():
    with launch_chromium() as browser:
        yield browser


def test_combobox_is_keyboard_operable(site_url, browser):
    page = browser.new_page()
    page.goto(site_url + "/")
    box = page.locator("#zoekterm")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("identi")
    listbox = page.locator("[role=listbox]")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert "Identiteitskaart (eID)" in listbox.inner_text()

    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "identi"

    box.press("ArrowDown")
    target = page.locator(f"#{box.get_attribute('aria-activedescendant')}").inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() in target


def test_search_works_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/zoeken/")
    page.fill("#zoekterm-pagina", "containerpark")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state()
    assert "q=containerpark" in page.url
    first = page.locator(".search-results li").first
    assert "Recyclagepark" in first.inner_text()
    context.close()
