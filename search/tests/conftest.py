"""Helpers for the search tests."""

import pytest


@pytest.fixture
def search(client, demo_site):
    """GET the search page with the given parameters; returns the response."""

    def get(**params):
        return client.get("/zoeken/", params)

    return get


def slugs(response):
    return [result["document"].page.slug for result in response.context["results"]]
