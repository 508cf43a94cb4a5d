from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every part of the site shares: health check, base templates, site-wide commands, page cache, security."""

    name = "core"
    verbose_name = "Kern"

    def ready(self):
        from core.page_cache import connect_signals

        connect_signals()
