"""Signal handlers: role groups for new departments and services folders, default review dates, approval e-mails."""

from datetime import date

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import TaskState
from wagtail.signals import page_published, task_submitted

from catalog.models import Department, ServiceIndexPage, ServicePage
from governance.mail import DepartmentApprovalSubmissionEmailNotifier
from governance.roles import sync_department_roles, sync_services_folder

REVIEW_MONTHS = 12


@receiver(post_save, sender=Department, dispatch_uid="governance_department_roles")
def department_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        sync_department_roles(instance)


@receiver(post_save, sender=ServiceIndexPage, dispatch_uid="governance_services_folder")
def services_folder_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_services_folder(instance.pk)


def months_later(day, months):
    """The same day `months` later, or the month's last day when that day does not exist (29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


@receiver(page_published, sender=ServicePage, dispatch_uid="governance_default_review_date")
def set_default_review_date(sender, instance, revision=None, **kwargs):
    """A service published without "te herzien op" gets one: 12 months after publication."""
    if instance.review_date:
        return
    review_date = months_later(timezone.localdate(), REVIEW_MONTHS)
    ServicePage.objects.filter(pk=instance.pk).update(review_date=review_date)
    instance.review_date = review_date
    # Also in the published revision, so the editor shows the date and a later publish keeps it.
    if revision is not None:
        revision.content["review_date"] = review_date.isoformat()
        revision.save(update_fields=["content"])


# A module-level reference: signals keep only a weak reference to their receivers.
department_approval_submission_email_notifier = DepartmentApprovalSubmissionEmailNotifier()
task_submitted.connect(
    department_approval_submission_email_notifier,
    sender=TaskState,
    dispatch_uid="governance_department_approval_submitted_email",
)
