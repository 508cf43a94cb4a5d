"""Demo events from home/demo_data/pages.yaml: the calendar at /evenementen/ and its events.

An event's `location` is the slug of a location page; it is linked when such a page exists (load locations first).
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from pages.demo import prose_stream_data, publish_child, read_demo_pages


def _local(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def load_events(home, data=None):
    """Create the event calendar under the home page (in the main menu) with the demo events; return the calendar."""
    data = data if data is not None else read_demo_pages()
    index = publish_child(
        home,
        EventIndexPage(
            title="Evenementen",
            slug="evenementen",
            intro="Activiteiten van de stad: markten, infosessies, Digicafés en feesten voor alle Mechelaars.",
            show_in_menus=True,
        ),
    )
    for item in data.get("events", []):
        location_page = Page.objects.filter(slug=item["location"]).first() if item.get("location") else None
        publish_child(
            index,
            EventPage(
                title=item["title"],
                slug=item["slug"],
                start=_local(item["start"]),
                end=_local(item["end"]),
                location_name=item["location_name"],
                location_page=location_page,
                intro=item["intro"],
                body=prose_stream_data(item.get("body")),
            ),
        )
    return index
