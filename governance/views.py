"""Admin views of the governance app: the completeness report of all services."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from catalog.models import Department, ServicePage

COMPLETENESS_PREFETCH = [
    "channels__channel_type",
    "costs",
    "contact_points",
    "legal_resources",
    "publication_channels",
]


class CompletenessFilterSet(WagtailFilterSet):
    department = django_filters.ModelChoiceFilter(
        label=_("Afdeling"), queryset=Department.objects.all(), empty_label=_("Alle afdelingen")
    )
    live = django_filters.BooleanFilter(label=_("Gepubliceerd"))

    class Meta:
        model = ServicePage
        fields = ["department", "live"]


class CompletenessReportView(ReportView):
    """Every service with its completeness score and what it misses; filter by department, export to CSV or Excel."""

    page_title = _("Volledigheid van de diensten")
    header_icon = "tasks"
    index_url_name = "governance_completeness_report"
    index_results_url_name = "governance_completeness_report_results"
    filterset_class = CompletenessFilterSet
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 100
    export_filename = "volledigheid-diensten"
    columns = [
        TitleColumn("title", label=_("Dienst"), url_name="wagtailadmin_pages:edit"),
        Column("department", label=_("Afdeling")),
        Column("completeness_score", label=_("Score (%)")),
        Column("completeness_missing", label=_("Nog in te vullen")),
    ]
    list_export = ["title", "department", "live", "completeness_score", "completeness_missing", "full_url"]
    export_headings = {
        "title": _("Dienst"),
        "department": _("Afdeling"),
        "live": _("Gepubliceerd"),
        "completeness_score": _("Score (%)"),
        "completeness_missing": _("Nog in te vullen"),
        "full_url": _("Adres"),
    }

    def get_queryset(self):
        return (
            ServicePage.objects.select_related("department")
            .prefetch_related(*COMPLETENESS_PREFETCH)
            .order_by("title", "pk")
        )
