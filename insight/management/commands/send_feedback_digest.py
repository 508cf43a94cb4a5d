"""`manage.py send_feedback_digest`: e-mail each department the new feedback comments on its services (daily cron)."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from catalog.models import Department
from insight.models import Feedback, FeedbackDigest


class Command(BaseCommand):
    help = "Stuur elke afdeling de nieuwe feedbackopmerkingen over haar diensten (één keer per dag)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        sent = 0
        for department in Department.objects.exclude(email="").order_by("name"):
            if FeedbackDigest.objects.filter(department=department, date=today).exists():
                continue  # already sent today: running the command twice sends nothing twice
            try:
                sent += self.send_digest(department, today)
            except IntegrityError:
                continue  # a concurrent run recorded this department's digest first
        self.stdout.write(f"{sent} samenvatting(en) verstuurd.")

    @transaction.atomic
    def send_digest(self, department, today):
        """Send one department its comments not yet in a digest; record the digest so they are not sent again."""
        comments = list(
            Feedback.objects.select_for_update(of=("self",))
            .filter(digest__isnull=True, page__servicepage__department=department)
            .exclude(comment="")
            .select_related("page")
            .order_by("created_at")
        )
        if not comments:
            return 0
        digest = FeedbackDigest.objects.create(
            department=department, date=today, recipient=department.email, comment_count=len(comments)
        )
        Feedback.objects.filter(pk__in=[item.pk for item in comments]).update(digest=digest)
        context = {
            "department": department,
            "comments": comments,
            "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailsnippets_insight_feedback:list"),
        }
        send_mail(
            subject=f"Feedback op je diensten: {len(comments)} nieuwe opmerking(en)",
            message=render_to_string("insight/feedback_digest.txt", context),
            from_email=None,
            recipient_list=[department.email],
        )
        return 1
