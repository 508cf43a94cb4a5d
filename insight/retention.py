"""Aggregation and retention: monthly totals replace the daily counters and the feedback after the retention period,
and a daily snapshot of the catalogue's online share for the dashboard."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from catalog.models import ServicePage
from catalog.models.services import ONLINE, ServiceChannel
from insight.models import (
    Feedback,
    FeedbackDigest,
    MonthlyFeedback,
    MonthlyPageViews,
    PageViewCount,
    ServiceSnapshot,
)

DEFAULT_RETENTION_DAYS = 396  # 13 months


def retention_days():
    return int(getattr(settings, "INSIGHT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def _month(day):
    return day.replace(day=1)


@transaction.atomic
def purge(today=None):
    """Fold daily counters and feedback older than the retention period into monthly totals, then delete them.

    Returns the numbers of deleted counters and feedback items.
    """
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days())

    views = defaultdict(int)
    old_counters = PageViewCount.objects.filter(date__lt=cutoff)
    for page_id, day, count in old_counters.values_list("page_id", "date", "count"):
        views[page_id, _month(day)] += count
    for (page_id, month), count in views.items():
        total, _created = MonthlyPageViews.objects.select_for_update().get_or_create(page_id=page_id, month=month)
        total.count += count
        total.save(update_fields=["count"])
    counters_deleted, _ = old_counters.delete()

    answers = defaultdict(lambda: [0, 0])
    old_feedback = Feedback.objects.filter(created_at__date__lt=cutoff)
    for page_id, created_at, helpful in old_feedback.values_list("page_id", "created_at", "helpful"):
        answers[page_id, _month(timezone.localtime(created_at).date())][0 if helpful else 1] += 1
    for (page_id, month), (yes, no) in answers.items():
        total, _created = MonthlyFeedback.objects.select_for_update().get_or_create(page_id=page_id, month=month)
        total.helpful += yes
        total.not_helpful += no
        total.save(update_fields=["helpful", "not_helpful"])
    feedback_deleted = old_feedback.count()
    old_feedback.delete()
    FeedbackDigest.objects.filter(date__lt=cutoff).delete()
    ServiceSnapshot.objects.filter(date__lt=cutoff).delete()
    return counters_deleted, feedback_deleted


def record_snapshot(today=None):
    """Store today's number of live services and of those with an online channel, per department (idempotent)."""
    today = today or timezone.localdate()
    online = ServiceChannel.objects.filter(page=OuterRef("pk"), channel_type__code=ONLINE).exclude(url="")
    rows = defaultdict(lambda: [0, 0])
    for department_id, has_online in (
        ServicePage.objects.live().annotate(has_online=Exists(online)).values_list("department_id", "has_online")
    ):
        rows[department_id][0] += 1
        rows[department_id][1] += int(has_online)
    with transaction.atomic():
        ServiceSnapshot.objects.filter(date=today).delete()
        ServiceSnapshot.objects.bulk_create(
            ServiceSnapshot(date=today, department_id=department_id, services=total, online=with_online)
            for department_id, (total, with_online) in rows.items()
        )
    return len(rows)
