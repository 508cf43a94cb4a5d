"""The page cache with the real catalogue: a change to what a page shows from elsewhere reaches the next visitor."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Site

from catalog.models import ContactPoint, Organisation, ServicePage
from core.page_cache import STATUS_HEADER
from home.models import SiteAlert
from locations.models import Closure, LocationPage

SERVICE = "/producten-en-diensten/identiteitskaart/"


@pytest.fixture(autouse=True)
def page_cache_on(settings, demo_site):
    """The page cache is off in the test settings; these tests are about it."""
    settings.PAGE_CACHE_SECONDS = 600
    SiteAlert.for_site(Site.objects.get(is_default_site=True))  # created on first use, which invalidates once


def cached_html(client, url):
    """Request a page until it comes from the cache; return its HTML."""
    client.get(url)
    response = client.get(url)
    assert response[STATUS_HEADER] == "hit"
    return response.content.decode()


def fresh_html(client, url):
    response = client.get(url)
    assert response[STATUS_HEADER] == "miss"
    return response.content.decode()


def test_published_contact_point_change_shows_on_the_service_page(client):
    assert "015 11 22 33" not in cached_html(client, SERVICE)
    contact_point = ServicePage.objects.get(slug="identiteitskaart").contact_points.first().contact_point
    contact_point.phone = "015 11 22 33"
    contact_point.save_revision().publish()
    assert "015 11 22 33" in fresh_html(client, SERVICE)


def test_draft_contact_point_change_keeps_the_cached_page(client):
    cached_html(client, SERVICE)
    contact_point = ContactPoint.objects.get(name="Burgerzaken")
    contact_point.phone = "015 11 22 33"
    contact_point.save_revision()
    response = client.get(SERVICE)
    assert response[STATUS_HEADER] == "hit"
    assert "015 11 22 33" not in response.content.decode()


def test_organisation_rename_shows_in_the_service_json_ld(client):
    assert "Stad Mechelen (test)" not in cached_html(client, "/producten-en-diensten/afvalophaling/")
    organisation = Organisation.objects.get(ovo_id="OVO003125")
    organisation.name = "Stad Mechelen (test)"
    organisation.save()
    assert "Stad Mechelen (test)" in fresh_html(client, "/producten-en-diensten/afvalophaling/")


def test_new_closure_shows_on_the_location_page(client):
    location = LocationPage.objects.get(slug="huis-van-de-mechelaar")
    url = location.url
    assert "Stormschade" not in cached_html(client, url)
    Closure.objects.create(
        opening_hours=location.opening_hours, date=timezone.localdate() + dt.timedelta(days=3), reason="Stormschade"
    )
    assert "Stormschade" in fresh_html(client, url)


def test_related_service_title_change_shows_on_the_other_service(client):
    assert "Kids-ID voor kinderen" not in cached_html(client, SERVICE)
    kids_id = ServicePage.objects.get(slug="kids-id")
    kids_id.title = "Kids-ID voor kinderen"
    kids_id.save_revision().publish()
    assert "Kids-ID voor kinderen" in fresh_html(client, SERVICE)


def test_alert_banner_shows_on_the_next_request(client):
    assert "Het stadhuis is gesloten op 11 november" not in cached_html(client, SERVICE)
    alert = SiteAlert.for_site(Site.objects.get(is_default_site=True))
    alert.text = "Het stadhuis is gesloten op 11 november"
    alert.save()
    assert "Het stadhuis is gesloten op 11 november" in fresh_html(client, SERVICE)


def test_service_page_is_cached_for_browsers_but_never_served_as_json_ld(client):
    html = cached_html(client, SERVICE)
    assert "<html" in html
    response = client.get(SERVICE, HTTP_ACCEPT="application/ld+json")
    assert response[STATUS_HEADER] == "skip"
    assert response["Content-Type"].startswith("application/ld+json")
    assert client.get(SERVICE, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")[STATUS_HEADER] == "hit"
