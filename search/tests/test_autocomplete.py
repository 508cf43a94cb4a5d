"""The autocomplete endpoint: service titles and keywords by prefix, as JSON."""

import pytest

pytestmark = pytest.mark.django_db


def test_titles_by_prefix(client, demo_site):
    data = client.get("/zoeken/suggesties/", {"q": "identi"}).json()
    titles = [item["title"] for item in data["suggestions"]]
    assert "Identiteitskaart (eID)" in titles
    assert all(item["url"].startswith("/") for item in data["suggestions"])


def test_keywords_by_prefix(client, demo_site):
    data = client.get("/zoeken/suggesties/", {"q": "Contain"}).json()
    assert "Recyclagepark (containerpark)" in [item["title"] for item in data["suggestions"]]


def test_short_or_empty_query_gives_nothing(client, demo_site):
    for query in ("", "a", "🚗", "\x00"):
        response = client.get("/zoeken/suggesties/", {"q": query})
        assert response.status_code == 200
        assert response.json()["suggestions"] == []


def test_at_most_eight(client, demo_site):
    assert len(client.get("/zoeken/suggesties/", {"q": "re"}).json()["suggestions"]) <= 8
