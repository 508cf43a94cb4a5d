"""Classifying a page view without keeping anything personal: device class and referrer type from two headers."""

import re
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import F

from insight.models import Device, PageViewCount, ReferrerType

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python-|httpclient|java/|"
    r"facebookexternalhit|preview|scrapy|go-http|okhttp|axios|node-fetch",
    re.IGNORECASE,
)
TABLET_PATTERN = re.compile(r"ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))", re.IGNORECASE)
MOBILE_PATTERN = re.compile(r"mobi|iphone|ipod|android|blackberry|opera mini|iemobile|windows phone", re.IGNORECASE)
SEARCH_ENGINES = ("google.", "bing.", "duckduckgo.", "yahoo.", "ecosia.", "qwant.", "startpage.", "yandex.", "baidu.")


def is_bot(user_agent):
    """True for crawlers, monitors and scripts (and for an empty user agent, which no browser sends)."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def device_class(user_agent):
    if TABLET_PATTERN.search(user_agent):
        return Device.TABLET
    if MOBILE_PATTERN.search(user_agent):
        return Device.MOBILE
    return Device.DESKTOP


def referrer_type(referrer, host):
    """The kind of page the visitor came from; the referrer itself is not kept."""
    if not referrer:
        return ReferrerType.DIRECT
    netloc = urlsplit(referrer).netloc.lower()
    if not netloc:
        return ReferrerType.OTHER
    if netloc == host.lower():
        return ReferrerType.INTERNAL
    name = netloc.rsplit("@", 1)[-1]
    if any(f".{engine}" in f".{name}" for engine in SEARCH_ENGINES):
        return ReferrerType.SEARCH
    return ReferrerType.OTHER


def count_view(page_id, date, device, referrer):
    """Add one to the day's counter, creating it on the first view (safe when two requests race)."""
    key = {"page_id": page_id, "date": date, "device": device, "referrer_type": referrer}
    if PageViewCount.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            PageViewCount.objects.create(**key, count=1)
    except IntegrityError:
        PageViewCount.objects.filter(**key).update(count=F("count") + 1)
