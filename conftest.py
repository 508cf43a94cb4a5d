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
def base_data(transactional_db):
    """For transactional tests: the data the migrations create, restored when an earlier transactional test flushed it.

    pytest-django runs transactional tests after all others and empties the database after each one; Django's flush then
    recreates content types and permissions, but not the rows that data migrations made. This puts those back.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from catalog.models import Concept, Organisation
    from catalog.vocabularies import load_vocabularies

    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page), locale=locale
            )
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Concept.objects.exists():
        load_vocabularies(Concept, Organisation)


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
