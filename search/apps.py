from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site search: Dutch full text, synonyms, best bets, autocomplete and the query log."""

    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from search import signals

        page_published.connect(signals.page_published, dispatch_uid="search_page_published")
        page_unpublished.connect(signals.page_unpublished, dispatch_uid="search_page_unpublished")
