"""opening-hours.js in a real browser: a page rendered earlier (as from a cache) shows the right state now.

Pages are rendered by Django with a frozen clock and handed to Debian's chromium through Playwright's request routing
(no server thread, no network); the browser's own clock is set with Playwright's clock API. The same script is also
compared with the Python rules for many moments, and the editor's nested inline panels are used in the real admin.
"""

import datetime as dt
import json
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from locations import opening_hours as oh
from locations.tests.conftest import at, make_hours, make_location
from tests.chromium import launch_chromium

pytestmark = pytest.mark.browser

BASE = "http://hvdm.test"
BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API keeps an event loop in this thread; Django's ORM refuses to run beside it unless told that
    # this is fine (it is: the loop only drives the browser). Restored afterwards.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with launch_chromium() as browser:
            yield browser
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def rendered(path: str, moment: str) -> str:
    """The page as Django rendered it at a Brussels wall-clock moment: what a cache would hand out later."""
    with at(moment):
        response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def open_page(browser, html: str, browser_time: dt.datetime, javascript=True, timezone_id="Europe/Brussels"):
    """Show `html` in chromium at `browser_time`; static files come from the finders, nothing from the network."""
    context = browser.new_context(java_script_enabled=javascript, timezone_id=timezone_id)
    page = context.new_page()

    def handle(route):
        url = route.request.url
        if url.startswith(f"{BASE}/static/"):
            found = finders.find(url[len(f"{BASE}/static/") :].split("?")[0])
            if found:
                kind = "text/css" if found.endswith(".css") else "text/javascript"
                return route.fulfill(status=200, body=Path(found).read_bytes(), content_type=kind)
            return route.fulfill(status=404, body="")
        if url.startswith(f"{BASE}/"):
            return route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")
        return route.abort()  # no third-party request

    page.route("**/*", handle)
    if javascript:
        page.clock.set_fixed_time(browser_time)
    page.goto(f"{BASE}/locaties/huis-van-de-mechelaar/")
    return context, page


def brussels(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=BRUSSELS)


@pytest.fixture
def town_hall(location_index):
    return make_location(location_index, hours=make_hours())


def state_texts(page):
    box = page.locator("[data-opening-hours]").first
    return (
        box.locator("[data-opening-text]").inner_text(),
        box.locator("[data-opening-detail]").inner_text() if box.locator("[data-opening-detail]").is_visible() else "",
        box.locator("[data-opening-stamp]").is_visible(),
    )


def test_cached_page_is_corrected_in_the_browser(browser, town_hall):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-24 10:00")
    assert "Nu open tot 12:30" in html
    context, page = open_page(browser, html, brussels("2026-11-24 17:00"))
    assert state_texts(page) == ("Gesloten, opent morgen om 8:30", "", False)
    assert "opening-state--closed" in page.locator("[data-opening-hours]").get_attribute("class")
    context.close()


def test_cached_page_on_a_later_public_holiday(browser, town_hall):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-09 10:00")
    context, page = open_page(browser, html, brussels("2026-11-11 10:00"))
    assert state_texts(page) == ("Vandaag gesloten (Wapenstilstand)", "Opent morgen om 8:30", False)
    today = page.locator("tr.is-today")
    assert today.count() == 1
    assert today.get_attribute("data-date") == "2026-11-11"
    assert today.locator("[data-today-label]").is_visible()
    context.close()


def test_without_javascript_the_server_state_and_its_time_are_shown(browser, town_hall):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-24 10:00")
    context, page = open_page(browser, html, brussels("2026-11-24 17:00"), javascript=False)
    assert state_texts(page) == ("Nu open tot 12:30", "", True)
    assert page.locator("[data-opening-stamp]").inner_text() == "Stand op dinsdag 24 november om 10:00"
    context.close()


def test_visitor_in_another_time_zone_sees_brussels_hours(browser, town_hall):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-24 08:00")
    context, page = open_page(browser, html, brussels("2026-11-24 14:00"), timezone_id="America/New_York")
    assert state_texts(page)[0] == "Nu open tot 16:00 (alleen op afspraak)"
    context.close()


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        ("2026-03-30 06:25", "Gesloten, opent vandaag om 8:30"),  # 8:25 CEST
        ("2026-03-30 06:35", "Nu open tot 12:30"),  # 8:35 CEST
    ],
)
def test_browser_across_the_march_switch(browser, town_hall, utc, expected):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-03-27 10:00")
    moment = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    context, page = open_page(browser, html, moment)
    assert state_texts(page)[0] == expected
    context.close()


