"""The editor's dashboard panel on the admin home: what their department's services need, and the catalogue's figures."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from catalog.models import Department, ServiceChannel, ServicePage
from governance.forms import user_department_ids
from governance.review import overdue, review_window, services_to_review
from governance.roles import is_webmaster
from governance.views import COMPLETENESS_PREFETCH

LIST_LIMIT = 10


def percentage(part, whole):
    return round(100 * part / whole) if whole else 0


def headline_figures():
    """Live services, the share that can be done online ("Digitaal is normaal"), the share overdue for review."""
    live = ServicePage.objects.live()
    total = live.count()
    online = live.filter(
        Exists(ServiceChannel.objects.filter(page=OuterRef("pk"), channel_type__code="Online").exclude(url=""))
    ).count()
    return {
        "live": total,
        "online_share": percentage(online, total),
        "overdue_share": percentage(overdue(live).count(), total),
    }


class GovernancePanel(Component):
    name = "governance"
    template_name = "governance/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        context = super().get_context_data(parent_context)
        department_ids = user_department_ids(user)
        services = ServicePage.objects.all()
        if department_ids:
            services = services.filter(department__in=department_ids)
            departments = Department.objects.filter(pk__in=department_ids)
        elif user.is_superuser or is_webmaster(user):
            departments = None
        else:
            services = services.none()
            departments = Department.objects.none()
        today, horizon = review_window()
        live = services.live()
        to_review = services_to_review(live, today)
        incomplete = [
            page
            for page in services.prefetch_related(*COMPLETENESS_PREFETCH).order_by("title")
            if not page.completeness.is_complete
        ]
        to_approve = TaskState.objects.reviewable_by(user).filter(
            workflow_state__object_id__in=[str(pk) for pk in services.values_list("pk", flat=True)]
        )
        context.update(
            {
                "departments": departments,
                "figures": headline_figures(),
                "to_approve": [state.workflow_state.content_object for state in to_approve[:LIST_LIMIT]],
                "to_approve_count": to_approve.count(),
                "overdue": list(overdue(to_review, today)[:LIST_LIMIT]),
                "overdue_count": overdue(to_review, today).count(),
                "due_soon": list(to_review.filter(review_date__gte=today)[:LIST_LIMIT]),
                "due_soon_count": to_review.filter(review_date__gte=today).count(),
                "incomplete": incomplete[:LIST_LIMIT],
                "incomplete_count": len(incomplete),
                "horizon": horizon,
                "heading": _("Jouw diensten"),
            }
        )
        return context
