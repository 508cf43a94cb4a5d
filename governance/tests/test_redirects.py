"""Redirects: automatic on a slug change, and the import of the old site's URLs from CSV (admin and command)."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import querydict_from_html

from catalog.models import ServicePage

pytestmark = pytest.mark.django_db


def test_slug_change_creates_a_redirect(client, webmaster_client, own_service, django_capture_on_commit_callbacks):
    old_url = own_service.url
    html = webmaster_client.get(f"/admin/pages/{own_service.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["slug"] = "nieuwe-naam"
    data["action-publish"] = "action-publish"
    # Wagtail sends page_slug_changed once the transaction commits; tests run inside one that never does.
    with django_capture_on_commit_callbacks(execute=True):
        assert webmaster_client.post(f"/admin/pages/{own_service.pk}/edit/", data).status_code == 302
    new_url = ServicePage.objects.get(pk=own_service.pk).url
    assert new_url.endswith("/nieuwe-naam/")
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(new_url)
    assert client.get(new_url).status_code == 200


def assert_old_url_leads_to_the_service(client):
    response = client.get("/prod-identiteitskaart-belg", follow=True)
    assert response.redirect_chain[-1] == ("https://www.mechelen.example/producten-en-diensten/identiteitskaart/", 301)


# Wagtail's import wants a full URL with a domain as target: the site's public address.
OLD_SITE_CSV = (
    b"van,naar\n/prod-identiteitskaart-belg,https://www.mechelen.example/producten-en-diensten/identiteitskaart/\n"
)


def test_old_site_urls_import_in_the_admin(client, webmaster_client, demo_site):
    upload = SimpleUploadedFile("oude-site.csv", OLD_SITE_CSV, content_type="text/csv")
    response = webmaster_client.post("/admin/redirects/import/", {"import_file": upload, "input_format": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    forms = BeautifulSoup(html, "html.parser").find_all("form")
    index = next(i for i, form in enumerate(forms) if form.get("action", "").endswith("/redirects/import/process/"))
    post = querydict_from_html(html, form_index=index)
    post["from_index"] = "0"
    post["to_index"] = "1"
    post["permanent"] = "on"  # the webmaster keeps "permanent" ticked: search engines move to the new address
    response = webmaster_client.post("/admin/redirects/import/process/", post)
    assert response.status_code in (200, 302)
    assert Redirect.objects.filter(old_path="/prod-identiteitskaart-belg").exists()
    assert_old_url_leads_to_the_service(client)


def test_old_site_urls_import_with_the_command(client, demo_site, tmp_path):
    source = tmp_path / "oude-site.csv"
    source.write_bytes(OLD_SITE_CSV)
    call_command("import_redirects", src=str(source), format="csv", stdout=StringIO())
    assert_old_url_leads_to_the_service(client)
