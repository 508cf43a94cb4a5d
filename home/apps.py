from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startpagina"

    def ready(self):
        from core.page_cache import register_invalidating_model
        from home.models import FooterLinks, SiteAlert

        # Every page shows the alert banner and the footer links.
        register_invalidating_model(SiteAlert)
        register_invalidating_model(FooterLinks)
