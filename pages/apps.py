from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Content pages that are not services: standard pages, section pages, and the StreamField blocks they share."""

    name = "pages"
    verbose_name = "Inhoudspagina's"
