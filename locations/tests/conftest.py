"""Fixtures for the locations tests: a home page, opening hours with every kind of rule, location pages, a frozen clock."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from locations.models import (
    Closure,
    ExceptionalOpening,
    ExceptionalOpeningSlot,
    LocationIndexPage,
    LocationPage,
    OpeningHours,
    SpecialPeriod,
    SpecialPeriodSlot,
    WeeklySlot,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(value: str):
    """Freeze the clock at a Brussels wall-clock time, e.g. at("2026-11-24 10:00")."""
    return time_machine.travel(dt.datetime.fromisoformat(value).replace(tzinfo=BRUSSELS), tick=False)


def t(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def make_hours(name="Huis van de Mechelaar", open_on_public_holidays=False) -> OpeningHours:
    """Weekdays 8:30-12:30 walk-in and 13:30-16:00 by appointment; summer hours; a closure; a Saturday opening."""
    hours = OpeningHours(name=name, open_on_public_holidays=open_on_public_holidays)
    hours.weekly_slots = [
        WeeklySlot(weekday=day, start=t(start), end=t(end), appointment_only=appointment)
        for day in range(5)
        for start, end, appointment in (("08:30", "12:30", False), ("13:30", "16:00", True))
    ]
    summer = SpecialPeriod(name="Zomeruren", start_date=dt.date(2027, 7, 1), end_date=dt.date(2027, 8, 31))
    summer.slots = [SpecialPeriodSlot(weekday=day, start=t("08:30"), end=t("12:30")) for day in range(5)]
    hours.periods = [summer]
    hours.closures = [Closure(date=dt.date(2026, 12, 4), reason="Personeelsdag")]
    saturday = ExceptionalOpening(date=dt.date(2027, 6, 19), reason="Extra zaterdagopening voor reisdocumenten")
    saturday.slots = [ExceptionalOpeningSlot(start=t("09:00"), end=t("12:00"), appointment_only=True)]
    hours.openings = [saturday]
    hours.save()
    return hours


@pytest.fixture
def home_page(demo_site):
    """The demo site's home page without the demo's locations and opening hours: these tests build their own."""
    for index in LocationIndexPage.objects.all():
        index.delete()
    OpeningHours.objects.all().delete()
    return demo_site


@pytest.fixture
def location_index(home_page):
    index = LocationIndexPage(title="Locaties", slug="locaties")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_location(index, slug="huis-van-de-mechelaar", title="Huis van de Mechelaar", hours=None, **fields):
    values = {
        "kind": "stadhuis",
        "intro": "Voor je documenten, attesten en vragen aan de stad.",
        "street": "Grote Markt",
        "number": "21",
        "postcode": "2800",
        "municipality": "Mechelen",
        "latitude": "51.027850",
        "longitude": "4.481250",
        "directions": "<p>Met de bus stap je af aan de Grote Markt.</p>",
        "wheelchair_accessible": True,
        "hearing_loop": True,
        "accessibility": "<p>Gebruik de zij-ingang links van de hoofdingang.</p>",
        "phone": "0800 20 800",
        "email": "burgerzaken@mechelen.example",
        **fields,
    }
    page = LocationPage(title=title, slug=slug, opening_hours=hours, **values)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def location(location_index):
    return make_location(location_index, hours=make_hours())
