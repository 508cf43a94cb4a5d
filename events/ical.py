"""iCalendar (RFC 5545) files of events, for "add to my calendar" and calendar subscriptions."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event
from wagtail.models import Site


def build_calendar(request, events, name):
    """An iCalendar with one VEVENT per event page; times in UTC so every calendar program reads them the same way."""
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host()
    calendar = Calendar()
    calendar.add("prodid", "-//Stad Mechelen//Huis van de Mechelaar//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    now = timezone.now()
    for page in events:
        event = Event()
        event.add("uid", f"activiteit-{page.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("summary", page.title)
        event.add("description", page.intro)
        event.add("location", page.location_name)
        event.add("url", page.get_full_url(request))
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        calendar.add_component(event)
    return calendar


def calendar_response(request, events, name, filename):
    """An HTTP response with the iCalendar file; the browser offers to open it in a calendar program."""
    response = HttpResponse(
        build_calendar(request, events, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
