from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every part of the site shares: health check, base templates, site-wide commands."""

    name = "core"
    verbose_name = "Kern"
