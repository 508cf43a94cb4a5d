"""E-mail every department the services that are overdue or due for review within 30 days. Run it daily from cron."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from catalog.models import Department, ServicePage
from governance.models import ReviewReminder
from governance.review import review_window, services_to_review


def recipients_for(department):
    """The department's own address, or else the e-mail addresses of its Redacteurs."""
    if department.email:
        return [department.email]
    if department.editor_group_id:
        return sorted({user.email for user in department.editor_group.user_set.filter(is_active=True) if user.email})
    return []


class Command(BaseCommand):
    help = (
        "Mail each department its services that are overdue or due for review within 30 days. "
        "Idempotent per day: a department gets at most one reminder a day, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this day (YYYY-MM-DD); default: today.")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as error:
            raise CommandError("Gebruik --date JJJJ-MM-DD, bv. --date 2027-03-01.") from error
        today, horizon = review_window(today)
        services = ServicePage.objects.live().filter(department__isnull=False)
        sent = skipped = 0
        for department in Department.objects.select_related("editor_group"):
            due = list(services_to_review(services.filter(department=department), today))
            recipients = recipients_for(department)
            if not due or not recipients:
                continue
            with transaction.atomic():
                _, created = ReviewReminder.objects.get_or_create(
                    department=department,
                    date=today,
                    defaults={"recipients": ", ".join(recipients), "service_count": len(due)},
                )
                if not created:
                    skipped += 1
                    continue
                context = {
                    "department": department,
                    "today": today,
                    "horizon": horizon,
                    "count": len(due),
                    "overdue": [(page, self.edit_url(page)) for page in due if page.review_date < today],
                    "due_soon": [(page, self.edit_url(page)) for page in due if page.review_date >= today],
                }
                # An error while sending rolls the record back, so the next run tries again.
                send_mail(
                    subject=render_to_string("governance/emails/review_reminder_subject.txt", context).strip(),
                    message=render_to_string("governance/emails/review_reminder.txt", context),
                    from_email=None,
                    recipient_list=recipients,
                )
                sent += 1
        self.stdout.write(f"Review reminders: {sent} sent, {skipped} already sent today.")

    @staticmethod
    def edit_url(page):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
