"""The search page through HTTP: results, types, snippets, counts, paging, facets, synonyms, best bets, typo help, log."""

import re

import pytest
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from catalog.models import ServicePage
from search.models import SearchQueryLog, Synonym
from search.tests.conftest import slugs

pytestmark = pytest.mark.django_db


def test_result_shows_title_type_highlighted_snippet_and_online(search):
    response = search(q="adreswijziging doorgeven")
    assert response.status_code == 200
    html = response.content.decode()
    assert slugs(response)[0] == "adreswijziging"
    first = html.split('<ol class="service-list search-results"', 1)[1].split("</li>", 1)[0]
    assert "Adreswijziging doorgeven" in first
    assert "Dienst" in first
    assert "online aan te vragen" in first
    assert re.search(r"<mark>[Aa]dreswijziging</mark>|<mark>doorgeven</mark>", first)
    assert re.search(r"\d+ (resultaat|resultaten)</h2>", html)


def test_non_service_pages_have_their_type(search):
    response = search(q="je gaat verhuizen")
    kinds = {result["document"].page.slug: result["kind_label"] for result in response.context["results"]}
    assert kinds["je-gaat-verhuizen"] == "pagina"
    assert kinds["adreswijziging"] == "dienst"


def test_snippet_escapes_page_text(search, demo_site):
    service = ServicePage.objects.get(slug="leefloon")
    service.summary = 'Zwaluwnest <script>alert(1)</script> voor wie 5 < 6 & "ok" vindt.'
    service.save_revision().publish()
    html = search(q="zwaluwnest").content.decode()
    assert "<script>alert(1)" not in html
    assert "5 &lt; 6 &amp; &quot;ok&quot;" in html


def test_query_responses_are_never_cached_publicly(search):
    response = search(q="rijbewijs")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_empty_query_shows_popular_services(search):
    response = search()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Veelgezocht" in html
    assert "Identiteitskaart (eID)" in html


def test_long_query_is_cut_and_said(search):
    response = search(q="identiteitskaart " * 40)
    assert response.status_code == 200
    assert len(response.context["query"].text) <= 200
    assert "eerste 200 tekens" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"eid',
        "eid*",
        "(rijbewijs",
        "rijbewijs:",
        "-rijbewijs",
        "^eid",
        "NEAR(eid kwijt)",
        "eid OR rijbewijs AND",
        "🚗🚗 rijbewijs 😀",
        "rijbewijs\x00\x01\x1b[31m",
        "\u202e\u200b",
        "' OR 1=1 --",
        "%",
        "_",
        "\\",
        "de het een",
        "ß" * 300,
        "a" * 5000,
    ],
)
def test_hostile_queries_give_a_normal_page(search, query):
    response = search(q=query)
    assert response.status_code == 200


def test_fts_syntax_is_treated_as_words(search):
    assert slugs(search(q='"rijbewijs" AND (verlopen)*'))[0] == "rijbewijs"


def test_pagination_says_how_many_and_links_to_next_page(search, settings):
    settings.SEARCH_PAGE_SIZE = 5
    first = search(q="aanvragen")
    total = first.context["total"]
    assert total > 5
    assert f"{total} resultaten" in first.content.decode()
    next_url = first.context["page_urls"]["next"]
    assert "pagina=2" in next_url and "q=aanvragen" in next_url
    second = first.client.get("/zoeken/" + next_url)
    assert second.status_code == 200
    assert set(slugs(second)).isdisjoint(slugs(first))
    assert search(q="aanvragen", pagina="999").status_code == 200
    assert search(q="aanvragen", pagina="abc").status_code == 200


def test_accents_and_case_do_not_matter(search):
    assert slugs(search(q="België NATIONALITEIT"))[:3] == slugs(search(q="belgie nationaliteit"))[:3]


def test_plurals_and_verb_forms_match(search):
    assert slugs(search(q="identiteitskaarten"))[0] == "identiteitskaart"
    assert "adreswijziging" in slugs(search(q="verhuizen"))[:2]
    assert "adreswijziging" in slugs(search(q="verhuis"))[:2]


def test_compound_written_apart_finds_the_compound(search):
    assert slugs(search(q="grof vuil"))[0] == "grofvuil-ophalen"
    assert "bewonerskaart" in slugs(search(q="parkeer kaart"))[:3]


def test_unpublished_and_private_pages_are_not_found(search, demo_site):
    service = ServicePage.objects.get(slug="orgaandonatie")
    service.unpublish()
    assert "orgaandonatie" not in slugs(search(q="orgaandonatie"))
    other = ServicePage.objects.get(slug="wilsverklaring-euthanasie")
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "wilsverklaring-euthanasie" not in slugs(search(q="wilsverklaring euthanasie"))


