"""The search page's number of SQL queries does not depend on how many pages match or exist."""

import pytest

pytestmark = pytest.mark.django_db

# View restrictions (1, for public pages), synonyms (1), ranking (1), documents of the result page (1), Wagtail's site
# and page lookups for the result URLs (3, once per request), best bets (1), thema and doelgroep facets (2), log upsert (2).
SEARCH_QUERIES = 13


@pytest.mark.parametrize("query", ["rijbewijs", "aanvragen", "attest gezin", "afval"])
def test_search_page_query_count(client, demo_site, django_assert_num_queries, query):
    client.get("/zoeken/", {"q": "opwarmen"})  # the site root paths are cached, as on a running site
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get("/zoeken/", {"q": query})
    assert response.context["total"] >= 3


def test_few_results_add_one_query_for_the_suggestion(client, demo_site, django_assert_num_queries):
    client.get("/zoeken/", {"q": "opwarmen"})
    with django_assert_num_queries(SEARCH_QUERIES + 1):
        response = client.get("/zoeken/", {"q": "identiteitskaart verloren"})
    assert 0 < response.context["total"] < 3


def test_autocomplete_query_count(client, demo_site, django_assert_num_queries):
    client.get("/zoeken/suggesties/", {"q": "op"})  # the site root paths are cached, as on a running site
    with django_assert_num_queries(2):  # view restrictions, suggestions
        client.get("/zoeken/suggesties/", {"q": "rij"})
