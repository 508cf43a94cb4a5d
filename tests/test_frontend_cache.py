"""Purging a CDN or reverse proxy in front (wagtail.contrib.frontend_cache), and the production settings for it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from home.models import HomePage
from tests.test_foundation import PRODUCTION_ENV, run_python
from tests.testapp import frontend_cache
from tests.testapp.models import CachedTestPage

RECORDING = {"default": {"BACKEND": "tests.testapp.frontend_cache.RecordingBackend"}}


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = RECORDING
    frontend_cache.PURGED.clear()
    return frontend_cache.PURGED


@pytest.fixture
def pages(db):
    call_command("load_demo_content", stdout=StringIO())
    home = HomePage.objects.get()
    section = home.add_child(instance=CachedTestPage(title="Afval"))
    other = home.add_child(instance=CachedTestPage(title="Wonen"))
    child = section.add_child(instance=CachedTestPage(title="Containerpark"))
    return section, other, child


def test_publish_purges_the_page(pages, purged, django_capture_on_commit_callbacks):
    section, _, _ = pages
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
    assert "http://localhost/afval/" in purged


def test_move_purges_the_old_and_the_new_url(pages, purged, django_capture_on_commit_callbacks):
    _, other, child = pages
    with django_capture_on_commit_callbacks(execute=True):
        child.move(other, pos="last-child")
    assert {"http://localhost/afval/containerpark/", "http://localhost/wonen/containerpark/"} <= set(purged)


def test_delete_purges_the_page(pages, purged, django_capture_on_commit_callbacks):
    _, _, child = pages
    with django_capture_on_commit_callbacks(execute=True):
        child.delete()
    assert "http://localhost/afval/containerpark/" in purged


def test_nothing_is_purged_without_a_configured_frontend_cache(pages, settings, django_capture_on_commit_callbacks):
    frontend_cache.PURGED.clear()
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    _, _, child = pages
    with django_capture_on_commit_callbacks(execute=True):
        child.delete()
    assert frontend_cache.PURGED == []


def test_production_settings_for_purge_and_object_storage_come_from_the_environment():
    result = run_python(
        "import django, json; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "print(json.dumps({'purge': settings.WAGTAILFRONTENDCACHE['default'],\n"
        "  'storage': type(storages['default']).__module__ + '.' + type(storages['default']).__name__,\n"
        "  'bucket': storages['default'].bucket_name, 'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))",
        **PRODUCTION_ENV,
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        AWS_STORAGE_BUCKET_NAME="hvdm-media",
        AWS_S3_CUSTOM_DOMAIN="media.mechelen.example",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["purge"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish.internal:6081",
    }
    assert outcome["storage"] == "storages.backends.s3.S3Storage"
    assert outcome["bucket"] == "hvdm-media"
    assert outcome["img"] == ["'self'", "data:", "https://media.mechelen.example"]


def test_production_without_those_variables_purges_nothing_and_stores_uploads_on_disk():
    result = run_python(
        "import django, json; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "print(json.dumps([getattr(settings, 'WAGTAILFRONTENDCACHE', None), type(storages['default']).__name__]))",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [None, "FileSystemStorage"]
