"""Fixtures for every test: an empty cache per test, and the demo site loaded once into the test database."""

from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once per test run; each test then runs inside a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def demo_site(db):
    """The demo site's home page. Reloads the demo content when a transactional test emptied the database."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo_content", stdout=StringIO())
    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with empty caches (Redis on the PostgreSQL pass is shared between tests)."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
