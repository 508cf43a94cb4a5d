from django.apps import AppConfig


class CatalogConfig(AppConfig):
    """The service catalogue: service pages, their vocabularies, organisations, departments and contact points."""

    name = "catalog"
    verbose_name = "Productcatalogus"
