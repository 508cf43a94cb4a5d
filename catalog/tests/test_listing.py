"""The A to Z index, its filters with counts, and the theme and life-event pages."""

import re

import pytest
from django.db.models import Q

from catalog.models import Concept, LifeEventPage, ServicePage, ThemePage

pytestmark = pytest.mark.django_db

INDEX = "/producten-en-diensten/"


def listed_titles(html):
    return re.findall(r'<h3><a href="/producten-en-diensten/[^"]+/">([^<]+)</a></h3>', html)


def results_count(html):
    return int(re.search(r'<h2 id="resultaten" class="results-count">(\d+) dienst', html).group(1))


def test_index_lists_all_live_services_a_to_z_paginated(client, demo_site, settings):
    live = ServicePage.objects.live().count()
    settings.CATALOG_PAGE_SIZE = 20
    first = client.get(INDEX).content.decode()
    assert results_count(first) == live
    titles = listed_titles(first)
    assert len(titles) == 20
    assert titles == sorted(titles, key=str.lower)
    second = client.get(INDEX + "?pagina=2").content.decode()
    assert listed_titles(second)[0].lower() >= titles[-1].lower()


def test_unpublished_service_is_not_listed(client, demo_site):
    page = ServicePage.objects.get(slug="kids-id")
    page.unpublish()
    html = client.get(INDEX + "?letter=K").content.decode()
    assert "Kids-ID" not in html


def test_letter_index_filters_on_first_letter_and_marks_empty_letters(client, demo_site):
    html = client.get(INDEX + "?letter=b").content.decode()
    titles = listed_titles(html)
    assert titles and all(title.upper().startswith("B") for title in titles)
    assert results_count(html) == ServicePage.objects.live().filter(title__istartswith="b").count()
    letters_without_services = [
        letter
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        if not ServicePage.objects.live().filter(title__istartswith=letter).exists()
    ]
    for letter in letters_without_services:
        assert f'<span aria-hidden="true">{letter}</span>' in html


@pytest.mark.parametrize(
    ("param", "field", "code"),
    [
        ("thema", "themes", "MilieuEnergie"),
        ("doelgroep", "audiences", "Onderneming"),
        ("levensgebeurtenis", "life_events", "Verhuizen"),
    ],
)
def test_filter_shows_only_matching_services_with_correct_count(client, demo_site, param, field, code):
    html = client.get(f"{INDEX}?{param}={code}").content.decode()
    expected = ServicePage.objects.live().filter(**{f"{field}__code": code}).distinct()
    assert results_count(html) == expected.count() > 0
    assert set(listed_titles(html)) == {page.title for page in expected[:30]}


def test_facet_counts_match_the_catalogue(client, demo_site):
    html = client.get(INDEX + "?doelgroep=Burger").content.decode()
    in_audience = ServicePage.objects.live().filter(audiences__code="Burger")
    for theme in Concept.objects.filter(scheme="thema"):
        count = in_audience.filter(themes=theme).distinct().count()
        link = re.search(
            rf"thema={theme.code}\">{re.escape(theme.label_nl)} <span class=\"meta\">\((\d+)\)</span>", html
        )
        if count:
            assert link and int(link.group(1)) == count, theme.code
        else:
            assert link is None


def test_filters_combine_and_work_as_plain_links(client, demo_site):
    html = client.get(INDEX + "?doelgroep=Burger&thema=BurgerOverheid").content.decode()
    expected = (
        ServicePage.objects.live().filter(Q(audiences__code="Burger")).filter(themes__code="BurgerOverheid").distinct()
    )
    assert results_count(html) == expected.count()
    assert 'href="?doelgroep=Burger"' in html  # removing the theme filter keeps the audience


@pytest.mark.parametrize(
    "query",
    ["?pagina=abc", "?pagina=99999", "?thema=<script>", "?letter=%C3%A9", "?doelgroep=" + "x" * 500, "?thema=Onbekend"],
)
def test_bad_parameters_give_a_normal_page(client, demo_site, query):
    response = client.get(INDEX + query)
    assert response.status_code == 200


def test_theme_page_shows_top_services_then_all_services_of_its_themes(client, demo_site):
    theme = (
        ThemePage.objects.get(slug="afval-en-netheid")
        if ThemePage.objects.filter(slug="afval-en-netheid").exists()
        else ThemePage.objects.first()
    )
    html = client.get(theme.url).content.decode()
    top = [link.service for link in theme.top_services.all()]
    for service in top:
        assert service.title.replace("'", "&#x27;") in html
    expected_rest = (
        ServicePage.objects.live()
        .filter(themes__in=theme.ipdc_themes.all())
        .exclude(pk__in=[s.pk for s in top])
        .distinct()
        .count()
    )
    assert f"({expected_rest})" in html


def test_life_event_page_lists_steps_in_order(client, demo_site):
    guide = LifeEventPage.objects.get(slug="je-gaat-verhuizen")
    html = client.get(guide.url).content.decode()
    positions = [html.index(step.service.title.replace("'", "&#x27;")) for step in guide.steps.all()]
    assert positions == sorted(positions)
    assert len(positions) >= 3


def test_a_service_in_two_of_a_theme_pages_themes_is_listed_once(client, demo_site):
    """The theme page and the filters select services with subqueries: a service with two matching concepts is one
    service, in the list and in the counts (a join over the concepts would list it twice)."""
    theme = ThemePage.objects.filter(ipdc_themes__isnull=False).distinct().first()
    first, second = Concept.objects.filter(scheme="thema").exclude(pk__in=theme.ipdc_themes.all())[:2]
    theme.ipdc_themes.add(first, second)
    theme.save()
    service = ServicePage.objects.live().exclude(pk__in=theme.top_services.values("service")).first()
    service.themes.set([first, second])
    service.save()
    html = client.get(theme.url).content.decode()
    expected = (
        ServicePage.objects.live()
        .filter(themes__in=theme.ipdc_themes.all())
        .exclude(pk__in=theme.top_services.values("service"))
        .distinct()
        .count()
    )
    assert f"({expected})" in html

    filtered = client.get(f"{INDEX}?thema={first.code}").content.decode()
    assert results_count(filtered) == ServicePage.objects.live().filter(themes=first).count()
