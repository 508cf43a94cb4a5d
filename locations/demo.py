"""Demo locations: the "Locaties" index and a page per location, with their opening hours, from demo_data/locations.yaml.

The YAML's text fields are "prose" (catalog/demo_data/FORMAT.md): blank lines between paragraphs, "- " bullets, "1. " steps.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import yaml
from wagtail.models import Locale

from core.richtext import prose_to_html
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

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "locations.yaml"
WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _time(value) -> dt.time:
    if isinstance(value, int):  # YAML 1.1 reads an unquoted 08:30 as sexagesimal minutes
        return dt.time(value // 60, value % 60)
    return dt.time.fromisoformat(str(value))


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _decimal(value) -> Decimal | None:
    """A YAML float as the exact decimal it was written as (4.48125, not 4.481249999...)."""
    return None if value is None else Decimal(str(value))


def _slot_fields(slot: dict) -> dict:
    return {
        "start": _time(slot["start"]),
        "end": _time(slot["end"]),
        "appointment_only": bool(slot.get("appointment_only", False)),
    }


def create_opening_hours(name: str, data: dict) -> OpeningHours:
    """An OpeningHours snippet from the `opening_hours` mapping of a location in the YAML."""
    hours = OpeningHours(name=name, open_on_public_holidays=bool(data.get("open_on_public_holidays", False)))
    regular = data.get("regular") or {}
    hours.weekly_slots = [
        WeeklySlot(weekday=weekday, **_slot_fields(slot))
        for weekday, key in enumerate(WEEKDAY_KEYS)
        for slot in regular.get(key) or []
    ]
    periods = []
    for period_data in data.get("periods") or []:
        period = SpecialPeriod(
            name=period_data["name"], start_date=_date(period_data["start"]), end_date=_date(period_data["end"])
        )
        period_hours = period_data.get("hours") or {}
        period.slots = [
            SpecialPeriodSlot(weekday=weekday, **_slot_fields(slot))
            for weekday, key in enumerate(WEEKDAY_KEYS)
            for slot in period_hours.get(key) or []
        ]
        periods.append(period)
    hours.periods = periods
    hours.closures = [
        Closure(
            date=_date(closure["date"]),
            end_date=_date(closure["end"]) if closure.get("end") else None,
            reason=closure["reason"],
        )
        for closure in data.get("closures") or []
    ]
    openings = []
    for opening_data in data.get("openings") or []:
        opening = ExceptionalOpening(date=_date(opening_data["date"]), reason=opening_data["reason"])
        opening.slots = [ExceptionalOpeningSlot(**_slot_fields(slot)) for slot in opening_data.get("slots") or []]
        openings.append(opening)
    hours.openings = openings
    hours.save()
    return hours


def load_locations(home_page, data_file: Path = DATA_FILE) -> dict[str, LocationPage]:
    """Create and publish the "Locaties" index under `home_page` and a page per location; return the pages by slug.

    Does nothing and returns the existing pages when the index exists already.
    """
    existing = LocationIndexPage.objects.first()
    if existing is not None:
        return {page.slug: page for page in LocationPage.objects.child_of(existing)}
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    locale = Locale.get_default()
    index = LocationIndexPage(
        title="Locaties",
        slug="locaties",
        intro="Hier kan je langskomen: het Huis van de Mechelaar, de dorpshuizen, het recyclagepark en de digipunten.",
        search_description="Adressen, openingsuren en toegankelijkheid van de loketten en locaties van de stad Mechelen.",
        locale=locale,
    )
    home_page.add_child(instance=index)
    index.save_revision().publish()
    pages = {}
    for item in data["locations"]:
        hours = create_opening_hours(item["name"], item["opening_hours"]) if item.get("opening_hours") else None
        page = LocationPage(
            title=item["name"],
            slug=item["slug"],
            kind=item["kind"],
            intro=item.get("intro", ""),
            search_description=item.get("intro", "")[:255],
            street=item["street"],
            number=str(item["number"]),
            box=str(item.get("box") or ""),
            postcode=str(item["postcode"]),
            municipality=item.get("municipality", "Mechelen"),
            latitude=_decimal(item.get("latitude")),
            longitude=_decimal(item.get("longitude")),
            directions=prose_to_html(item.get("directions", "")),
            wheelchair_accessible=bool(item.get("wheelchair_accessible")),
            hearing_loop=bool(item.get("hearing_loop")),
            accessibility=prose_to_html(item.get("accessibility", "")),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            opening_hours=hours,
            locale=locale,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[page.slug] = page
    return pages
