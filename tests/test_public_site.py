"""The public site through HTTP: home, navigation, breadcrumbs, content pages, news, events, discoverability, errors."""

import datetime
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction, Site

from events.models import EventIndexPage, EventPage
from home.models import HomePage, SiteAlert
from news.models import NewsIndexPage, NewsPage
from pages.models import SectionPage, StandardPage
from tests.helpers import json_ld_blocks, json_ld_of_type

PAGES_BELOW_HOME = [
    "/contact/",
    "/toegankelijkheidsverklaring/",
    "/nieuws/",
    "/nieuws/nieuw-digipunt-in-walem/",
    "/evenementen/",
    "/evenementen/kerstmarkt-grote-markt-2026/",
]


@pytest.fixture
def home(db):
    call_command("load_demo_content", stdout=StringIO())
    return HomePage.objects.get()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_page_shows_search_box_before_the_latest_three_news_articles(client, home):
    html = html_of(client, "/")
    assert html.index('action="/zoeken/"') < html.index('id="latest-news-title"')
    assert 'name="q"' in html and '<label for="zoekterm">' in html
    newest = NewsPage.objects.order_by("-date")[:4]
    for article in newest[:3]:
        assert article.title in html
    assert newest[3].title not in html
    assert html.index(newest[0].title) < html.index(newest[1].title) < html.index(newest[2].title)
    assert 'href="/nieuws/"' in html


def test_home_page_blocks_render_what_the_catalogue_hooks_return(client, home, monkeypatch):
    contact = StandardPage.objects.get(slug="contact")
    privacy = StandardPage.objects.get(slug="privacy")
    monkeypatch.setattr(HomePage, "get_top_tasks", lambda self: [contact])
    monkeypatch.setattr(HomePage, "get_themes", lambda self: [privacy])
    html = html_of(client, "/")
    assert 'id="top-tasks-title"' in html and 'id="themes-title"' in html
    assert html.index('id="zoekterm"') < html.index('id="top-tasks-title"') < html.index('id="themes-title"')
    # Without them, the blocks are left out rather than shown empty.
    monkeypatch.setattr(HomePage, "get_top_tasks", lambda self: [])
    monkeypatch.setattr(HomePage, "get_themes", lambda self: [])
    html = html_of(client, "/")
    assert "top-tasks-title" not in html and "themes-title" not in html


def test_main_menu_lists_pages_marked_for_menus_in_tree_order_and_marks_the_current_section(client, home):
    html = html_of(client, "/nieuws/nieuw-digipunt-in-walem/")
    menu = html[html.index('aria-label="Hoofdmenu"') : html.index("</nav>")]
    assert menu.index(">Nieuws<") < menu.index(">Evenementen<") < menu.index(">Contact<")
    assert '<a href="/nieuws/" aria-current="true">Nieuws</a>' in menu
    assert "aria-current" not in menu.split(">Nieuws<")[1]
    assert ">Privacyverklaring<" not in menu  # not marked "show in menus"


def test_pages_below_home_have_breadcrumbs_with_breadcrumb_list(client, home):
    for url in PAGES_BELOW_HOME:
        html = html_of(client, url)
        assert 'aria-label="Kruimelpad"' in html, url
        (crumbs,) = json_ld_of_type(html, "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert items[0]["name"] == "Start" and items[0]["item"] == "http://localhost/", url
        assert items[-1]["item"] == f"http://localhost{url}"
        assert [item["position"] for item in items] == list(range(1, len(items) + 1)), url
        page = Page.objects.get(url_path=f"/start{url}")
        assert len(items) == page.depth - 1, url  # home is depth 2


def test_home_page_has_no_breadcrumbs_but_describes_the_web_site(client, home):
    html = html_of(client, "/")
    assert "Kruimelpad" not in html
    assert not json_ld_of_type(html, "BreadcrumbList")
    (website,) = json_ld_of_type(html, "WebSite")
    assert website["potentialAction"]["target"]["urlTemplate"].endswith("/zoeken/?q={search_term_string}")


def test_news_article_and_event_describe_themselves_in_json_ld(client, home):
    (article,) = json_ld_of_type(html_of(client, "/nieuws/nieuw-digipunt-in-walem/"), "NewsArticle")
    assert article["headline"] == "Nieuw digipunt in het dorpshuis van Walem"
    assert article["datePublished"].startswith("2026-10-05T00:00:00+02:00")
    assert article["publisher"]["name"] == "Stad Mechelen"
    (event,) = json_ld_of_type(html_of(client, "/evenementen/kerstmarkt-grote-markt-2026/"), "Event")
    assert event["startDate"] == "2026-12-11T16:00:00+01:00"
    assert event["endDate"] == "2026-12-20T22:00:00+01:00"
    assert event["location"]["name"] == "Grote Markt, Mechelen"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, home):
    page = StandardPage.objects.get(slug="cookies")
    page.title = "Cookies </script><script>alert(1)</script>"
    page.save_revision().publish()
    html = html_of(client, "/cookies/")
    assert "<script>alert(1)" not in html
    assert any(block.get("name") == page.title for block in json_ld_blocks(html))


