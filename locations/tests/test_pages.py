"""Location pages, the index and the closures feed, through HTTP with a frozen clock."""

import json
import re

import pytest
from django.template import Context, Template
from icalendar import Calendar
from wagtail.models import Page

from locations.tests.conftest import at, make_hours, make_location

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_location_page_shows_address_hours_state_and_accessibility(client, location):
    with at("2026-11-24 10:00"):
        html = get(client, "/locaties/huis-van-de-mechelaar/")
    assert "<h1>Huis van de Mechelaar</h1>" in html
    assert "Grote Markt 21<br>" in html and "2800 Mechelen" in html
    assert "Nu open tot 12:30" in html
    assert "Stand op dinsdag 24 november om 10:00" in html
    assert "<caption>Openingsuren van dinsdag 24 november tot en met maandag 30 november</caption>" in html
    assert '<tr data-date="2026-11-24" class="is-today">' in html
    assert '13:30\u201316:00 <span class="hours-table__access">alleen op afspraak</span>' in html
    assert "vrijdag 4 december 2026: Personeelsdag" in html
    assert "vrijdag 25 december 2026: Kerstmis" in html  # a public holiday on a working day
    assert "Zomeruren: van 1 juli 2027 tot en met 31 augustus 2027" in html
    assert "Extra zaterdagopening voor reisdocumenten" in html
    assert "Toegankelijk met een rolstoel" in html and "ringleiding voor mensen met een hoorapparaat" in html
    assert 'href="tel:080020800"' in html
    assert 'href="/locaties/huis-van-de-mechelaar/sluitingen.ics"' in html
    assert 'href="https://www.openstreetmap.org/?mlat=51.027850&amp;mlon=4.481250#map=18/51.027850/4.481250"' in html
    assert '<script src="/static/locations/js/opening-hours.js" defer></script>' in html


def test_location_page_makes_no_third_party_request_and_has_no_inline_script(client, location):
    html = get(client, "/locaties/huis-van-de-mechelaar/")
    # Elements that make the browser fetch something; a canonical <link> only names the page's own address.
    assert not re.search(r'<(?:script|img|iframe|link(?! rel="canonical"))[^>]+(?:src|href)="(?:https?:)?//', html)
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or 'type="application/ld+json"' in attributes, attributes
    assert "style=" not in html


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-11-24 12:45", "Gesloten, opent vandaag om 13:30 (alleen op afspraak)"),
        ("2026-11-24 14:00", "Nu open tot 16:00 (alleen op afspraak)"),
        ("2026-11-27 17:00", "Gesloten, opent maandag om 8:30"),
        ("2026-11-11 10:00", "Vandaag gesloten (Wapenstilstand)"),
        ("2026-12-04 10:00", "Vandaag gesloten (Personeelsdag)"),
        ("2027-06-19 10:00", "Nu open tot 12:00 (alleen op afspraak)"),
        ("2027-07-05 14:00", "Gesloten, opent morgen om 8:30"),
    ],
)
def test_location_page_state_at_frozen_moments(client, location, moment, expected):
    with at(moment):
        html = get(client, "/locaties/huis-van-de-mechelaar/")
    assert f"data-opening-text>{expected}</span>" in html


def test_holiday_override_on_the_page(client, location_index):
    make_location(location_index, hours=make_hours(open_on_public_holidays=True))
    with at("2026-11-11 10:00"):
        html = get(client, "/locaties/huis-van-de-mechelaar/")
    assert "data-opening-text>Nu open tot 12:30</span>" in html
    assert "Op wettelijke feestdagen gelden de gewone openingsuren." in html


def test_json_ld_parses_and_holds_weekly_hours_and_special_days(client, location):
    with at("2026-11-24 10:00"):
        html = get(client, "/locaties/huis-van-de-mechelaar/")
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOffice"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Grote Markt 21",
        "postalCode": "2800",
        "addressLocality": "Mechelen",
        "addressCountry": "BE",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.02785, "longitude": 4.48125}
    specs = data["openingHoursSpecification"]
    weekly = [s for s in specs if "validFrom" not in s]
    assert {(s["opens"], s["closes"]) for s in weekly} == {("08:30", "12:30"), ("13:30", "16:00")}
    assert all(len(s["dayOfWeek"]) == 5 for s in weekly)
    special = {(s["validFrom"], s["opens"], s["closes"]) for s in specs if "validFrom" in s}
    assert ("2026-12-04", "00:00", "00:00") in special  # the exceptional closure
    assert ("2026-12-25", "00:00", "00:00") in special  # a public holiday
    assert ("2027-06-19", "09:00", "12:00") in special  # the exceptional opening
    assert ("2027-07-01", "08:30", "12:30") in special  # summer hours
    assert ("2027-07-01", "00:00", "00:00") in special  # closed at the weekend in summer


def test_index_lists_locations_with_todays_state(client, location_index):
    make_location(location_index, hours=make_hours())
    make_location(location_index, slug="recyclagepark", title="Recyclagepark", kind="recyclagepark", hours=None)
    with at("2026-11-24 10:00"):
        html = get(client, "/locaties/")
    assert '<a href="/locaties/huis-van-de-mechelaar/">Huis van de Mechelaar</a>' in html
    assert '<a href="/locaties/recyclagepark/">Recyclagepark</a>' in html
    assert "Stadhuis · Grote Markt 21, 2800 Mechelen" in html
    assert html.count("data-opening-text>Nu open tot 12:30</span>") == 1
    assert html.index("Huis van de Mechelaar</a>") < html.index("Recyclagepark</a>")


