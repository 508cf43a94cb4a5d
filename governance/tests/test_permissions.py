"""Department ownership through the admin: what a Redacteur, a Goedkeurder and a Webmaster can do, view by view."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from catalog.models import Concept, ServiceIndexPage, ServicePage

pytestmark = pytest.mark.django_db


def edit_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def refused(response):
    """Wagtail refuses with 403, or with a redirect to the admin home and "you do not have permission"."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def refreshed(page):
    return ServicePage.objects.get(pk=page.pk)


# The edit, publish, delete and unpublish views


def test_editor_opens_own_department_service(editor_client, own_service):
    assert editor_client.get(f"/admin/pages/{own_service.pk}/edit/").status_code == 200


def test_editor_gets_403_on_other_department_edit(editor_client, other_service):
    assert refused(editor_client.get(f"/admin/pages/{other_service.pk}/edit/"))


def test_editor_cannot_save_other_department_service(editor_client, webmaster_client, other_service):
    data = edit_form(webmaster_client, other_service)
    data["summary"] = "Gewijzigd door een andere afdeling."
    assert refused(editor_client.post(f"/admin/pages/{other_service.pk}/edit/", data))
    assert refreshed(other_service).get_latest_revision().content["summary"] != "Gewijzigd door een andere afdeling."


def test_editor_gets_403_on_other_department_publish(editor_client, webmaster_client, other_service):
    data = edit_form(webmaster_client, other_service)
    data["summary"] = "Gepubliceerd door een andere afdeling."
    data["action-publish"] = "action-publish"
    assert refused(editor_client.post(f"/admin/pages/{other_service.pk}/edit/", data))
    assert refreshed(other_service).summary != "Gepubliceerd door een andere afdeling."


def test_editor_gets_403_on_other_department_delete(editor_client, other_service):
    assert refused(editor_client.get(f"/admin/pages/{other_service.pk}/delete/"))
    assert refused(editor_client.post(f"/admin/pages/{other_service.pk}/delete/"))
    assert ServicePage.objects.filter(pk=other_service.pk).exists()


def test_editor_gets_403_on_other_department_unpublish(editor_client, other_service):
    assert refused(editor_client.post(f"/admin/pages/{other_service.pk}/unpublish/"))
    assert refreshed(other_service).live


