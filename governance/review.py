"""Review dates: which services are overdue or due soon for review."""

from datetime import timedelta

from django.utils import timezone

DUE_SOON_DAYS = 30


def review_window(today=None):
    today = today or timezone.localdate()
    return today, today + timedelta(days=DUE_SOON_DAYS)


def services_to_review(queryset, today=None):
    """The services in `queryset` whose review date has passed or falls within the next 30 days, oldest first."""
    _, horizon = review_window(today)
    return queryset.filter(review_date__isnull=False, review_date__lte=horizon).order_by("review_date", "title")


def overdue(queryset, today=None):
    today, _ = review_window(today)
    return queryset.filter(review_date__lt=today)
