"""Admin hooks of the governance app: the completeness report and the editors' dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from governance.dashboard import GovernancePanel
from governance.views import CompletenessReportView


@hooks.register("register_admin_urls")
def register_governance_urls():
    return [
        path("reports/volledigheid/", CompletenessReportView.as_view(), name="governance_completeness_report"),
        path(
            "reports/volledigheid/results/",
            CompletenessReportView.as_view(results_only=True),
            name="governance_completeness_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_completeness_report_menu_item():
    return MenuItem(
        _("Volledigheid van de diensten"),
        reverse("governance_completeness_report"),
        name="completeness",
        icon_name="tasks",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_governance_panel(request, panels):
    panels.append(GovernancePanel())
