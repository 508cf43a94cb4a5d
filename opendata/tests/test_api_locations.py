"""The locations endpoint of the JSON API at /api/v2/locations/, and the services' channels that link to it."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from catalog.models import ServiceChannel, ServicePage
from locations.models import LocationIndexPage, LocationPage, OpeningHours
from locations.tests.conftest import at, make_hours, make_location

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def location_index(demo_site):
    """An index of locations without the demo's locations and hours: these tests build their own."""
    for index in LocationIndexPage.objects.all():
        index.delete()
    OpeningHours.objects.all().delete()
    index = LocationIndexPage(title="Locaties", slug="locaties")
    demo_site.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def location(location_index):
    return make_location(location_index, hours=make_hours())


def add_locations(index, count, kind="loket"):
    hours = make_hours(name=f"Uren {kind} {count}")
    return [
        make_location(index, slug=f"{kind}-{number}", title=f"{kind.capitalize()} {number}", hours=hours, kind=kind)
        for number in range(count)
    ]


def titles(data):
    return [item["title"] for item in data["items"]]


def test_listing_has_title_kind_address_and_meta(client, location):
    make_location(location.get_parent(), slug="recyclagepark", title="Recyclagepark Oost", kind="recyclagepark")
    data = get(client, "/api/v2/locations/")
    assert data["meta"]["total_count"] == 2
    assert titles(data) == ["Huis van de Mechelaar", "Recyclagepark Oost"]  # A to Z
    item = data["items"][0]
    assert item["id"] == location.pk
    assert item["kind"] == {"code": "stadhuis", "label_nl": "stadhuis"}
    assert item["address"] == {
        "street": "Grote Markt",
        "number": "21",
        "box": "",
        "postcode": "2800",
        "municipality": "Mechelen",
    }
    assert item["meta"]["type"] == "locations.LocationPage"
    assert item["meta"]["html_url"].endswith("/locaties/huis-van-de-mechelaar/")
    assert item["meta"]["detail_url"].endswith(f"/api/v2/locations/{location.pk}/")
    # Only the default fields in the listing; the rest with fields=... or on the detail.
    assert "opening_hours" not in item and "intro" not in item


def test_detail_has_every_field(client, location):
    with at("2026-11-24 10:00"):
        data = get(client, f"/api/v2/locations/{location.pk}/")
    assert data["title"] == "Huis van de Mechelaar"
    assert data["intro"] == "Voor je documenten, attesten en vragen aan de stad."
    assert data["kind"] == {"code": "stadhuis", "label_nl": "stadhuis"}
    assert data["address"]["street"] == "Grote Markt" and data["address"]["postcode"] == "2800"
    assert data["latitude"] == 51.02785 and data["longitude"] == 4.48125
    assert data["directions"] == "<p>Met de bus stap je af aan de Grote Markt.</p>"
    assert data["accessibility"] == {
        "wheelchair_accessible": True,
        "hearing_loop": True,
        "description": "<p>Gebruik de zij-ingang links van de hoofdingang.</p>",
    }
    assert data["contact"] == {"phone": "0800 20 800", "email": "burgerzaken@mechelen.example"}

    hours = data["opening_hours"]
    assert hours["open_on_public_holidays"] is False
    assert [day["weekday"] for day in hours["weekly"]] == [1, 2, 3, 4, 5, 6, 7]
    monday, saturday = hours["weekly"][0], hours["weekly"][5]
    assert monday["label_nl"] == "maandag"
    assert monday["slots"] == [
        {"start": "08:30", "end": "12:30", "appointment_only": False},
        {"start": "13:30", "end": "16:00", "appointment_only": True},
    ]
    assert saturday == {"weekday": 6, "label_nl": "zaterdag", "slots": []}
    [summer] = hours["periods"]
    assert (summer["name"], summer["start_date"], summer["end_date"]) == ("Zomeruren", "2027-07-01", "2027-08-31")
    assert summer["weekly"][0]["slots"] == [{"start": "08:30", "end": "12:30", "appointment_only": False}]
    assert summer["weekly"][6]["slots"] == []
    # The exceptional closure, then the public holidays on which it would otherwise be open, for a year ahead.
    assert hours["closures"][0] == {
        "start_date": "2026-12-04",
        "end_date": "2026-12-04",
        "reason": "Personeelsdag",
        "kind": "closure",
    }
    assert {"start_date": "2026-12-25", "end_date": "2026-12-25", "reason": "Kerstmis", "kind": "holiday"} in hours[
        "closures"
    ]
    assert all("2026-11-24" <= closed["start_date"] <= "2027-11-24" for closed in hours["closures"])
    assert hours["openings"] == [
        {
            "date": "2027-06-19",
            "reason": "Extra zaterdagopening voor reisdocumenten",
            "slots": [{"start": "09:00", "end": "12:00", "appointment_only": True}],
        }
    ]

    assert data["open_now"] == {
        "is_open": True,
        "text": "Nu open tot 12:30",
        "detail": "",
        "appointment_only": False,
        "until": "2026-11-24T12:30:00+01:00",
        "next_opening": None,
        "computed_at": "2026-11-24T10:00:00+01:00",
    }


def test_past_special_days_are_left_out(client, location):
    with at("2027-09-01 10:00"):
        hours = get(client, f"/api/v2/locations/{location.pk}/")["opening_hours"]
    assert hours["periods"] == [] and hours["openings"] == []
    assert "Personeelsdag" not in {closed["reason"] for closed in hours["closures"]}


