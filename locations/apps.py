from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Locations (where to go) and the opening hours that say when: location pages and the OpeningHours snippet."""

    name = "locations"
    verbose_name = "Locaties en openingsuren"
