from django.apps import AppConfig


class CatalogConfig(AppConfig):
    """The service catalogue: service pages, their vocabularies, organisations, departments and contact points."""

    name = "catalog"
    verbose_name = "Productcatalogus"

    def ready(self):
        from catalog.models import Concept, ContactPoint, Department, Organisation
        from core.page_cache import register_invalidating_model

        # Service pages show these: a change must reach the next visitor, not wait for the page cache to expire.
        for model in (Concept, ContactPoint, Department, Organisation):
            register_invalidating_model(model)
