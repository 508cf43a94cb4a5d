"""`manage.py purge_insight`: old daily data becomes monthly totals and is deleted; recent data stays."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from catalog.models import ServicePage
from insight.models import Feedback, MonthlyFeedback, MonthlyPageViews, PageViewCount, ServiceSnapshot


def test_purge_folds_old_data_into_monthly_totals(services, settings):
    settings.INSIGHT_RETENTION_DAYS = 30
    page = services[0]
    today = timezone.localdate()
    old_day = today - timedelta(days=40)
    PageViewCount.objects.create(page=page, date=old_day, device="mobile", referrer_type="direct", count=3)
    PageViewCount.objects.create(page=page, date=old_day, device="desktop", referrer_type="search", count=4)
    PageViewCount.objects.create(page=page, date=today, device="desktop", referrer_type="search", count=5)
    old_yes = Feedback.objects.create(page=page, helpful=True)
    old_no = Feedback.objects.create(page=page, helpful=False, comment="Oud")
    Feedback.objects.filter(pk__in=[old_yes.pk, old_no.pk]).update(created_at=timezone.now() - timedelta(days=40))
    recent = Feedback.objects.create(page=page, helpful=False, comment="Nieuw")

    output = StringIO()
    call_command("purge_insight", stdout=output)

    assert list(PageViewCount.objects.values_list("date", "count")) == [(today, 5)]
    monthly = MonthlyPageViews.objects.get(page=page)
    assert (monthly.month, monthly.count) == (old_day.replace(day=1), 7)
    assert list(Feedback.objects.all()) == [recent]
    totals = MonthlyFeedback.objects.get(page=page)
    assert (totals.helpful, totals.not_helpful) == (1, 1)
    assert "2 dagtellers en 2 feedbackberichten" in output.getvalue()

    # Running it again changes nothing: the old rows are gone, the totals are not counted twice.
    call_command("purge_insight", stdout=StringIO())
    assert MonthlyPageViews.objects.get(page=page).count == 7


def test_default_retention_keeps_a_year(services):
    page = services[0]
    kept = timezone.localdate() - timedelta(days=395)
    PageViewCount.objects.create(page=page, date=kept, device="mobile", referrer_type="direct", count=1)
    call_command("purge_insight", stdout=StringIO())
    assert PageViewCount.objects.filter(date=kept).exists()


def test_snapshot_counts_services_with_an_online_channel(services):
    call_command("purge_insight", stdout=StringIO())
    snapshots = ServiceSnapshot.objects.filter(date=timezone.localdate())
    assert sum(s.services for s in snapshots) == ServicePage.objects.live().count()
    expected_online = sum(1 for page in ServicePage.objects.live().specific() if page.online_channel)
    assert sum(s.online for s in snapshots) == expected_online
    assert expected_online > 0
    call_command("purge_insight", stdout=StringIO())  # the same day again: replaced, not doubled
    assert sum(s.services for s in ServiceSnapshot.objects.all()) == ServicePage.objects.live().count()
