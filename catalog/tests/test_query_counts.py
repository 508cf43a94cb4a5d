"""The number of SQL queries of the catalogue's pages does not grow with the number of services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Concept, ServiceIndexPage, ServicePage, ThemePage

pytestmark = pytest.mark.django_db

# Pinned budgets: a change that adds queries must change these on purpose.
SERVICE_PAGE_QUERIES = 40
INDEX_PAGE_QUERIES = 18
THEME_PAGE_QUERIES = 17


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def set_live_services(count):
    """Keep exactly `count` live services: unpublish the rest, or add generated ones."""
    index = ServiceIndexPage.objects.get()
    burger = Concept.objects.get(scheme="doelgroep", code="Burger")
    theme = Concept.objects.get(scheme="thema", code="BurgerOverheid")
    ServicePage.objects.update(live=True)
    existing = ServicePage.objects.count()
    for number in range(existing, count):
        page = ServicePage(title=f"Gegenereerde dienst {number}", slug=f"gegenereerde-dienst-{number}", summary="Test.")
        index.add_child(instance=page)
        page.audiences.set([burger])
        page.themes.set([theme])
        page.save()
    keep = list(ServicePage.objects.order_by("pk").values_list("pk", flat=True)[:count])
    ServicePage.objects.exclude(pk__in=keep).update(live=False)
    assert ServicePage.objects.live().count() == count


def measure(client):
    theme = ThemePage.objects.get(slug="identiteit-en-documenten")
    client.get("/")  # warm the site-root cache that every request after the first one finds filled
    return {
        "service": queries_for(client, "/producten-en-diensten/identiteitskaart/"),
        "index": queries_for(client, "/producten-en-diensten/?doelgroep=Burger"),
        "theme": queries_for(client, theme.url),
    }


def test_query_counts_do_not_grow_with_the_catalogue(client, demo_site):
    set_live_services(10)
    with_10 = measure(client)
    set_live_services(100)
    with_100 = measure(client)
    assert with_10 == with_100
    assert with_100 == {"service": SERVICE_PAGE_QUERIES, "index": INDEX_PAGE_QUERIES, "theme": THEME_PAGE_QUERIES}
