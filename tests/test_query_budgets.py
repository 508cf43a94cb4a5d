"""The number of SQL queries of each public page type is pinned, and does not grow with the number of pages.

Each page is requested once to fill the caches every request shares (site root paths), then measured. After the site gets
many more pages of every kind, the count must be the same.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from pages.models import SectionPage, StandardPage

# Pinned counts. When a change adds a query on purpose, update the number here and say why in the commit.
# Every page pays for Wagtail's serving (site, locale, route, privacy checks), the main menu, the alert banner and the
# footer links; pages below home one more for the breadcrumbs; listings a count and a page of items; the section page one
# query per page type of its children (3 here, before and after growing).
BUDGETS = {
    "/": 25,
    "/nieuws/": 14,
    "/nieuws/nieuw-digipunt-in-walem/": 13,
    "/contact/": 11,
    "/rubriek/": 17,
    "/evenementen/": 14,
    "/evenementen/kerstmarkt-grote-markt-2026/": 13,
}


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def site_with_section(db):
    call_command("load_demo_content", stdout=StringIO())
    home = HomePage.objects.get()
    section = publish(home, SectionPage(title="Rubriek", slug="rubriek", intro="Een rubriek."))
    publish(section, StandardPage(title="Eerste", slug="eerste", intro="Een pagina."))
    publish(section, NewsIndexPage(title="Persberichten", slug="persberichten"))
    publish(section, SectionPage(title="Archief", slug="archief"))
    return home, section


def grow(home, section, count=15):
    """Add `count` more pages of every kind, some shown in the menu."""
    news, events = NewsIndexPage.objects.get(slug="nieuws"), EventIndexPage.objects.get()
    start = timezone.now() + datetime.timedelta(days=1)
    for number in range(count):
        publish(home, StandardPage(title=f"Extra {number}", slug=f"extra-{number}", show_in_menus=number < 5))
        publish(section, StandardPage(title=f"Sub {number}", slug=f"sub-{number}", intro="Nog een pagina."))
        publish(section, SectionPage(title=f"Subrubriek {number}", slug=f"subrubriek-{number}"))
        publish(news, NewsPage(title=f"Bericht {number}", slug=f"bericht-{number}", intro="Kort.", date="2026-11-20"))
        end = start + datetime.timedelta(hours=2)
        publish(
            events,
            EventPage(
                title=f"Event {number}", slug=f"event-{number}", start=start, end=end, location_name="Bruul", intro="X"
            ),
        )


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm the shared caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_are_pinned_and_do_not_grow_with_the_site(client, site_with_section):
    before = {url: count_queries(client, url) for url in BUDGETS}
    grow(*site_with_section)
    after = {url: count_queries(client, url) for url in BUDGETS}
    assert after == before
    assert before == BUDGETS
