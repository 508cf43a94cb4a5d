"""Governance models: the approval task whose approvers follow the service's department, and sent review reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import LockableMixin, Page, Task, TaskState

from governance.roles import is_webmaster


def department_of(obj):
    """The department that owns a page or snippet, or None."""
    if isinstance(obj, Page) and not hasattr(obj, "department_id"):
        obj = obj.specific_deferred
    if getattr(obj, "department_id", None) is None:
        return None
    return obj.department


def approver_department_ids(user):
    """The departments whose approver group the user is in (cached on the user for the request)."""
    from catalog.models import Department

    cache = "_approver_department_ids"
    if not hasattr(user, cache):
        ids = set(Department.objects.filter(approver_group__in=user.groups.all()).values_list("pk", flat=True))
        setattr(user, cache, ids)
    return getattr(user, cache)


class DepartmentApprovalTask(Task):
    """Approval by the Goedkeurders of the department that owns the page (its `department` field).

    One task serves every department, so a new department needs no workflow change. Superusers and Webmasters may
    approve too, so that nothing gets stuck when a department has no approver.
    """

    def user_is_approver(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser or is_webmaster(user):
            return True
        department = department_of(obj)
        return department is not None and department.pk in approver_department_ids(user)

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        if isinstance(obj, LockableMixin) and obj.locked_by and not self.user_is_approver(obj, obj.locked_by):
            obj.locked = False
            obj.locked_by = None
            obj.locked_at = None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.user_is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_is_approver(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_is_approver(obj, user):
            return [
                ("reject", _("Wijzigingen vragen"), True),
                ("approve", _("Goedkeuren en publiceren"), False),
                ("approve", _("Goedkeuren met commentaar"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or is_webmaster(user):
            return states
        department_ids = approver_department_ids(user)
        if not department_ids:
            return TaskState.objects.none()
        from catalog.models import ServicePage

        page_ids = ServicePage.objects.filter(department__in=department_ids).values_list("pk", flat=True)
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in page_ids])

    def approvers(self, obj):
        """The users who approve this object: its department's Goedkeurders."""
        from django.contrib.auth import get_user_model

        department = department_of(obj)
        if department is None or department.approver_group_id is None:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(groups=department.approver_group_id, is_active=True)

    @classmethod
    def get_description(cls):
        return _("De goedkeurders van de afdeling die de pagina beheert, keuren goed of vragen wijzigingen.")

    class Meta:
        verbose_name = _("goedkeuring door de afdeling")
        verbose_name_plural = _("goedkeuringen door de afdeling")


class ReviewReminder(models.Model):
    """A review reminder sent to a department on a day: `send_review_reminders` sends at most one per day."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name=_("afdeling"), on_delete=models.CASCADE, related_name="review_reminders"
    )
    date = models.DateField(_("datum"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    recipients = models.TextField(_("ontvangers"), blank=True)
    service_count = models.PositiveIntegerField(_("aantal diensten"), default=0)

    class Meta:
        verbose_name = _("herinnering om na te kijken")
        verbose_name_plural = _("herinneringen om na te kijken")
        ordering = ["-date", "department__name"]
        constraints = [models.UniqueConstraint(fields=["department", "date"], name="one_review_reminder_per_day")]

    def __str__(self):
        return f"{self.department} {self.date:%Y-%m-%d}"