def test_location_without_hours_says_so(client, location_index):
    make_location(location_index, hours=None)
    html = get(client, "/locaties/huis-van-de-mechelaar/")
    assert "De openingsuren zijn nog niet bekend." in html
    assert "openingHoursSpecification" not in html


def test_draft_location_is_not_shown(client, location_index):
    page = make_location(location_index, hours=make_hours())
    page.unpublish()
    assert client.get("/locaties/huis-van-de-mechelaar/").status_code == 404
    assert client.get("/locaties/huis-van-de-mechelaar/sluitingen.ics").status_code == 404
    assert 'href="/locaties/huis-van-de-mechelaar/"' not in get(client, "/locaties/")


def test_closures_feed_is_valid_icalendar_with_closures_and_holidays(client, location):
    with at("2026-11-24 10:00"):
        response = client.get("/locaties/huis-van-de-mechelaar/sluitingen.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Sluitingsdagen Huis van de Mechelaar"
    events = {event.decoded("dtstart").isoformat(): event for event in calendar.walk("VEVENT")}
    staff_day = events["2026-12-04"]
    assert str(staff_day["summary"]) == "Huis van de Mechelaar gesloten: Personeelsdag"
    assert staff_day.decoded("dtend").isoformat() == "2026-12-05"
    assert str(events["2026-12-25"]["summary"]) == "Huis van de Mechelaar gesloten: Kerstmis"
    assert str(events["2027-11-11"]["summary"]) == "Huis van de Mechelaar gesloten: Wapenstilstand"
    assert "2026-11-29" not in events  # a Sunday is not a closure
    assert "2027-03-28" not in events  # Easter Sunday: closed anyway
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_closures_feed_only_for_location_pages(client, location):
    assert client.get("/locaties/sluitingen.ics").status_code == 404
    assert client.get("/bestaat-niet/sluitingen.ics").status_code == 404
    assert client.post("/locaties/huis-van-de-mechelaar/sluitingen.ics").status_code == 405


def test_opening_state_tag_for_other_templates(location):
    template = Template("{% load opening_hours_tags %}{% opening_state hours %}|{% opening_state nothing %}|")
    with at("2026-11-24 14:00"):
        html = template.render(Context({"hours": location.opening_hours, "nothing": None}))
    assert "Nu open tot 16:00 (alleen op afspraak)" in html
    assert html.split("|")[1].strip() == ""  # None renders nothing
    data = json.loads(re.search(r'data-opening-hours="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert data["days"][0]["date"] == "2026-11-24"
    assert data["messages"]["closed_opens"] == "Gesloten, opent {day} om {time}"


def test_opening_hours_api_for_the_catalogue(location):
    hours = location.opening_hours
    assert hours.access_summary() == "vrij binnenlopen en op afspraak"
    assert hours.appointment_only is False
    with at("2026-11-24 14:00"):
        assert hours.state().text == "Nu open tot 16:00 (alleen op afspraak)"
        assert [day.date.isoformat() for day in hours.week()][:2] == ["2026-11-24", "2026-11-25"]
        assert hours.cpsv_opening_hours().startswith(
            "maandag: 8:30\u201312:30 en 13:30\u201316:00 (alleen op afspraak);"
        )


def test_query_count_of_location_page_does_not_grow(client, location_index, django_assert_num_queries):
    for number in range(4):
        make_location(
            location_index, slug=f"locatie-{number}", title=f"Locatie {number}", hours=make_hours(f"Uren {number}")
        )
    client.get("/locaties/locatie-0/")  # warm the site-root cache
    with django_assert_num_queries(22):
        get(client, "/locaties/locatie-0/")


@pytest.mark.parametrize("count", [1, 6])
def test_query_count_of_index_does_not_grow_with_locations(client, location_index, django_assert_num_queries, count):
    for number in range(count):
        make_location(
            location_index, slug=f"locatie-{number}", title=f"Locatie {number}", hours=make_hours(f"Uren {number}")
        )
    client.get("/locaties/")
    with django_assert_num_queries(19):
        html = get(client, "/locaties/")
    assert html.count('class="location-card"') == count


def test_location_types_can_only_be_created_in_their_place(home_page):
    from wagtail.test.utils import WagtailPageTestCase

    from home.models import HomePage
    from locations.models import LocationIndexPage, LocationPage

    case = WagtailPageTestCase()
    case.assertCanCreateAt(HomePage, LocationIndexPage)
    case.assertCanNotCreateAt(Page, LocationIndexPage)
    case.assertCanNotCreateAt(LocationIndexPage, LocationIndexPage)
    case.assertCanCreateAt(LocationIndexPage, LocationPage)
    case.assertCanNotCreateAt(HomePage, LocationPage)
    case.assertAllowedSubpageTypes(LocationIndexPage, {LocationPage})
    case.assertAllowedSubpageTypes(LocationPage, set())
    case.assertAllowedParentPageTypes(LocationPage, {LocationIndexPage})
    case.assertAllowedParentPageTypes(LocationIndexPage, {HomePage})


def test_only_one_location_index(location_index, home_page):
    from locations.models import LocationIndexPage

    assert not LocationIndexPage.can_create_at(home_page)
