from io import StringIO

import pytest
from django.core.management import call_command

from events.models import EventPage
from pages.models import StandardPage


def test_demo_events_link_their_location_page_when_it_exists(client, demo_site):
    from locations.models import LocationPage

    location = LocationPage.objects.get(slug="huis-van-de-mechelaar")
    event = EventPage.objects.get(slug="infosessie-renovatiepremie-januari")
    assert event.location_page_id == location.pk
    assert EventPage.objects.get(slug="kerstmarkt-grote-markt-2026").location_page is None
    html = client.get(event.url).content.decode()
    assert '<a href="/locaties/huis-van-de-mechelaar/">Huis van de Mechelaar, raadzaal</a>' in html


@pytest.mark.django_db
def test_demo_content_has_every_page_the_footer_and_menu_need():
    call_command("load_demo_content", stdout=StringIO())
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"toegankelijkheidsverklaring", "privacy", "cookies", "over-deze-website", "contact"} <= slugs
    assert EventPage.objects.live().count() >= 4
