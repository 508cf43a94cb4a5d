from django.apps import AppConfig


class LocationsConfig(AppConfig):
    """Locations (where to go) and the opening hours that say when: location pages and the OpeningHours snippet."""

    name = "locations"
    verbose_name = "Locaties en openingsuren"

    def ready(self):
        from core.page_cache import register_invalidating_model
        from locations import models

        # Location, service and home pages show opening hours; the rows are saved after the snippet itself.
        for model in (
            models.OpeningHours,
            models.WeeklySlot,
            models.SpecialPeriod,
            models.SpecialPeriodSlot,
            models.Closure,
            models.ExceptionalOpening,
            models.ExceptionalOpeningSlot,
        ):
            register_invalidating_model(model)
