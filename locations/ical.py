"""The iCalendar (RFC 5545) feed of a location's closures, `<location url>sluitingen.ics`, for partners to subscribe to.

Each exceptional closure and each public holiday the location is closed on becomes an all-day event. Written with the
`icalendar` package, which handles escaping and line folding. UIDs are stable (location, date, kind), so a calendar that
subscribes updates events in place rather than duplicating them.
"""

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from locations import opening_hours as oh

# Closures shown in the feed: from this many days ago (so recent ones stay visible) to this many days ahead.
PAST_DAYS = 90
FUTURE_DAYS = 2 * 365


def closures_calendar(location, hours, now: dt.datetime | None = None, host: str = "") -> bytes:
    """The feed of `location` (a LocationPage) for its OpeningHours `hours` (may be None: an empty calendar)."""
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Stad Mechelen//Huis van de Mechelaar//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Sluitingsdagen %(name)s") % {"name": location.title})
    calendar.add("x-wr-timezone", "Europe/Brussels")
    if hours is None:
        return calendar.to_ical()
    today = oh.local_today(now)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    domain = host or "mechelen.example"
    for closed in oh.closures_between(
        hours.schedule, today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=FUTURE_DAYS)
    ):
        event = Event()
        event.add("uid", f"{closed.start.isoformat()}-{closed.kind}-{slugify(location.slug)}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", closed.start)
        event.add("dtend", closed.end + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        event.add("summary", _("%(name)s gesloten: %(reason)s") % {"name": location.title, "reason": closed.reason})
        event.add("transp", "TRANSPARENT")
        event.add("categories", [_("Sluiting") if closed.kind == oh.CLOSURE else _("Feestdag")])
        calendar.add_component(event)
    return calendar.to_ical()


def closures_calendar_response(location, hours, request) -> HttpResponse:
    """The feed as an HTTP response with the iCalendar content type."""
    body = closures_calendar(location, hours, host=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="sluitingen-{location.slug}.ics"'
    return response
