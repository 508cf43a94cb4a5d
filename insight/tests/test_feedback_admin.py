"""The feedback list in the admin and the daily digest: each department sees and gets only its own services' feedback."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from insight.models import Feedback, FeedbackDigest
from insight.tests.conftest import ORIGIN

LIST = reverse("wagtailsnippets_insight_feedback:list")


def give_no_with_comment(client, page, comment):
    response = client.post(
        reverse("insight:feedback"), {"page": page.pk, "answer": "nee", "comment": comment}, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 200
    return Feedback.objects.get(comment=comment)


def test_no_with_comment_reaches_its_department_only(client, services, editors):
    first, second = services
    give_no_with_comment(client, first, "Het formulier ontbreekt")
    give_no_with_comment(client, second, "Geen prijs vermeld")

    client.force_login(editors[0])
    html = client.get(LIST).content.decode()
    assert "Het formulier ontbreekt" in html
    assert "Geen prijs vermeld" not in html

    client.force_login(editors[1])
    html = client.get(LIST).content.decode()
    assert "Geen prijs vermeld" in html
    assert "Het formulier ontbreekt" not in html


def test_webmaster_sees_everything(client, services, webmaster):
    give_no_with_comment(client, services[0], "Eerste opmerking")
    give_no_with_comment(client, services[1], "Tweede opmerking")
    client.force_login(webmaster)
    html = client.get(LIST).content.decode()
    assert "Eerste opmerking" in html and "Tweede opmerking" in html


def test_user_without_department_has_no_access(client, services, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("iemand", "iemand@mechelen.example", "wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(LIST).status_code in {302, 403}


def test_filter_by_answer(client, services, webmaster):
    give_no_with_comment(client, services[0], "Niet goed")
    client.post(
        reverse("insight:feedback"),
        {"page": services[0].pk, "answer": "ja", "comment": "Heel goed"},
        HTTP_ORIGIN=ORIGIN,
    )
    client.force_login(webmaster)
    html = client.get(LIST, {"helpful": "False"}).content.decode()
    assert "Niet goed" in html and "Heel goed" not in html


def test_editor_marks_own_feedback_handled_but_cannot_open_another(client, services, editors):
    own = give_no_with_comment(client, services[0], "Eigen opmerking")
    other = give_no_with_comment(client, services[1], "Andere opmerking")
    client.force_login(editors[0])
    edit = reverse("wagtailsnippets_insight_feedback:edit", args=[own.pk])
    response = client.post(edit, {"handled": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    own.refresh_from_db()
    assert own.handled and own.comment == "Eigen opmerking"
    response = client.get(reverse("wagtailsnippets_insight_feedback:edit", args=[other.pk]))
    assert response.status_code in {302, 403, 404}
    html = client.get(LIST, {"handled": "false"}).content.decode()
    assert "Eigen opmerking" not in html


def test_digest_goes_to_the_own_department_once_a_day(client, services, editors):
    first, second = services
    give_no_with_comment(client, first, "Het formulier ontbreekt")
    give_no_with_comment(client, second, "Geen prijs vermeld")
    client.post(reverse("insight:feedback"), {"page": first.pk, "answer": "ja"}, HTTP_ORIGIN=ORIGIN)  # no comment

    call_command("send_feedback_digest", stdout=StringIO())
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {first.department.email, second.department.email}
    assert "Het formulier ontbreekt" in by_recipient[first.department.email].body
    assert "Geen prijs vermeld" not in by_recipient[first.department.email].body
    assert "Geen prijs vermeld" in by_recipient[second.department.email].body
    assert FeedbackDigest.objects.get(department=first.department).comment_count == 1

    # Idempotent: a second run the same day sends nothing, even with a new comment (that waits for tomorrow).
    give_no_with_comment(client, first, "Nog iets")
    call_command("send_feedback_digest", stdout=StringIO())
    assert len(mail.outbox) == 2
    assert Feedback.objects.get(comment="Nog iets").digest is None


def test_bulk_mark_as_handled_only_touches_own_department(client, services, editors):
    own = give_no_with_comment(client, services[0], "Eigen opmerking")
    other = give_no_with_comment(client, services[1], "Andere opmerking")
    client.force_login(editors[0])
    url = reverse("wagtail_bulk_action", args=["insight", "feedback", "mark_handled"])
    query = f"?id={own.pk}&id={other.pk}&next={LIST}"
    response = client.get(url + query)
    assert response.status_code == 200
    assert "Eigen opmerking" in response.content.decode()
    response = client.post(url + query)
    assert response.status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.handled and not other.handled
