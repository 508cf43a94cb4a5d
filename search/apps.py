from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site search: Dutch full text, synonyms, best bets, autocomplete and the query log."""

    name = "search"
    verbose_name = "Zoeken"
