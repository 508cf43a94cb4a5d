from django.apps import AppConfig


class NewsConfig(AppConfig):
    """News: the news index with its RSS and Atom feeds, and news articles."""

    name = "news"
    verbose_name = "Nieuws"
