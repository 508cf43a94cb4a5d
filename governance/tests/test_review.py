"""Review dates: the default after publication, and the daily reminder e-mail per department."""

from datetime import date, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from catalog.models import Department, ServicePage
from governance.models import ReviewReminder
from governance.signals import months_later

pytestmark = pytest.mark.django_db

TODAY = date(2027, 3, 1)


def run(*args):
    out = StringIO()
    call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_months_later_keeps_the_day_or_takes_the_last_day_of_the_month():
    assert months_later(date(2026, 11, 28), 12) == date(2027, 11, 28)
    assert months_later(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert months_later(date(2026, 12, 31), 2) == date(2027, 2, 28)


@time_machine.travel("2027-03-01 10:00 +0100", tick=False)
def test_publishing_without_a_review_date_sets_one_a_year_later(own_service):
    page = ServicePage.objects.get(pk=own_service.pk)
    page.review_date = None
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_date == date(2028, 3, 1)
    assert page.get_latest_revision().content["review_date"] == "2028-03-01"


def test_publishing_keeps_a_chosen_review_date(own_service):
    page = ServicePage.objects.get(pk=own_service.pk)
    page.review_date = date(2030, 1, 15)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_date == date(2030, 1, 15)


@pytest.fixture
def due_services(burgerzaken, economie):
    """Two overdue or due services for Burgerzaken, one due for Economie, and every other service far away."""
    ServicePage.objects.update(review_date=TODAY + timedelta(days=400))
    burgerzaken_services = list(ServicePage.objects.live().filter(department=burgerzaken).order_by("pk")[:3])
    ServicePage.objects.filter(pk=burgerzaken_services[0].pk).update(review_date=TODAY - timedelta(days=10))
    ServicePage.objects.filter(pk=burgerzaken_services[1].pk).update(review_date=TODAY + timedelta(days=30))
    ServicePage.objects.filter(pk=burgerzaken_services[2].pk).update(review_date=TODAY + timedelta(days=31))
    economie_service = ServicePage.objects.live().filter(department=economie).first()
    ServicePage.objects.filter(pk=economie_service.pk).update(review_date=TODAY + timedelta(days=5))
    Department.objects.filter(pk=burgerzaken.pk).update(email="burgerzaken@mechelen.example")
    Department.objects.filter(pk=economie.pk).update(email="economie@mechelen.example")
    return burgerzaken_services, economie_service


def test_reminders_go_once_per_department_per_day(due_services):
    (overdue, due_soon, later), economie_service = due_services
    mail.outbox.clear()
    run("--date", TODAY.isoformat())
    run("--date", TODAY.isoformat())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "burgerzaken@mechelen.example",
        "economie@mechelen.example",
    ]
    assert ReviewReminder.objects.filter(date=TODAY).count() == 2
    burgerzaken_mail = next(message for message in mail.outbox if message.to == ["burgerzaken@mechelen.example"])
    assert burgerzaken_mail.subject == "Burgerzaken: 2 diensten om na te kijken"
    assert overdue.title in burgerzaken_mail.body
    assert due_soon.title in burgerzaken_mail.body
    assert later.title not in burgerzaken_mail.body
    assert f"http://testserver/admin/pages/{overdue.pk}/edit/" in burgerzaken_mail.body
    economie_mail = next(message for message in mail.outbox if message.to == ["economie@mechelen.example"])
    assert economie_service.title in economie_mail.body
    assert burgerzaken_mail.body.index("Te laat") < burgerzaken_mail.body.index(overdue.title)


def test_reminders_go_again_the_next_day(due_services):
    mail.outbox.clear()
    run("--date", TODAY.isoformat())
    run("--date", (TODAY + timedelta(days=1)).isoformat())
    assert len(mail.outbox) == 4


def test_department_without_address_reminds_its_editors(due_services, burgerzaken, editor):
    Department.objects.filter(pk=burgerzaken.pk).update(email="")
    mail.outbox.clear()
    run("--date", TODAY.isoformat())
    assert [editor.email] in [message.to for message in mail.outbox]


def test_a_bad_date_gets_a_clear_message():
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        run("--date", "1 maart")
