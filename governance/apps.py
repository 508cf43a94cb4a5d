"""Editors and governance: department roles, the approval workflow, review dates and the editors' dashboard."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Beheer van de catalogus")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from governance import signals  # noqa: F401 - connects the signal handlers
        from governance.permissions import DepartmentPagePermissionPolicy

        # Replaces Wagtail's page policy for every page type, early, before any view asks the registry for it.
        register_permission_policy(Page, DepartmentPagePermissionPolicy(Page))
