"""The page cache: anonymous visitors get cached pages, every change shows on the next request, and what must never be
shared is never cached. The test models (a page, a snippet, a site setting) live in tests/testapp."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site

from core import page_cache
from core.page_cache import STATUS_HEADER, invalidating_models
from home.models import HomePage
from tests.testapp.models import AlertSettings, CachedTestPage, ClockTestPage, ContactSnippet


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache is off in the test settings; these tests are about it."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def home(db):
    call_command("load_demo_content", stdout=StringIO())
    # Wagtail creates a site's settings row on first use, which (as any save of a setting) invalidates the cache.
    AlertSettings.for_site(Site.objects.get(is_default_site=True))
    return HomePage.objects.get()


@pytest.fixture
def contact(db):
    return ContactSnippet.objects.create(name="Loket Burgerzaken", phone="015 29 76 54")


def add_page(parent, title, **fields):
    page = parent.add_child(instance=CachedTestPage(title=title, **fields))
    page.save_revision().publish()
    return page


@pytest.fixture
def section(home, contact):
    section = add_page(home, "Afval", body="Alles over afval.", contact=contact)
    add_page(section, "Containerpark", body="Openingsuren van het containerpark.")
    return section


def fetch(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.content.decode()


def warm(client, url):
    """Request a page twice; the second answer must come from the cache."""
    first, _ = fetch(client, url)
    assert first.status_code == 200
    assert first[STATUS_HEADER] == "miss"
    second, html = fetch(client, url)
    assert second[STATUS_HEADER] == "hit"
    return html


# --- serving from the cache ----------------------------------------------------------------------------------------


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, section, django_assert_num_queries):
    first, html = fetch(client, "/afval/")
    assert first[STATUS_HEADER] == "miss"
    assert "Alles over afval." in html
    with django_assert_num_queries(0):
        second = client.get("/afval/")
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_tell_shared_caches_how_long_to_keep_them(client, section, settings):
    response = client.get("/afval/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {
        "public",
        "max-age=0",
        f"s-maxage={settings.PAGE_CACHE_PROXY_SECONDS}",
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}",
    }
    assert client.get("/afval/")["Cache-Control"] == response["Cache-Control"]


def test_head_request_is_answered_from_the_cache(client, section):
    warm(client, "/afval/")
    response = client.head("/afval/")
    assert response.status_code == 200
    assert response[STATUS_HEADER] == "hit"


def test_cache_hits_carry_the_security_headers(client, section):
    warm(client, "/afval/")
    response = client.get("/afval/")
    assert response[STATUS_HEADER] == "hit"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_campaign_parameters_share_the_cached_page(client, section):
    warm(client, "/afval/")
    response = client.get("/afval/?utm_source=nieuwsbrief&utm_medium=email")
    assert response[STATUS_HEADER] == "hit"


@override_settings(PAGE_CACHE_SECONDS=0)
def test_page_cache_can_be_switched_off(client, section):
    assert STATUS_HEADER not in client.get("/afval/")
    assert STATUS_HEADER not in client.get("/afval/")


# --- invalidation: every change shows on the next request -----------------------------------------------------------


def test_publish_shows_on_the_next_request(client, section):
    warm(client, "/afval/")
    section.body = "Nieuwe regels voor afval."
    section.save_revision().publish()
    response, html = fetch(client, "/afval/")
    assert response[STATUS_HEADER] == "miss"
    assert "Nieuwe regels voor afval." in html


def test_a_new_title_shows_on_the_pages_that_list_it(client, section):
    warm(client, "/afval/")
    child = section.get_children().get().specific
    child.title = "Recyclagepark"
    child.save_revision().publish()
    _, html = fetch(client, "/afval/")
    assert "Recyclagepark" in html
    assert "Containerpark" not in html


def test_saving_a_draft_keeps_the_cached_page(client, section):
    warm(client, "/afval/")
    section.body = "Een ontwerp dat nog niet gepubliceerd is."
    section.save_revision()
    response, html = fetch(client, "/afval/")
    assert response[STATUS_HEADER] == "hit"
    assert "Alles over afval." in html


def test_unpublish_shows_on_the_next_request(client, section):
    warm(client, "/afval/")
    warm(client, "/afval/containerpark/")
    section.get_children().get().specific.unpublish()
    _, html = fetch(client, "/afval/")
    assert "Containerpark" not in html
    assert client.get("/afval/containerpark/").status_code == 404


def test_move_shows_on_the_next_request(client, home, section):
    other = add_page(home, "Wonen", body="Alles over wonen.")
    warm(client, "/afval/")
    warm(client, "/afval/containerpark/")
    warm(client, "/wonen/")
    section.get_children().get().move(other, pos="last-child")
    assert "Containerpark" not in fetch(client, "/afval/")[1]
    assert "Containerpark" in fetch(client, "/wonen/")[1]
    assert client.get("/afval/containerpark/").status_code in (301, 302, 404)
    assert client.get("/wonen/containerpark/").status_code == 200


def test_delete_shows_on_the_next_request(client, section):
    warm(client, "/afval/")
    warm(client, "/afval/containerpark/")
    section.get_children().get().delete()
    assert "Containerpark" not in fetch(client, "/afval/")[1]
    assert client.get("/afval/containerpark/").status_code == 404


def test_a_live_page_added_by_code_shows_on_the_next_request(client, section):
    warm(client, "/afval/")
    section.add_child(instance=CachedTestPage(title="Grofvuil", body="Grofvuil ophalen."))
    assert "Grofvuil" in fetch(client, "/afval/")[1]


def test_snippet_change_shows_on_the_next_request(client, section, contact):
    assert ContactSnippet in invalidating_models()
    warm(client, "/afval/")
    contact.phone = "015 29 99 99"
    contact.save()
    response, html = fetch(client, "/afval/")
    assert response[STATUS_HEADER] == "miss"
    assert "015 29 99 99" in html


def test_snippet_change_through_the_admin_shows_on_the_next_request(client, section, contact, admin_user):
    warm(client, "/afval/")
    editor = Client()
    editor.force_login(admin_user)
    response = editor.post(
        f"/admin/snippets/testapp/contactsnippet/edit/{contact.pk}/",
        {"name": "Loket Afval", "phone": "015 29 76 54"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Loket Afval" in fetch(client, "/afval/")[1]


def test_snippet_delete_shows_on_the_next_request(client, section, contact):
    warm(client, "/afval/")
    contact.delete()
    assert "Loket Burgerzaken" not in fetch(client, "/afval/")[1]


def test_site_setting_change_shows_on_the_next_request(client, section):
    assert issubclass(AlertSettings, BaseSiteSetting)
    warm(client, "/afval/")
    alert = AlertSettings.for_site(Site.objects.get(is_default_site=True))
    alert.message = "Storm: het containerpark is vandaag gesloten."
    alert.save()
    assert "Storm: het containerpark is vandaag gesloten." in fetch(client, "/afval/")[1]


def test_making_a_page_private_shows_on_the_next_request(client, section):
    warm(client, "/afval/containerpark/")
    child = section.get_children().get()
    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/afval/containerpark/")
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_clear_page_cache_command(client, section):
    warm(client, "/afval/")
    call_command("clear_page_cache", stdout=StringIO())
    assert client.get("/afval/")[STATUS_HEADER] == "miss"


# --- never cached ---------------------------------------------------------------------------------------------------


def test_logged_in_editors_get_fresh_private_pages_and_never_fill_the_cache(client, section, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    for _ in range(2):
        response = editor.get("/afval/")
        assert response[STATUS_HEADER] == "skip"
        assert "private" in response["Cache-Control"]
    # The editor's page (with the Wagtail user bar) was not stored for anonymous visitors.
    response, html = fetch(client, "/afval/")
    assert response[STATUS_HEADER] == "miss"
    assert "wagtail-userbar" not in html


def test_a_cached_page_is_never_served_to_a_logged_in_editor(client, section, admin_user):
    warm(client, "/afval/")
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get("/afval/")
    assert response[STATUS_HEADER] == "skip"
    assert "wagtail-userbar" in response.content.decode()


def test_query_strings_are_never_cached(client, section):
    for _ in range(2):
        response = client.get("/afval/?page=2")
        assert response[STATUS_HEADER] == "skip"
        assert "private" in response["Cache-Control"]


def test_pages_with_a_form_are_not_shared_and_csrf_still_works(section):
    form_page = add_page(section, "Melding", body="Meld een sluikstort.", with_form=True)
    visitor = Client(enforce_csrf_checks=True)
    for _ in range(2):
        response = visitor.get(form_page.url)
        assert response[STATUS_HEADER] == "skip"
        assert "private" in response["Cache-Control"]
    token = response.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert visitor.post(form_page.url, {"csrfmiddlewaretoken": token}).status_code == 200
    # A second visitor gets a token of their own, not the first visitor's.
    other = Client().get(form_page.url).content.decode()
    assert token not in other


def test_not_found_is_never_cached(client, home):
    assert client.get("/grofvuil/").status_code == 404
    add_page(home, "Grofvuil", body="Grofvuil ophalen.")
    response = client.get("/grofvuil/")
    assert response.status_code == 200


def test_private_pages_are_never_cached(client, section):
    child = section.get_children().get()
    group = Group.objects.create(name="Personeel")
    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.GROUPS).groups.add(group)
    member = User.objects.create_user("medewerker", password="x" * 12)
    member.groups.add(group)
    staff = Client()
    staff.force_login(member)
    assert staff.get("/afval/containerpark/").status_code == 200
    response = client.get("/afval/containerpark/")
    assert response.status_code == 302
    assert response[STATUS_HEADER] == "skip"


def test_password_protected_pages_are_never_cached(client, section):
    child = section.get_children().get()
    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    for _ in range(2):
        response = client.get("/afval/containerpark/")
        assert response[STATUS_HEADER] == "skip"
        assert "Openingsuren van het containerpark." not in response.content.decode()


def test_page_types_can_opt_out(client, home):
    home.add_child(instance=ClockTestPage(title="Nu open"))
    for _ in range(2):
        assert client.get("/nu-open/")[STATUS_HEADER] == "skip"


def test_previews_are_never_cached(section, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(f"/admin/pages/{section.pk}/edit/preview/")
    assert response.status_code == 200
    assert STATUS_HEADER not in response


def test_admin_and_other_views_are_left_alone(client, home):
    for url in ("/admin/login/", "/healthz"):
        response = client.get(url)
        assert STATUS_HEADER not in response
    assert Page.objects.filter(depth__gt=1).exists()


# --- when the cache fails -------------------------------------------------------------------------------------------


def test_an_unanswering_cache_is_left_alone_for_a_while_and_distrusted_afterwards(client, section, monkeypatch):
    monkeypatch.setattr(page_cache, "_down_until", 0.0)
    monkeypatch.setattr(page_cache, "_was_down", False)
    warm(client, "/afval/")
    store = caches["pages"]
    working_get_many = store.get_many
    attempts = []

    def unreachable(*args, **kwargs):
        attempts.append(args)
        raise ConnectionError("Redis antwoordt niet")

    monkeypatch.setattr(store, "get_many", unreachable)
    for _ in range(3):
        response, html = fetch(client, "/afval/")
        assert response.status_code == 200
        assert "Alles over afval." in html
    assert len(attempts) == 1  # after the first error the cache is not asked again for a while

    # Redis is back (the retry period is over). What changed meanwhile could not invalidate, so nothing is trusted.
    monkeypatch.setattr(store, "get_many", working_get_many)
    monkeypatch.setattr(page_cache, "_down_until", 0.0)
    assert client.get("/afval/")[STATUS_HEADER] == "miss"
    assert client.get("/afval/")[STATUS_HEADER] == "hit"
