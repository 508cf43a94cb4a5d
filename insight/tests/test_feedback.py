"""Page feedback through HTTP: the form on the service page, the answer with and without script, the spam protections."""

import pytest
from django.urls import reverse

from insight.models import Feedback
from insight.tests.conftest import ORIGIN

FEEDBACK = reverse("insight:feedback")
COMMENT = reverse("insight:feedback_comment")


def post(client, url, data, **headers):
    headers.setdefault("HTTP_ORIGIN", ORIGIN)
    return client.post(url, data, **headers)


def test_service_page_shows_the_form_without_setting_a_cookie(client, services):
    response = client.get(services[0].url)
    html = response.content.decode()
    assert "Was deze informatie nuttig?" in html
    assert f'action="{FEEDBACK}"' in html
    assert f'name="page" value="{services[0].pk}"' in html
    assert "insight/js/feedback.js" in html
    # No CSRF cookie: the page stays cacheable.
    assert not response.cookies


def test_yes_without_script_thanks_and_stores_no_ip(client, services):
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "ja"})
    assert response.status_code == 200
    assert "Bedankt voor je feedback" in response.content.decode()
    assert "Wat ontbrak er?" not in response.content.decode()
    item = Feedback.objects.get()
    assert item.page_id == services[0].pk and item.helpful is True and item.comment == ""
    field_names = {field.name for field in Feedback._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user_agent", "session"}


def test_no_without_script_asks_for_a_comment_then_stores_it(client, services):
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wat ontbrak er?" in html and "persoonlijke gegevens" in html
    token = response.context["comment_form"].initial["token"]
    response = post(client, COMMENT, {"token": token, "comment": "De openingsuren van het loket."})
    assert response.status_code == 200
    item = Feedback.objects.get()
    assert item.helpful is False and item.comment == "De openingsuren van het loket."
    # The token adds a comment once; a second post does not overwrite it.
    post(client, COMMENT, {"token": token, "comment": "Iets anders"})
    assert Feedback.objects.get().comment == "De openingsuren van het loket."


def test_script_gets_json_with_a_token_after_no(client, services):
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] and data["token"]
    response = post(
        client, COMMENT, {"token": data["token"], "comment": "Een voorbeeld"}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"]
    assert Feedback.objects.get().comment == "Een voorbeeld"


def test_empty_comment_gets_a_dutch_message(client, services):
    token = post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee"}).context["comment_form"].initial["token"]
    response = post(client, COMMENT, {"token": token, "comment": ""})
    assert response.status_code == 400
    assert "Schrijf wat er ontbrak" in response.content.decode()


def test_forged_token_is_refused(client, services):
    post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee"})
    response = post(client, COMMENT, {"token": "1:forged", "comment": "spam"})
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()
    assert Feedback.objects.get().comment == ""


@pytest.mark.parametrize("headers", [{}, {"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_ORIGIN": "null"}])
def test_other_origin_is_refused(client, services, headers):
    response = client.post(FEEDBACK, {"page": services[0].pk, "answer": "ja"}, **headers)
    assert response.status_code == 403
    assert "kon niet verstuurd worden" in response.content.decode()
    assert not Feedback.objects.exists()


def test_referer_of_this_site_is_enough_without_origin(client, services):
    response = client.post(
        FEEDBACK, {"page": services[0].pk, "answer": "ja"}, HTTP_REFERER=f"{ORIGIN}{services[0].url}"
    )
    assert response.status_code == 200
    assert Feedback.objects.count() == 1


def test_honeypot_stores_nothing(client, services):
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee", "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_rate_limit_per_client(client, services, settings):
    for _ in range(20):
        assert post(client, FEEDBACK, {"page": services[0].pk, "answer": "ja"}).status_code == 200
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "ja"})
    assert response.status_code == 429
    assert "Probeer het later opnieuw" in response.content.decode()
    assert Feedback.objects.count() == 20
    # Another client (another address) is not affected.
    assert post(client, FEEDBACK, {"page": services[0].pk, "answer": "ja"}, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_too_long_comment_is_refused(client, services):
    response = post(client, FEEDBACK, {"page": services[0].pk, "answer": "nee", "comment": "x" * 1001})
    assert response.status_code == 400
    assert "maximaal 1000 tekens" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("data", [{"page": "abc", "answer": "ja"}, {"page": 999999, "answer": "ja"}, {"answer": "x"}])
def test_bad_input_gets_a_dutch_message_not_a_500(client, services, data):
    response = post(client, FEEDBACK, data)
    assert response.status_code == 400
    assert "Kies Ja of Nee" in response.content.decode()


def test_get_is_not_allowed(client, db):
    assert client.get(FEEDBACK).status_code == 405


def test_works_on_a_cached_page(client, services, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get(services[0].url)
    response = client.get(services[0].url)
    assert response.headers.get("X-Page-Cache") == "hit"
    assert "Was deze informatie nuttig?" in response.content.decode()
    assert post(client, FEEDBACK, {"page": services[0].pk, "answer": "ja"}).status_code == 200