def test_location_without_hours_or_coordinates(client, location_index):
    page = make_location(
        location_index, slug="digipunt", title="Digipunt", kind="digipunt", latitude=None, longitude=None
    )
    data = get(client, f"/api/v2/locations/{page.pk}/")
    assert data["latitude"] is None and data["longitude"] is None
    assert data["opening_hours"] is None and data["open_now"] is None


def test_filter_by_kind(client, location):
    add_locations(location.get_parent(), 2, kind="loket")
    data = get(client, "/api/v2/locations/", kind="loket")
    assert titles(data) == ["Loket 0", "Loket 1"]
    assert {item["kind"]["code"] for item in data["items"]} == {"loket"}
    assert get(client, "/api/v2/locations/", kind="stadhuis")["meta"]["total_count"] == 1
    assert get(client, "/api/v2/locations/", kind="digipunt")["meta"]["total_count"] == 0


def test_search_and_order(client, location):
    make_location(location.get_parent(), slug="recyclagepark", title="Recyclagepark Oost", kind="recyclagepark")
    assert titles(get(client, "/api/v2/locations/", search="recyclagepark")) == ["Recyclagepark Oost"]
    assert titles(get(client, "/api/v2/locations/", order="-title")) == ["Recyclagepark Oost", "Huis van de Mechelaar"]


@pytest.mark.parametrize("kind", ["bibliotheek", "Loket", ""])
def test_unknown_kind_is_a_clear_400(client, location, kind):
    response = client.get("/api/v2/locations/", {"kind": kind})
    assert response.status_code == 400
    message = response.json()["message"]
    assert f"onbekende soort '{kind}'" in message
    assert "Kies uit: stadhuis, loket, dorpshuis, recyclagepark, digipunt." in message


def test_private_location_is_neither_listed_nor_shown(client, location):
    private = make_location(location.get_parent(), slug="intern-loket", title="Intern loket", kind="loket")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden = make_location(location.get_parent(), slug="personeelsloket", title="Personeelsloket", kind="loket")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    assert titles(get(client, "/api/v2/locations/")) == ["Huis van de Mechelaar"]
    assert get(client, "/api/v2/locations/", kind="loket")["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/locations/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/locations/{hidden.pk}/").status_code == 404


def test_private_index_hides_its_locations(client, location):
    PageViewRestriction.objects.create(page=location.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert get(client, "/api/v2/locations/")["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/locations/{location.pk}/").status_code == 404


def test_drafts_are_not_in_the_api(client, location):
    draft = LocationPage(
        title="Nieuw loket", slug="nieuw-loket", kind="loket", street="Bruul", number="1", postcode="2800", live=False
    )
    location.get_parent().add_child(instance=draft)
    location.unpublish()
    assert get(client, "/api/v2/locations/")["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/locations/{location.pk}/").status_code == 404
    assert client.get(f"/api/v2/locations/{draft.pk}/").status_code == 404


def test_locations_are_read_only(client, location):
    assert client.post("/api/v2/locations/", {}).status_code == 405
    assert client.post(f"/api/v2/locations/{location.pk}/", {}).status_code == 405
    assert client.put(f"/api/v2/locations/{location.pk}/", {}).status_code == 405
    assert client.delete(f"/api/v2/locations/{location.pk}/").status_code == 405
    assert LocationPage.objects.filter(pk=location.pk, live=True).exists()


def test_listing_queries_do_not_grow_with_the_number_of_locations(client, location, django_assert_num_queries):
    """Every field, opening hours included, in the same number of queries for 2 locations as for 8."""
    index = location.get_parent()
    add_locations(index, 1)
    with at("2026-11-24 10:00"), django_assert_num_queries(11):
        assert len(get(client, "/api/v2/locations/", fields="*")["items"]) == 2
    add_locations(index, 6, kind="dorpshuis")
    with at("2026-11-24 10:00"), django_assert_num_queries(11):
        assert len(get(client, "/api/v2/locations/", fields="*")["items"]) == 8


# The services' channels link to their location


@pytest.fixture
def counter_channel(location):
    """A channel of a demo service at the location built here."""
    service = ServicePage.objects.live().get(external_id="identiteitskaart")
    channel = ServiceChannel.objects.filter(page=service).exclude(channel_type__code="Online").first()
    channel.location = location
    channel.location_text = ""
    channel.save()
    return channel


def channel_entries(client, service):
    return get(client, f"/api/v2/services/{service.pk}/")["channels"]


def test_service_channel_links_to_its_location(client, counter_channel, location):
    entries = channel_entries(client, counter_channel.page)
    [linked] = [entry for entry in entries if entry["location"]]
    assert linked["location"]["id"] == location.pk
    assert linked["location"]["title"] == "Huis van de Mechelaar"
    detail_url = urlsplit(linked["location"]["detail_url"])
    assert detail_url.scheme in {"http", "https"} and detail_url.netloc
    assert detail_url.path == f"/api/v2/locations/{location.pk}/"
    assert get(client, detail_url.path)["title"] == "Huis van de Mechelaar"
    # The demo's other channels pointed at the demo's locations, which the fixture removed.
    assert len(entries) > 1


def test_service_channel_does_not_link_to_a_private_or_draft_location(client, counter_channel, location):
    restriction = PageViewRestriction.objects.create(page=location, restriction_type=PageViewRestriction.LOGIN)
    assert all(entry["location"] is None for entry in channel_entries(client, counter_channel.page))
    restriction.delete()
    location.unpublish()
    assert all(entry["location"] is None for entry in channel_entries(client, counter_channel.page))
