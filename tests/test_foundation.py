"""The foundation: the site serves, production settings are strict, and /healthz tells the truth."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage

ROOT = Path(__file__).resolve().parent.parent


def run_python(code, **env):
    """Run Python code in a fresh interpreter with the project on the path, as manage.py would."""
    environment = {**os.environ, **env}
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = ['site', '.']\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def home_page(demo_site):
    return demo_site


def test_home_page_renders_in_dutch_with_landmarks(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html
    assert '<main id="inhoud"' in html
    assert "<header" in html and "<footer" in html


def test_load_demo_content_is_idempotent(db):
    call_command("load_demo_content", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    pages_before = list(site.root_page.get_descendants(inclusive=True).values_list("pk", "latest_revision_id"))
    call_command("load_demo_content", stdout=StringIO())
    pages_after = list(site.root_page.get_descendants(inclusive=True).values_list("pk", "latest_revision_id"))
    assert pages_before == pages_after
    assert HomePage.objects.count() == 1


def test_unknown_page_gives_dutch_404(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_admin_login_page_is_in_dutch(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()


def test_healthz_reports_database_and_cache_up(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "cache": "up"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not_answer():
    result = run_python(
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz')\n"
        "print(response.status_code, response.content.decode())",
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nergens",
        REDIS_URL=None,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "down"


def test_healthz_reports_cache_down_when_redis_does_not_answer():
    result = run_python(
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz')\n"
        "print(response.content.decode())",
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL="sqlite:///:memory:",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip()) == {"status": "ok", "database": "up", "cache": "down"}


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "www.mechelen.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": None,
}


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_python("import django; django.setup()", **{**PRODUCTION_ENV, "SECRET_KEY": None})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_check_deploy_is_clean():
    environment = {**os.environ, **{k: v for k, v in PRODUCTION_ENV.items() if v is not None}}
    environment.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
