"""When a part fails: Redis down means pages are served uncached; the database down means a static Dutch 503 page."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from home.models import HomePage
from tests.test_foundation import run_python


def test_redis_down_serves_every_page_uncached_and_healthz_reports_it():
    result = run_python(
        "import django, json; django.setup()\n"
        "from io import StringIO\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "call_command('load_demo_content', stdout=StringIO())\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "pages = [client.get('/') for _ in range(3)]\n"
        "health = client.get('/healthz')\n"
        "print(json.dumps({'pages': [[r.status_code, r.get('X-Page-Cache'), 'Huis van de Mechelaar' in r.content.decode()]"
        " for r in pages], 'health': health.json()}))",
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL="sqlite:///:memory:",
        REDIS_URL="redis://127.0.0.1:1/0",
        PAGE_CACHE_SECONDS="600",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["pages"] == [[200, "miss", True]] * 3
    assert outcome["health"] == {"status": "ok", "database": "up", "cache": "down"}


def test_database_down_gives_a_static_dutch_503_page():
    result = run_python(
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "out = {}\n"
        "for url in ('/', '/producten-en-diensten/'):\n"
        "    r = client.get(url)\n"
        "    out[url] = [r.status_code, r.content.decode(), r.get('Retry-After'), r.get('Cache-Control')]\n"
        "print(json.dumps(out))",
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nergens",
        REDIS_URL=None,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    for status, html, retry_after, cache_control in outcome.values():
        assert status == 503
        assert "Tijdelijk niet beschikbaar" in html
        assert '<html lang="nl">' in html
        assert "Traceback" not in html and "OperationalError" not in html
        assert retry_after == "60"
        assert "no-store" in cache_control


@pytest.fixture
def home_page(db):
    call_command("load_demo_content", stdout=StringIO())
    return HomePage.objects.get()


def test_database_error_while_serving_a_page_gives_503(home_page, monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(HomePage, "serve", fail)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert "Tijdelijk niet beschikbaar" in response.content.decode()


def test_other_errors_still_give_the_500_page(home_page, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "serve", fail)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
