"""E-mail to a department's Goedkeurders when a page of theirs is submitted for approval.

Wagtail's own notifiers already mail the author on approval and on rejection (with the comment) and mail the members of
a plain group approval task; this one does the same for `DepartmentApprovalTask`, whose approvers follow the page.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from governance.models import DepartmentApprovalTask


class DepartmentApprovalSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, DepartmentApprovalTask)

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        recipients = task.approvers(task_state.workflow_state.content_object)
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(is_superuser=True, is_active=True)
        triggering_user = kwargs.get("user")
        if triggering_user:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return set(recipients.distinct())