def test_editor_cannot_publish_own_service(editor_client, own_service):
    data = edit_form(editor_client, own_service)
    html = editor_client.get(f"/admin/pages/{own_service.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html
    data["summary"] = "Een nieuwe samenvatting van de redacteur."
    data["action-publish"] = "action-publish"
    editor_client.post(f"/admin/pages/{own_service.pk}/edit/", data)
    page = refreshed(own_service)
    assert page.summary != "Een nieuwe samenvatting van de redacteur."  # the live page did not change
    assert page.get_latest_revision().content["summary"] == "Een nieuwe samenvatting van de redacteur."  # a draft


def test_editor_cannot_delete_own_live_service(editor_client, own_service):
    assert refused(editor_client.post(f"/admin/pages/{own_service.pk}/delete/"))
    assert ServicePage.objects.filter(pk=own_service.pk).exists()


def test_editor_cannot_edit_the_services_folder(editor_client, demo_site):
    index = ServiceIndexPage.objects.get()
    assert refused(editor_client.get(f"/admin/pages/{index.pk}/edit/"))


def test_editor_creates_a_service_for_own_department_only(editor_client, burgerzaken, economie):
    index = ServiceIndexPage.objects.get()
    url = f"/admin/pages/add/catalog/servicepage/{index.pk}/"
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{burgerzaken.pk}"' in html
    assert f'<option value="{economie.pk}"' not in html


def test_approver_publishes_own_department_service(approver_client, own_service):
    data = edit_form(approver_client, own_service)
    data["summary"] = "Goedgekeurd en gepubliceerd."
    data["action-publish"] = "action-publish"
    response = approver_client.post(f"/admin/pages/{own_service.pk}/edit/", data)
    assert response.status_code == 302
    assert refreshed(own_service).summary == "Goedgekeurd en gepubliceerd."


def test_approver_gets_403_on_other_department(approver_client, other_service):
    assert refused(approver_client.get(f"/admin/pages/{other_service.pk}/edit/"))
    assert refused(approver_client.post(f"/admin/pages/{other_service.pk}/unpublish/"))


def test_webmaster_edits_every_department(webmaster_client, own_service, other_service):
    for page in (own_service, other_service):
        assert webmaster_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    index = ServiceIndexPage.objects.get()
    assert webmaster_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200


def test_webmaster_reaches_users_redirects_and_workflows(webmaster_client):
    for url in ("/admin/users/", "/admin/groups/", "/admin/redirects/", "/admin/workflows/list/"):
        assert webmaster_client.get(url).status_code == 200, url


def test_editor_does_not_reach_users_or_redirects(editor_client):
    for url in ("/admin/users/", "/admin/redirects/"):
        response = editor_client.get(url)
        assert response.status_code in (302, 403), url


# Listings, search, bulk actions and the admin API


def test_explorer_lists_only_own_department_services(editor_client, burgerzaken, own_service, other_service):
    index = ServiceIndexPage.objects.get()
    response = editor_client.get(f"/admin/pages/{index.pk}/", {"p": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/pages/{own_service.pk}/edit/" in html
    assert f"/admin/pages/{other_service.pk}/" not in html


def test_admin_search_does_not_reach_other_departments(editor_client, own_service, other_service):
    for page, found in ((own_service, True), (other_service, False)):
        response = editor_client.get("/admin/pages/search/", {"q": page.title})
        assert response.status_code == 200
        assert (f"/admin/pages/{page.pk}/edit/" in response.content.decode()) is found, page.title


def test_admin_api_lists_only_own_department_services(editor_client, burgerzaken):
    index = ServiceIndexPage.objects.get()
    ids = set()
    for offset in range(0, 60, 20):
        response = editor_client.get("/admin/api/main/pages/", {"child_of": index.pk, "offset": offset})
        assert response.status_code == 200
        ids |= {item["id"] for item in response.json()["items"]}
    assert ids == set(ServicePage.objects.filter(department=burgerzaken).values_list("pk", flat=True))


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete"])
def test_bulk_actions_refuse_other_department_services(editor_client, approver_client, other_service, action):
    for client in (editor_client, approver_client):
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={other_service.pk}"
        response = client.get(url)
        assert response.status_code == 200
        assert response.context["items"] == []
        assert [item["item"].pk for item in response.context["items_with_no_access"]] == [other_service.pk]
        client.post(url)
        page = ServicePage.objects.filter(pk=other_service.pk).first()
        assert page is not None and page.live


def test_bulk_unpublish_works_for_approver_on_own_department(approver_client, own_service):
    url = f"/admin/bulk/wagtailcore/page/unpublish/?id={own_service.pk}"
    assert [item["item"].pk for item in approver_client.get(url).context["items"]] == [own_service.pk]
    approver_client.post(url)
    assert not refreshed(own_service).live


def test_editor_cannot_give_a_service_to_another_department(editor_client, own_service, burgerzaken, economie):
    data = edit_form(editor_client, own_service)
    data["department"] = str(economie.pk)
    response = editor_client.post(f"/admin/pages/{own_service.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with an error
    assert "department" in response.context["form"].errors
    assert refreshed(own_service).get_latest_revision().content["department"] == burgerzaken.pk


def test_editor_creates_a_draft_service_and_keeps_editing_it(editor, editor_client, burgerzaken):
    index = ServiceIndexPage.objects.get()
    url = f"/admin/pages/add/catalog/servicepage/{index.pk}/"
    data = querydict_from_html(editor_client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Buurtfeest aanvragen"
    data["slug"] = "buurtfeest-aanvragen"
    data["summary"] = "Je organiseert een buurtfeest op straat."
    data["department"] = str(burgerzaken.pk)
    data["channels-0-channel_type"] = str(Concept.objects.get(scheme="kanaaltype", code="Loket").pk)
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ServicePage.objects.get(slug="buurtfeest-aanvragen")
    assert not page.live
    assert page.owner == editor and page.department == burgerzaken
    assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
