"""The search report in the admin, and the one-click way from a failed search to a synonym or a best bet."""

import re
from html import unescape

import pytest

from search.tests.conftest import slugs

pytestmark = pytest.mark.django_db


def test_zero_result_query_in_report_and_synonym_from_it_fixes_the_search(admin_client, search):
    response = search(q="Ondertrouw")
    assert response.context["total"] == 0

    report = admin_client.get("/admin/zoekrapport/")
    assert report.status_code == 200
    html = report.content.decode()
    zero_section = html.split('id="geen-resultaten"', 1)[1].split("</section>", 1)[0]
    assert "ondertrouw" in zero_section
    link = unescape(re.search(r'href="([^"]*snippets/search/synonym/add/[^"]*)"', zero_section).group(1))
    assert "term=ondertrouw" in link

    form = admin_client.get(link)
    assert form.status_code == 200
    assert 'value="ondertrouw"' in form.content.decode()
    created = admin_client.post(link, {"term": "ondertrouw", "meaning": "huwelijksaangifte"})
    assert created.status_code == 302

    assert slugs(search(q="Ondertrouw"))[0] == "huwelijk"


def test_best_bet_link_prefills_the_promotion_form(admin_client, search):
    search(q="zwemmen")
    html = admin_client.get("/admin/zoekrapport/").content.decode()
    link = unescape(re.search(r'href="(/admin/zoekrapport/aanbevolen-toevoegen/\?q=zwemmen)"', html).group(1))
    form = admin_client.get(link)
    assert form.status_code == 200
    assert 'value="zwemmen"' in form.content.decode()


def test_no_click_report(admin_client, search, client):
    search(q="rijbewijs")
    search(q="reispas")
    from wagtail.models import Page

    client.get("/zoeken/klik/", {"q": "reispas", "naar": Page.objects.get(slug="reispas").pk})
    html = admin_client.get("/admin/zoekrapport/?dagen=7").content.decode()
    no_clicks = html.split('id="geen-kliks"', 1)[1].split("</section>", 1)[0]
    assert "rijbewijs" in no_clicks
    assert "reispas" not in no_clicks
    popular = html.split('id="populair"', 1)[1].split("</section>", 1)[0]
    assert "reispas" in popular


def test_report_needs_permission(client, django_user_model, demo_site):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redacteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/zoekrapport/").status_code in (302, 403)
