"""The governance panel on the admin home, per role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalog.models import ServicePage

pytestmark = pytest.mark.django_db


def panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.context, response.content.decode()


def test_editor_sees_own_department_work(editor_client, own_service, other_service):
    today = timezone.localdate()
    ServicePage.objects.filter(pk=own_service.pk).update(review_date=today - timedelta(days=3))
    ServicePage.objects.filter(pk=other_service.pk).update(review_date=today - timedelta(days=3))
    _, html = panel(editor_client)
    assert 'data-list="overdue"' in html
    section = html[html.index('data-list="overdue"') : html.index('data-list="due-soon"')]
    assert f"/admin/pages/{own_service.pk}/edit/" in section
    assert f"/admin/pages/{other_service.pk}/edit/" not in section


def test_headline_figures(editor_client):
    today = timezone.localdate()
    live = ServicePage.objects.live()
    ServicePage.objects.update(review_date=today + timedelta(days=100))
    first_four = list(live.order_by("pk").values_list("pk", flat=True)[:4])
    ServicePage.objects.filter(pk__in=first_four).update(review_date=today - timedelta(days=1))
    online = sum(1 for page in live if page.online_channel)  # the page's own notion of "can be done online"
    assert 0 < online < live.count()
    _, html = panel(editor_client)
    total = live.count()
    assert f'<dd data-figure="live">{total}</dd>' in html
    assert f'<dd data-figure="online">{round(100 * online / total)}%</dd>' in html
    assert f'<dd data-figure="overdue">{round(100 * 4 / total)}%</dd>' in html
