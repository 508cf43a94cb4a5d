"""Service pages as citizens see them, and the validation editors get in the admin."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import querydict_from_html

from catalog.models import ServicePage

pytestmark = pytest.mark.django_db


def service(slug):
    return ServicePage.objects.get(slug=slug)


def test_every_demo_service_renders(client, demo_site):
    services = ServicePage.objects.live()
    assert services.count() >= 40
    for page in services:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<h1>{page.title}</h1>" in html.replace("&#x27;", "'").replace("&amp;", "&")
        assert page.summary[:40] in html.replace("&#x27;", "'").replace("&amp;", "&").replace("&quot;", '"')


def test_service_url_is_clean(client, demo_site):
    assert service("identiteitskaart").url == "/producten-en-diensten/identiteitskaart/"


def test_sections_appear_in_the_order_citizens_read_them(client, demo_site):
    html = client.get("/producten-en-diensten/identiteitskaart/").content.decode()
    headings = re.findall(r'<h2 id="([a-z-]+)"', html)
    expected_order = ["wat", "voorwaarden", "procedure", "meebrengen", "kostprijs", "termijnen", "uitzonderingen"]
    present = [heading for heading in headings if heading in expected_order]
    assert present == [heading for heading in expected_order if heading in present]
    assert {"wat", "voorwaarden", "procedure", "meebrengen", "kostprijs", "contact"} <= set(headings)
    assert "€ 23,10" in html
    assert "Laatst bijgewerkt op" in html


def test_online_channel_gives_an_online_button_near_the_top(client, demo_site):
    page = service("adreswijziging")
    online_url = page.online_channel.url
    html = client.get(page.url).content.decode()
    button = html.index("Online aanvragen")
    assert html.index(f'href="{online_url}"') < button
    assert button < html.index('id="wat"')


def test_service_without_online_channel_has_no_online_button(client, demo_site):
    page = service("huwelijk")
    assert page.online_channel is None
    assert "Online aanvragen" not in client.get(page.url).content.decode()


def test_appointment_only_counter_is_said_before_the_content(client, demo_site):
    html = client.get("/producten-en-diensten/identiteitskaart/").content.decode()
    notice = html.index("Aan het loket alleen op afspraak.")
    assert notice < html.index('id="wat"')


def test_empty_sections_are_left_out(client, demo_site):
    page = service("identiteitskaart")
    page.exceptions = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'id="uitzonderingen"' not in html


def test_draft_contact_point_changes_do_not_show(client, demo_site):
    page = service("identiteitskaart")
    contact_point = page.contact_points.first().contact_point
    contact_point.phone = "015 99 99 99"
    contact_point.save_revision()  # a draft, not published
    assert "015 99 99 99" not in client.get(page.url).content.decode()


@pytest.fixture
def editor_client(client, demo_site):
    user = get_user_model().objects.create_superuser("webmaster", "webmaster@mechelen.example", "lang-en-geheim-1")
    client.force_login(user)
    return client


def edit_form_data(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def post_edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_editor_can_save_a_service_unchanged(editor_client):
    page = service("adreswijziging")
    data = edit_form_data(editor_client, page)
    response = post_edit(editor_client, page, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def channel_index(data, code):
    from catalog.models import Concept

    concept = Concept.objects.get(scheme="kanaaltype", code=code)
    for key, value in data.items():
        if key.startswith("channels-") and key.endswith("-channel_type") and value == str(concept.pk):
            return key.split("-")[1]
    raise AssertionError(f"no {code} channel in the form")


def test_online_channel_needs_an_https_url(editor_client):
    page = service("adreswijziging")
    data = edit_form_data(editor_client, page)
    index = channel_index(data, "Online")
    data[f"channels-{index}-url"] = "http://eloket.mechelen.example/adreswijziging"
    response = post_edit(editor_client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gebruik een beveiligd adres dat begint met https://." in html
    assert "http://eloket.mechelen.example/adreswijziging" in html  # what was typed is kept


def test_amount_cannot_be_negative(editor_client):
    page = service("identiteitskaart")
    data = edit_form_data(editor_client, page)
    data["costs-0-amount"] = "-5"
    response = post_edit(editor_client, page, data)
    assert response.status_code == 200
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()


def test_valid_until_cannot_be_before_valid_from(editor_client):
    page = service("premie-groendak")
    data = edit_form_data(editor_client, page)
    data["valid_from"] = "2027-06-01"
    data["valid_until"] = "2027-01-01"
    response = post_edit(editor_client, page, data)
    assert response.status_code == 200
    assert "ligt vóór" in response.content.decode()


def test_summary_is_at_most_500_characters(editor_client):
    page = service("identiteitskaart")
    data = edit_form_data(editor_client, page)
    data["summary"] = "a" * 501
    response = post_edit(editor_client, page, data)
    assert response.status_code == 200
    assert "500" in response.content.decode()
    page.refresh_from_db()
    assert len(page.summary) <= 500


def test_editor_sees_the_tabs_in_the_order_an_editor_thinks(editor_client):
    page = service("identiteitskaart")
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    tabs = re.findall(r'id="tab-label-([a-z0-9_-]+)"', html)
    assert tabs == ["inhoud", "aanvragen", "kosten_en_termijnen", "classificatie", "publicatie"]


def json_ld_blocks(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_service_page_has_government_service_json_ld(client, demo_site):
    html = client.get("/producten-en-diensten/identiteitskaart/").content.decode()
    services = [block for block in json_ld_blocks(html) if block.get("@type") == "GovernmentService"]
    assert len(services) == 1
    data = services[0]
    assert data["name"] == "Identiteitskaart (eID)"
    assert data["areaServed"]["name"] == "Mechelen"
    assert data["provider"]["@type"] == "GovernmentOrganization"
    assert {"price": "23.10", "priceCurrency": "EUR"}.items() <= data["offers"][0].items()
    assert data["availableChannel"]


def test_every_service_json_ld_parses(client, demo_site):
    for page in ServicePage.objects.live():
        blocks = json_ld_blocks(client.get(page.url).content.decode())
        assert any(block.get("@type") == "GovernmentService" for block in blocks), page.url


def test_counter_channel_links_to_its_location_with_opening_state(client, demo_site):
    html = client.get("/producten-en-diensten/identiteitskaart/").content.decode()
    assert (
        '<strong>Aan het loket</strong>: <a href="/locaties/huis-van-de-mechelaar/">Huis van de Mechelaar</a>' in html
    )
    assert "data-opening-hours=" in html


def test_location_page_lists_the_services_offered_there(client, demo_site):
    html = client.get("/locaties/huis-van-de-mechelaar/").content.decode()
    assert 'href="/producten-en-diensten/identiteitskaart/"' in html
    assert 'href="/producten-en-diensten/afvalophaling/"' not in html
