"""Private pages (Wagtail view restrictions) never appear where the public can list pages."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page, PageViewRestriction

from core.visibility import public_pages
from home.models import HomePage
from tests.testapp.models import CachedTestPage

urlpatterns = [
    path("sitemap.xml", sitemap),
    path("", include(wagtail_urls)),
]


@pytest.fixture
def tree(db):
    call_command("load_demo_content", stdout=StringIO())
    home = HomePage.objects.get()
    pages = {}
    for slug, parent in [("open", home), ("intern", home), ("intern-sub", "intern"), ("wachtwoord", home)]:
        parent = pages.get(parent, parent)
        pages[slug] = parent.add_child(instance=CachedTestPage(title=slug, slug=slug))
    pages["ontwerp"] = home.add_child(instance=CachedTestPage(title="ontwerp", slug="ontwerp", live=False))
    PageViewRestriction.objects.create(page=pages["intern"], restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(
        page=pages["wachtwoord"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return pages


def test_public_pages_leaves_out_restricted_pages_their_descendants_and_drafts(tree):
    slugs = set(public_pages().values_list("slug", flat=True))
    assert "open" in slugs and "start" in slugs
    assert not slugs & {"intern", "intern-sub", "wachtwoord", "ontwerp"}
    assert set(public_pages(CachedTestPage.objects.all()).values_list("slug", flat=True)) == {"open"}
    assert Page.objects.filter(slug="intern-sub").exists()


@pytest.mark.urls(__name__)
def test_private_pages_are_not_in_the_sitemap(client, tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/open/" in xml
    for slug in ("intern", "intern-sub", "wachtwoord", "ontwerp"):
        assert f"/{slug}/" not in xml
