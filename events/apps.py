from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Events: the event calendar with its iCal feed, and event pages with an iCal download each."""

    name = "events"
    verbose_name = "Evenementen"
