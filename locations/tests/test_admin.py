"""Editors maintain opening hours and locations in the admin: the forms save nested rows and refuse bad input in Dutch."""

import datetime as dt

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from locations.models import LocationPage, OpeningHours
from locations.tests.conftest import at, make_hours, make_location

ADD_URL = "wagtailsnippets_locations_openinghours:add"


REQUIRED = object()  # the standard "required" message, in the admin's language


def hours_form(weekly=(), periods=(), closures=(), openings=(), **fields):
    return nested_form_data(
        {
            "name": "Dorpshuis Walem",
            **fields,
            "weekly_slots": inline_formset(list(weekly)),
            "periods": inline_formset(list(periods)),
            "closures": inline_formset(list(closures)),
            "openings": inline_formset(list(openings)),
        }
    )


def slot(start, end, appointment=False, weekday=None):
    data = {"start": start, "end": end, "appointment_only": "True" if appointment else "False"}
    if weekday is not None:
        data["weekday"] = str(weekday)
    return data


def test_admin_add_form_shows_every_part_in_dutch(admin_client):
    response = admin_client.get(reverse(ADD_URL))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Gewone openingsuren",
        "Periodes met andere uren",
        "Uitzonderlijke sluitingen",
        "Uitzonderlijke openingen",
    ):
        assert text in html
    assert "open op feestdagen" in html.lower()
    assert "alleen op afspraak" in html and "vrij binnenlopen" in html


def test_editor_creates_opening_hours_with_nested_rows(admin_client, location_index):
    data = hours_form(
        weekly=[slot("09:00", "12:00", weekday=2), slot("13:30", "16:00", weekday=4, appointment=True)],
        periods=[
            {
                "name": "Zomeruren",
                "start_date": "2027-07-01",
                "end_date": "2027-08-31",
                "slots": inline_formset([slot("09:00", "11:00", weekday=2)]),
            }
        ],
        closures=[{"date": "2026-12-24", "end_date": "2026-12-26", "reason": "Kerstvakantie"}],
        openings=[
            {"date": "2026-12-05", "reason": "Sinterklaasopening", "slots": inline_formset([slot("10:00", "12:00")])}
        ],
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    hours = OpeningHours.objects.get(name="Dorpshuis Walem")
    schedule = hours.schedule
    assert schedule.weekly[2][0].start == dt.time(9, 0)
    assert schedule.weekly[4][0].appointment_only is True
    assert schedule.periods[0].weekly[2][0].end == dt.time(11, 0)
    assert schedule.closures[0].last_day == dt.date(2026, 12, 26)
    assert schedule.openings[0].slots[0].start == dt.time(10, 0)

    make_location(location_index, slug="walem", title="Dorpshuis Walem", hours=hours)
    with at("2026-12-05 11:00"):
        assert "Nu open tot 12:00" in admin_client.get("/locaties/walem/").content.decode()
    with at("2026-12-24 10:00"):
        assert "Vandaag gesloten (Kerstvakantie)" in admin_client.get("/locaties/walem/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (hours_form(weekly=[slot("12:00", "09:00", weekday=0)]), "Het einduur moet na het beginuur liggen."),
        (
            hours_form(weekly=[slot("08:30", "12:30", weekday=0), slot("12:00", "16:00", weekday=0)]),
            "Dit tijdslot overlapt met een ander tijdslot op dezelfde dag.",
        ),
        (
            hours_form(
                periods=[
                    {
                        "name": "Zomer",
                        "start_date": "2027-08-31",
                        "end_date": "2027-07-01",
                        "slots": inline_formset([]),
                    }
                ]
            ),
            "De einddatum moet op of na de begindatum liggen.",
        ),
        (
            hours_form(
                closures=[{"date": "2026-12-05", "end_date": "", "reason": "Storm"}],
                openings=[{"date": "2026-12-05", "reason": "Extra", "slots": inline_formset([slot("10:00", "12:00")])}],
            ),
            "Op deze dag is er ook een uitzonderlijke sluiting. Kies één van beide.",
        ),
        (hours_form(closures=[{"date": "2026-12-05", "end_date": "", "reason": ""}]), REQUIRED),
    ],
)
def test_bad_opening_hours_get_a_dutch_message_not_an_error(admin_client, db, data, message):
    if message is REQUIRED:
        # Django's own Dutch wording of "This field is required.", as the admin shows it.
        with translation.override("nl-be"):
            message = str(forms.Field.default_error_messages["required"])
        assert message != "This field is required."
    count_before = OpeningHours.objects.count()
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert OpeningHours.objects.count() == count_before


def test_slot_until_midnight_is_accepted(admin_client, db):
    response = admin_client.post(reverse(ADD_URL), hours_form(weekly=[slot("20:00", "00:00", weekday=5)]))
    assert response.status_code == 302
    assert OpeningHours.objects.latest("pk").schedule.weekly[5][0].ends_at_midnight


def location_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "intro": page.intro,
        "opening_hours": str(page.opening_hours_id or ""),
        "street": page.street,
        "number": page.number,
        "box": page.box,
        "postcode": page.postcode,
        "municipality": page.municipality,
        "latitude": str(page.latitude),
        "longitude": str(page.longitude),
        "directions": rich_text(page.directions),
        "wheelchair_accessible": "on",
        "phone": page.phone,
        "email": page.email,
        "photo": "",
        "photo_alt": "",
        "accessibility": rich_text(page.accessibility),
        **changes,
    }
    return nested_form_data(data)


def test_photo_needs_alt_text(admin_client, location_index):
    page = make_location(location_index, hours=make_hours())
    image = Image.objects.create(title="Stadhuis", file=get_test_image_file())
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(url, location_form(page, photo=str(image.pk), photo_alt=""))
    assert response.status_code == 200
    assert "Geef een alternatieve tekst voor de foto." in response.content.decode()

    response = admin_client.post(url, location_form(page, photo=str(image.pk), photo_alt="De ingang van het stadhuis"))
    assert response.status_code == 302
    assert (
        LocationPage.objects.get(pk=page.pk).get_latest_revision_as_object().photo_alt == "De ingang van het stadhuis"
    )


def test_published_photo_is_shown_with_its_alt_text(client, location_index):
    image = Image.objects.create(title="Stadhuis", file=get_test_image_file())
    make_location(location_index, hours=make_hours(), photo=image, photo_alt="De ingang van het stadhuis")
    html = client.get("/locaties/huis-van-de-mechelaar/").content.decode()
    assert 'alt="De ingang van het stadhuis"' in html


def test_coordinates_come_in_pairs(admin_client, location_index):
    page = make_location(location_index, hours=make_hours())
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), location_form(page, longitude=""))
    assert response.status_code == 200
    assert "Vul zowel de breedtegraad als de lengtegraad in, of geen van beide." in response.content.decode()


def test_opening_hours_in_use_cannot_be_deleted(admin_client, location_index):
    hours = make_hours()
    make_location(location_index, hours=hours)
    url = reverse("wagtailsnippets_locations_openinghours:delete", args=[hours.pk])
    response = admin_client.get(url)
    assert "kan niet verwijderd worden omdat er een of meer verwijzingen naar bestaan" in response.content.decode()
    admin_client.post(url)
    assert OpeningHours.objects.filter(pk=hours.pk).exists()
