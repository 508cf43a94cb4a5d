"""Counting page views through the beacon: aggregated counters only, bots left out."""

import pytest
from django.urls import reverse
from django.utils import timezone

from insight import tracking
from insight.models import PageViewCount
from insight.tests.conftest import ORIGIN

BEACON = reverse("insight:beacon")
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def views_today(page):
    counters = PageViewCount.objects.filter(page=page, date=timezone.localdate())
    return sum(counter.count for counter in counters)


def test_ten_beacon_hits_give_ten_views(client, services):
    page = services[0]
    for _ in range(10):
        response = client.post(BEACON, {"p": page.pk, "r": ""}, HTTP_ORIGIN=ORIGIN, HTTP_USER_AGENT=FIREFOX)
        assert response.status_code == 204
    assert views_today(page) == 10
    counter = PageViewCount.objects.get(page=page)
    assert (counter.device, counter.referrer_type, counter.count) == ("desktop", "direct", 10)
    assert not client.cookies


def test_a_bot_adds_nothing(client, services):
    response = client.post(BEACON, {"p": services[0].pk}, HTTP_ORIGIN=ORIGIN, HTTP_USER_AGENT=GOOGLEBOT)
    assert response.status_code == 202
    client.get(BEACON, {"p": services[0].pk}, HTTP_USER_AGENT=GOOGLEBOT)
    assert views_today(services[0]) == 0


def test_noscript_image_counts_and_returns_a_gif(client, services):
    response = client.get(BEACON, {"p": services[0].pk}, HTTP_USER_AGENT=IPHONE)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    counter = PageViewCount.objects.get(page=services[0])
    assert (counter.device, counter.referrer_type, counter.count) == ("mobile", "other", 1)


def test_post_from_another_origin_is_not_counted(client, services):
    client.post(BEACON, {"p": services[0].pk}, HTTP_ORIGIN="https://evil.example", HTTP_USER_AGENT=FIREFOX)
    assert views_today(services[0]) == 0


@pytest.mark.parametrize("page_id", ["", "abc", "999999"])
def test_unknown_page_is_not_counted_and_no_500(client, db, page_id):
    response = client.post(BEACON, {"p": page_id}, HTTP_ORIGIN=ORIGIN, HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 202
    assert not PageViewCount.objects.exists()


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        ("", "direct"),
        ("https://www.google.be/", "search"),
        ("https://duckduckgo.com/", "search"),
        ("http://testserver/diensten/", "internal"),
        ("https://www.vlaanderen.be/", "other"),
    ],
)
def test_referrer_types(client, services, referrer, expected):
    client.post(BEACON, {"p": services[0].pk, "r": referrer}, HTTP_ORIGIN=ORIGIN, HTTP_USER_AGENT=FIREFOX)
    assert PageViewCount.objects.get(page=services[0]).referrer_type == expected


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX, "desktop"),
        (IPHONE, "mobile"),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "tablet"),
        ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", "tablet"),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", "mobile"),
    ],
)
def test_device_classes(user_agent, expected):
    assert tracking.device_class(user_agent) == expected


@pytest.mark.parametrize("user_agent", [GOOGLEBOT, "", "curl/8.5.0", "Mozilla/5.0 HeadlessChrome/120.0", "bingbot/2.0"])
def test_bots(user_agent):
    assert tracking.is_bot(user_agent)


def test_every_page_carries_the_beacon(client, demo_site):
    html = client.get(demo_site.url).content.decode()
    assert f'data-page="{demo_site.pk}"' in html
    assert f"{BEACON}?p={demo_site.pk}" in html
    assert "insight/js/beacon.js" in html