def test_script_agrees_with_the_python_rules(browser, location_index):
    """Many moments over two weeks, for hours with lunch breaks, midnight, a holiday, a closure and an opening."""
    from locations.models import Closure, ExceptionalOpening, ExceptionalOpeningSlot, OpeningHours, WeeklySlot

    hours = make_hours()
    hours.weekly_slots.add(WeeklySlot(weekday=5, start=dt.time(20, 0), end=dt.time(0, 0)))
    hours.weekly_slots.add(WeeklySlot(weekday=6, start=dt.time(0, 0), end=dt.time(2, 0)))
    hours.closures.add(Closure(date=dt.date(2026, 11, 26), end_date=dt.date(2026, 11, 27), reason="Verhuis"))
    opening = ExceptionalOpening(date=dt.date(2026, 11, 11), reason="Verkiezingen")
    opening.slots = [ExceptionalOpeningSlot(start=dt.time(8, 0), end=dt.time(15, 0))]
    hours.openings.add(opening)
    hours.save()
    schedule = OpeningHours.objects.with_schedule().get(pk=hours.pk).schedule
    first = dt.date(2026, 11, 9)
    data = oh.browser_data(schedule, first)
    moments = [
        dt.datetime.combine(first + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=BRUSSELS)
        for day in range(13)
        for hour, minute in [
            (0, 0),
            (1, 59),
            (2, 0),
            (8, 29),
            (8, 30),
            (12, 30),
            (13, 29),
            (15, 0),
            (16, 0),
            (21, 0),
            (23, 59),
        ]
    ]
    context = browser.new_context()
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.fulfill(status=200, body="<!doctype html><title>t</title>", content_type="text/html"),
    )
    page.goto(f"{BASE}/")
    page.add_script_tag(path=finders.find("locations/js/opening-hours.js"))
    results = page.evaluate(
        """([data, nows]) => nows.map((now) => window.hvdmOpeningHours.compute(data, now))""",
        [data, [{"date": m.date().isoformat(), "minutes": m.hour * 60 + m.minute} for m in moments]],
    )
    for moment, result in zip(moments, results, strict=True):
        expected = oh.state_at(schedule, moment)
        assert (result["text"], result["detail"], result["open"]) == (
            expected.text,
            expected.detail,
            expected.is_open,
        ), moment
    context.close()


def test_location_page_has_no_accessibility_violations(browser, town_hall):
    from axe_playwright_python.sync_playwright import Axe

    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-24 10:00")
    context, page = open_page(browser, html, brussels("2026-11-24 10:00"))
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_editor_adds_a_period_with_slots_in_the_admin(browser, live_server, django_user_model, base_data):
    """The nested inline panels (a period's own slots) work in the real admin, with its JavaScript."""
    from locations.models import OpeningHours

    django_user_model.objects.create_superuser("redacteur", "redacteur@mechelen.example", "een-lang-wachtwoord-123")
    context = browser.new_context()
    page = context.new_page()
    page.route(re.compile(r"^(?!http://(localhost|127\.0\.0\.1)).*"), lambda route: route.abort())
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "redacteur")
    page.fill("input[name=password]", "een-lang-wachtwoord-123")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/snippets/locations/openinghours/add/")
    page.fill("input[name=name]", "Digipunt Walem")
    page.click("#id_periods-ADD")  # "Voeg periode toe"
    page.fill("input[name=periods-0-name]", "Zomeruren")
    page.fill("input[name=periods-0-start_date]", "2027-07-01")
    page.fill("input[name=periods-0-end_date]", "2027-08-31")
    page.click("#id_periods-0-slots-ADD")  # the period's own "Voeg tijdslot toe"
    page.select_option("select[name=periods-0-slots-0-weekday]", "2")
    page.fill("input[name=periods-0-slots-0-start]", "09:00")
    page.fill("input[name=periods-0-slots-0-end]", "12:00")
    # The admin's date and time pickers open on focus and may float over the footer with the save button (clicking
    # elsewhere or Escape did not always close them in CI), so the click is delivered to the button itself rather
    # than to whatever lies on top of it at that spot: the form is submitted as by an editor's click.
    page.locator("button[type=submit]:has-text('Opslaan')").first.dispatch_event("click")
    page.wait_for_url(re.compile(r"/admin/snippets/locations/openinghours/$"))
    hours = OpeningHours.objects.get(name="Digipunt Walem")
    period = hours.periods.get()
    assert (period.name, period.start_date.isoformat()) == ("Zomeruren", "2027-07-01")
    assert [(s.weekday, s.start.isoformat(), s.end.isoformat()) for s in period.slots.all()] == [
        (2, "09:00:00", "12:00:00")
    ]
    context.close()


def test_browser_data_is_valid_json_in_the_page(town_hall):
    html = rendered("/locaties/huis-van-de-mechelaar/", "2026-11-24 10:00")
    raw = re.search(r'data-opening-hours="([^"]*)"', html).group(1)
    data = json.loads(raw.replace("&quot;", '"').replace("&amp;", "&").replace("&#x27;", "'"))
    assert len(data["days"]) == oh.BROWSER_DAYS
