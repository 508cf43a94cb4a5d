from django.apps import AppConfig


class InsightConfig(AppConfig):
    """Insight for the city: page feedback, cookieless page-view counters, the dashboard and their retention."""

    name = "insight"
    verbose_name = "Inzicht"
    default_auto_field = "django.db.models.BigAutoField"