def test_every_page_has_canonical_url_open_graph_and_description(client, home):
    for url in ["/", *PAGES_BELOW_HOME]:
        html = html_of(client, url)
        assert f'<link rel="canonical" href="http://localhost{url}">' in html, url
        assert f'<meta property="og:url" content="http://localhost{url}">' in html, url
        assert '<meta property="og:title"' in html and '<meta property="og:locale" content="nl_BE">' in html, url
        assert '<meta name="description"' in html, url


def test_footer_has_contact_and_links_to_accessibility_privacy_and_cookies(client, home):
    html = html_of(client, "/contact/")
    footer = html[html.index("<footer") :]
    assert "0800 20 800" in footer and 'href="tel:+3280020800"' in footer
    for url in ("/toegankelijkheidsverklaring/", "/privacy/", "/cookies/"):
        assert f'href="{url}"' in footer
        assert client.get(url).status_code == 200


def test_standard_page_has_table_of_contents_linking_to_its_headings(client, home):
    html = html_of(client, "/privacy/")
    toc = html[html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    anchors = [part.split('"')[0] for part in toc.split('href="#')[1:]]
    assert len(anchors) == 9
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1
    assert 'id="wat-zijn-je-rechten"' in html


def test_faq_and_table_blocks_render_accessibly(client, home):
    html = html_of(client, "/contact/")
    assert "<details" in html and "<summary>Is het nummer 0800 20 800 echt gratis?</summary>" in html
    assert "<caption>Zo bereik je Stad Mechelen</caption>" in html
    assert '<th scope="col">Kanaal</th>' in html


def test_section_page_lists_its_live_children(client, home):
    section = SectionPage(title="Bestuur", slug="bestuur", intro="Hoe de stad bestuurd wordt.")
    home.add_child(instance=section)
    section.save_revision().publish()
    for title in ("Gemeenteraad", "Schepencollege"):
        child = StandardPage(title=title, slug=title.lower(), intro=f"Over de {title.lower()}.")
        section.add_child(instance=child)
        child.save_revision().publish()
    draft = StandardPage(title="Nog niet klaar", slug="nog-niet-klaar", live=False)
    section.add_child(instance=draft)
    html = html_of(client, "/bestuur/")
    assert "Gemeenteraad" in html and "Over de gemeenteraad." in html and "Schepencollege" in html
    assert "Nog niet klaar" not in html


def test_listings_accept_any_page_number_without_error(client, home):
    for query in ["?pagina=abc", "?pagina=-3", "?pagina=9999", "?pagina=", "?pagina=1e9"]:
        for url in ("/nieuws/", "/evenementen/"):
            assert client.get(url + query).status_code == 200, url + query


def test_news_index_lists_articles_newest_first_ten_per_page(client, home):
    index = NewsIndexPage.objects.get()
    for number in range(10):
        article = NewsPage(title=f"Extra bericht {number}", slug=f"extra-{number}", intro="Kort.", date="2026-01-01")
        index.add_child(instance=article)
        article.save_revision().publish()
    first = html_of(client, "/nieuws/")
    assert first.count("<h2><a href=") == 10 and "Pagina 1 van 2" in first
    assert first.index("Nieuwe afvalkalender 2027") < first.index("Bewonerskaart nu volledig online aanvragen")
    second = html_of(client, "/nieuws/?pagina=2")
    assert second.count("<h2><a href=") == 6
    assert 'href="http://localhost/nieuws/?pagina=2"' in second  # canonical of the second page


def test_news_feeds_are_valid_rss_and_atom_with_the_newest_articles(client, home):
    response = client.get("/nieuws/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[0] == "Nieuwe afvalkalender 2027 in je brievenbus" and len(titles) == 6
    assert channel.findall("item")[0].findtext("link") == "http://localhost/nieuws/nieuwe-afvalkalender-2027/"
    response = client.get("/nieuws/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    atom = ET.fromstring(response.content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 6
    assert '<link rel="alternate" type="application/rss+xml"' in html_of(client, "/nieuws/")


def test_event_ical_download_has_the_event_in_belgian_time(client, home):
    response = client.get("/evenementen/kerstmarkt-grote-markt-2026/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="kerstmarkt-grote-markt-2026.ics"' in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Kerstmarkt op de Grote Markt"
    brussels = datetime.timezone(datetime.timedelta(hours=1))
    assert event.decoded("dtstart") == datetime.datetime(2026, 12, 11, 16, 0, tzinfo=brussels)
    assert event.decoded("dtend") == datetime.datetime(2026, 12, 20, 22, 0, tzinfo=brussels)
    assert str(event["url"]) == "http://localhost/evenementen/kerstmarkt-grote-markt-2026/"


def test_event_calendar_and_feed_show_only_events_that_have_not_ended(client, home):
    index = EventIndexPage.objects.get()
    now = timezone.now()
    past = EventPage(
        title="Voorbije braderie",
        slug="voorbije-braderie",
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=2),
        location_name="Bruul",
        intro="Was leuk.",
    )
    ongoing = EventPage(
        title="Lopende tentoonstelling",
        slug="lopende-tentoonstelling",
        start=now - datetime.timedelta(days=1),
        end=now + datetime.timedelta(days=1),
        location_name="Stadhuis",
        intro="Nog te zien.",
    )
    for event in (past, ongoing):
        index.add_child(instance=event)
        event.save_revision().publish()
    html = html_of(client, "/evenementen/")
    assert "Lopende tentoonstelling" in html and "Voorbije braderie" not in html
    assert html.index("Lopende tentoonstelling") < html.index("Kerstmarkt op de Grote Markt")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(client.get("/evenementen/ical/").content).walk("VEVENT")]
    assert "Lopende tentoonstelling" in summaries and "Voorbije braderie" not in summaries
    assert len(summaries) == EventPage.objects.filter(end__gte=now).count()


def test_event_end_before_start_is_refused_in_dutch(home):
    from django.core.exceptions import ValidationError

    event = EventPage.objects.first()
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "Het einde moet na het begin liggen." in str(error.value)


# (hours from now the alert starts, hours from now it ends, whether it shows); None: no limit on that side.
ALERT_WINDOWS = [(-1, 1, True), (None, None, True), (1, 2, False), (-2, -1, False), (None, 1, True), (-1, None, True)]


def test_alert_banner_shows_only_inside_its_time_window(client, home):
    now = timezone.now()
    alert = SiteAlert.for_site(Site.objects.get(is_default_site=True))
    alert.text = "Het stadhuis is gesloten op 11 november."
    alert.link_url = "/nieuws/loketten-gesloten-11-november-en-4-december/"
    for starts, ends, shown in ALERT_WINDOWS:
        alert.starts_at = now + datetime.timedelta(hours=starts) if starts is not None else None
        alert.ends_at = now + datetime.timedelta(hours=ends) if ends is not None else None
        alert.save()
        for url in ("/", "/contact/"):
            html = html_of(client, url)
            assert ("Het stadhuis is gesloten op 11 november." in html) is shown, (starts, ends, url)
            if shown:
                link = 'href="/nieuws/loketten-gesloten-11-november-en-4-december/">Meer informatie</a>'
                assert link in html


def test_alert_banner_with_empty_text_shows_nothing(client, home):
    alert = SiteAlert.for_site(Site.objects.get(is_default_site=True))
    alert.text = "  "
    alert.save()
    assert 'class="site-alert"' not in html_of(client, "/")


@pytest.fixture
def editor_client(client, home):
    user = get_user_model().objects.create_superuser("redacteur", "redacteur@mechelen.example", "een-lang-wachtwoord")
    client.force_login(user)
    return client


def test_editor_sets_the_alert_banner_and_gets_a_dutch_error_for_an_end_before_the_start(editor_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/sitealert/{site.pk}/"
    assert editor_client.get(url).status_code == 200
    data = {
        "text": "Het stadhuis is gesloten op 11 november.",
        "link_url": "",
        "link_text": "Meer informatie",
        "starts_at": "2026-11-10 18:00",
        "ends_at": "2026-11-10 08:00",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in response.content.decode()
    data["ends_at"] = "2026-11-12 08:00"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert SiteAlert.for_site(site).text == "Het stadhuis is gesloten op 11 november."


def test_editor_can_open_the_form_for_each_content_type(editor_client):
    for app, model, parent_slug in [
        ("pages", "standardpage", "start"),
        ("pages", "sectionpage", "start"),
        ("news", "newspage", "nieuws"),
        ("events", "eventpage", "evenementen"),
    ]:
        parent = Page.objects.get(slug=parent_slug)
        response = editor_client.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/")
        assert response.status_code == 200, model


def test_sitemap_lists_every_live_public_page_and_nothing_else(client, home):
    draft = StandardPage(title="Concept", slug="concept", live=False)
    home.add_child(instance=draft)
    private = StandardPage(title="Intern", slug="intern")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = {loc.text for loc in ET.fromstring(response.content).iter(f"{namespace}loc")}
    expected = {
        page.get_full_url()
        for page in home.get_descendants(inclusive=True).live().public().specific()
        if page.pk != private.pk
    }
    assert urls == expected
    assert "http://localhost/concept/" not in urls and "http://localhost/intern/" not in urls


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin_and_search_results(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /zoeken/?" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_404_page_is_dutch_with_search_box_and_top_tasks(client, home, monkeypatch):
    contact = StandardPage.objects.get(slug="contact")
    monkeypatch.setattr(HomePage, "get_top_tasks", lambda self: [contact])
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet (meer)" in html
    assert '<input id="zoekterm-404" type="search" name="q"' in html
    assert 'id="top-tasks-title"' in html and 'href="/contact/"' in html
    assert 'aria-label="Hoofdmenu"' in html and "0800 20 800" in html


def test_404_page_works_without_any_site(client, db):
    Site.objects.all().delete()
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_pages_have_no_inline_scripts_or_style_attributes(client, home):
    for url in ["/", *PAGES_BELOW_HOME]:
        html = html_of(client, url)
        assert " style=" not in html, url
        scripts = html.split("<script")[1:]
        for script in scripts:
            assert script.startswith((' type="application/ld+json">', ' src="')), (url, script[:60])
