from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Models that exist only in the tests (settings.test): a page, a snippet and a site setting like the real ones."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.page_cache import register_invalidating_model

        from .models import AlertSettings, ContactSnippet

        register_invalidating_model(ContactSnippet)
        register_invalidating_model(AlertSettings)