def test_synonym_added_by_an_editor_applies_at_query_time(search):
    assert "huwelijk" not in slugs(search(q="ondertrouw"))
    Synonym.objects.create(term="Ondertrouw", meaning="huwelijksaangifte")
    assert slugs(search(q="ondertrouw"))[0] == "huwelijk"


def test_best_bets_are_shown_above_results_and_marked(search, demo_site):
    query = Query.get("afval")
    page = Page.objects.get(slug="recyclagepark")
    SearchPromotion.objects.create(query=query, page=page, description="Breng je afval naar het recyclagepark.")
    html = search(q="Afval").content.decode()
    assert "Aanbevolen" in html
    assert html.index("best-bet") < html.index("search-results")
    assert "Breng je afval naar het recyclagepark." in html


def test_facets_have_counts_and_combine_with_the_query(search):
    response = search(q="attest")
    groups = {group["param"]: group for group in response.context["facet_groups"]}
    assert {"type", "thema", "online"} <= set(groups)
    service_value = next(value for value in groups["type"]["values"] if value["label"] == "dienst")
    assert service_value["count"] > 0
    theme = groups["thema"]["values"][0]
    assert "q=attest" in theme["url"] and "thema=" in theme["url"]
    filtered = response.client.get("/zoeken/" + theme["url"])
    assert filtered.status_code == 200
    assert filtered.context["total"] == theme["count"]
    online = groups["online"]["values"][0]
    filtered = response.client.get("/zoeken/" + online["url"])
    assert filtered.context["total"] == online["count"]
    assert all(result["document"].online for result in filtered.context["results"])


def test_unknown_facet_values_are_ignored(search):
    response = search(q="attest", type="<script>", thema="' OR 1=1", online="ja")
    assert response.status_code == 200
    assert response.context["filters"] == {}


def test_typo_in_a_service_title_still_finds_it(search):
    response = search(q="rijbewjis")
    assert response.context["suggestion"] == "rijbewijs"
    assert "rijbewijs" in slugs(response)
    response = search(q="recyclagepak")
    assert slugs(response)[0] == "recyclagepark"
    assert "recyclagepark" in response.content.decode()


def test_no_results_show_the_results_of_the_suggestion(search):
    response = search(q="rijbewjis verlopen")
    assert response.context["suggestion"] == "rijbewijs verlopen"
    assert "Dit zijn de resultaten voor 'rijbewijs verlopen'" in response.content.decode()
    assert slugs(response)[0] == "rijbewijs"


def test_few_results_offer_a_suggestion_link(search):
    response = search(q="euthanasie wilsverklaring formulir")
    assert 0 < response.context["total"] < 3
    assert response.context["suggestion"] == "euthanasie wilsverklaring formulier"
    assert "Bedoelde je" in response.content.decode()


def test_log_keeps_query_count_and_results_without_personal_data(search):
    search(q="  Rijbewijs  ", REMOTE_ADDR="203.0.113.9")
    search(q="rijbewijs")
    row = SearchQueryLog.objects.get(query="rijbewijs")
    assert row.searches == 2
    assert row.results > 0
    field_names = {field.name for field in SearchQueryLog._meta.get_fields()}
    assert field_names == {"id", "date", "query", "searches", "results", "clicks"}


def test_click_counter_redirects_to_internal_pages_only(client, search):
    search(q="rijbewijs")
    page = Page.objects.get(slug="rijbewijs")
    response = client.get("/zoeken/klik/", {"q": "rijbewijs", "naar": page.pk})
    assert response.status_code == 302
    assert response["Location"] == page.url
    assert SearchQueryLog.objects.get(query="rijbewijs").clicks == 1
    for target in ("https://evil.example", "-1", "999999999999", "", "1"):
        response = client.get("/zoeken/klik/", {"q": "rijbewijs", "naar": target})
        assert response.status_code == 302
        assert response["Location"] == "/zoeken/"


def test_result_links_are_real_links_through_the_click_counter(search):
    html = search(q="rijbewijs").content.decode()
    assert re.search(r'<a href="/zoeken/klik/\?q=rijbewijs&amp;naar=\d+">', html)


def test_purge_removes_old_log_days(db):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    SearchQueryLog.objects.create(date=today - timedelta(days=400), query="oud")
    SearchQueryLog.objects.create(date=today, query="nieuw")
    call_command("purge_search_log", days=365, stdout=__import__("io").StringIO())
    left = set(SearchQueryLog.objects.values_list("query", flat=True))
    assert "oud" not in left
    assert "nieuw" in left


def test_rebuild_command_indexes_every_live_page(db, demo_site):
    from io import StringIO

    from search.models import SearchDocument

    call_command("rebuild_search_index", stdout=StringIO())
    assert SearchDocument.objects.count() == Page.objects.live().filter(depth__gt=1).count()
