"""The read-only JSON API at /api/v2/."""

import pytest

from catalog.models import ServicePage

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_services_listing_has_classification_as_codes_and_labels(client, demo_site):
    data = get(client, "/api/v2/services/", limit=100)
    assert data["meta"]["total_count"] == ServicePage.objects.live().public().count()
    item = next(item for item in data["items"] if item["title"] == "Identiteitskaart (eID)")
    theme = item["themes"][0]
    assert set(theme) == {"code", "label_nl", "label_en", "uri"}
    assert theme["uri"].startswith("https://productencatalogus.data.vlaanderen.be/id/concept/Thema/")
    assert item["summary"]
    assert item["meta"]["detail_url"].endswith(f"/api/v2/services/{item['id']}/")


def test_service_detail_has_its_fields(client, demo_site):
    service = ServicePage.objects.live().get(external_id="identiteitskaart")
    data = get(client, f"/api/v2/services/{service.pk}/")
    assert data["external_id"] == "identiteitskaart"
    assert data["channels"] and data["channels"][0]["channel_type"]["code"]
    assert data["processing_time"] is None or data["processing_time"].startswith("P")
    assert isinstance(data["keywords"], list)
    assert data["competent_authority"]["ovo_id"].startswith("OVO")


@pytest.mark.parametrize(
    ("parameter", "field", "code"),
    [
        ("thema", "themes", "BurgerOverheid"),
        ("doelgroep", "audiences", "Onderneming"),
        ("type", "product_type", "Bewijs"),
    ],
)
def test_filters_by_classification(client, demo_site, parameter, field, code):
    data = get(client, "/api/v2/services/", **{parameter: code, "limit": 100})
    expected = ServicePage.objects.live().public().filter(**{f"{field}__code": code}).distinct().count()
    assert expected > 0
    assert data["meta"]["total_count"] == expected
    for item in data["items"]:
        values = item[field] if isinstance(item[field], list) else [item[field]]
        assert code in {value["code"] for value in values}


def test_unknown_filter_code_is_a_clear_400(client, demo_site):
    response = client.get("/api/v2/services/", {"thema": "Bestaatniet"})
    assert response.status_code == 400
    assert "onbekende code" in response.json()["message"]


def test_drafts_are_not_in_the_api(client, demo_site):
    service = ServicePage.objects.live().get(external_id="identiteitskaart")
    service.unpublish()
    assert client.get(f"/api/v2/services/{service.pk}/").status_code == 404
    titles = {item["title"] for item in get(client, "/api/v2/services/", limit=100)["items"]}
    assert service.title not in titles


def test_pages_and_images_endpoints(client, demo_site):
    pages = get(client, "/api/v2/pages/", type="catalog.ServicePage", fields="summary")
    assert pages["meta"]["total_count"] == ServicePage.objects.live().public().count()
    assert "summary" in pages["items"][0]
    # In the generic listing too, a service links to its own endpoint, which has all its fields.
    assert pages["items"][0]["meta"]["detail_url"].endswith(f"/api/v2/services/{pages['items'][0]['id']}/")
    assert client.get("/api/v2/images/").status_code == 200


def test_service_channels_link_to_the_demo_locations(client, demo_site):
    service = ServicePage.objects.live().get(external_id="identiteitskaart")
    channels = get(client, f"/api/v2/services/{service.pk}/")["channels"]
    linked = [channel for channel in channels if channel["location"]]
    assert linked
    for channel in linked:
        location = channel["location"]
        assert location["detail_url"].endswith(f"/api/v2/locations/{location['id']}/")
        assert location["title"] == channel["location_text"]
        assert get(client, f"/api/v2/locations/{location['id']}/")["title"] == location["title"]


def test_the_api_is_read_only(client, demo_site):
    assert client.post("/api/v2/services/", {}).status_code == 405
    service = ServicePage.objects.live().first()
    assert client.delete(f"/api/v2/services/{service.pk}/").status_code == 405


def test_listing_queries_are_pinned(client, demo_site, django_assert_max_num_queries):
    """One query per prefetched relation, never one per service: 45 services with every field in at most 22 queries."""
    with django_assert_max_num_queries(22):
        data = get(client, "/api/v2/services/", limit=45, fields="*")
    assert len(data["items"]) == 45
