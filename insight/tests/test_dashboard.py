"""The "Inzicht" dashboard: permissions per department, the charts with their tables, CSV export, the period form."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from insight.dashboard import search_log_model
from insight.models import Feedback, PageViewCount

DASHBOARD = reverse("insight_dashboard")


@pytest.fixture
def figures(services):
    today = timezone.localdate()
    first, second = services
    PageViewCount.objects.create(page=first, date=today, device="mobile", referrer_type="direct", count=7)
    PageViewCount.objects.create(page=second, date=today, device="desktop", referrer_type="search", count=3)
    Feedback.objects.create(page=first, helpful=False, comment="Formulier onvindbaar")
    Feedback.objects.create(page=second, helpful=False, comment="Prijs ontbreekt")
    return services


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_user_without_department_is_refused(client, db, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("iemand", "iemand@mechelen.example", "wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(DASHBOARD).status_code in {302, 403}


def test_editor_sees_own_department_only(client, figures, editors):
    first, second = figures
    client.force_login(editors[0])
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert first.title in html and "Formulier onvindbaar" in html
    assert second.title not in html and "Prijs ontbreekt" not in html
    views = next(chart for chart in response.context["charts"] if chart.slug == "weergaven-per-dag")
    assert views.rows[-1] == (timezone.localdate().isoformat(), 7)


def test_webmaster_sees_everything_and_the_menu_item(client, figures, webmaster):
    client.force_login(webmaster)
    response = client.get(DASHBOARD)
    views = next(chart for chart in response.context["charts"] if chart.slug == "weergaven-per-dag")
    assert views.rows[-1][1] == 10
    html = response.content.decode()
    assert figures[0].title in html and figures[1].title in html
    assert DASHBOARD in client.get(reverse("wagtailadmin_home")).content.decode()


def test_feedback_worst_first(client, figures, webmaster):
    Feedback.objects.create(page=figures[1], helpful=True)
    client.force_login(webmaster)
    chart = next(c for c in client.get(DASHBOARD).context["charts"] if c.slug == "feedback-per-dienst")
    assert [row[0] for row in chart.rows] == [figures[0].title, figures[1].title]
    assert [row[1] for row in chart.rows] == [100, 50]


def test_csv_export(client, figures, editors):
    client.force_login(editors[0])
    response = client.get(DASHBOARD, {"csv": "top-diensten"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Dienst", "Weergaven"], [figures[0].title, "7"]]
    assert client.get(DASHBOARD, {"csv": "bestaat-niet"}).status_code == 404


def test_overdue_services(client, figures, webmaster):
    page = figures[0]
    page.review_date = timezone.localdate().replace(year=2020)
    page.save_revision().publish()
    client.force_login(webmaster)
    chart = next(c for c in client.get(DASHBOARD).context["charts"] if c.slug == "te-herzien")
    assert (page.title, page.review_date.isoformat(), page.department.name) in chart.rows


def test_bad_period_gets_a_dutch_message(client, figures, webmaster):
    client.force_login(webmaster)
    response = client.get(DASHBOARD, {"start": "2026-05-01", "end": "2026-04-01"})
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = client.get(DASHBOARD, {"start": "geen datum", "end": ""})
    assert response.status_code == 200


def test_search_charts(client, figures, webmaster):
    model = search_log_model()
    if model is None:
        pytest.skip("search.models.SearchQueryLog does not exist on this branch yet")
    today = timezone.localdate()
    model.objects.create(date=today, query="parkeerkaart", searches=5, results=3, clicks=2)
    model.objects.create(date=today, query="hondenpenning", searches=2, results=0, clicks=0)
    client.force_login(webmaster)
    charts = {c.slug: c for c in client.get(DASHBOARD).context["charts"]}
    assert charts["top-zoekopdrachten"].rows[0] == ("parkeerkaart", 5)
    assert charts["zonder-resultaat"].rows == [("hondenpenning", 2)]
