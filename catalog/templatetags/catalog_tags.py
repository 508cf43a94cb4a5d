from django import template
from django.utils.formats import number_format

from catalog.durations import describe_duration

register = template.Library()


@register.filter
def euro(amount):
    """€ 23,10 — or "gratis" for zero."""
    if amount is None:
        return ""
    if amount == 0:
        return "gratis"
    return f"€ {number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)}"


@register.filter
def duration_in_words(duration):
    return describe_duration(duration) if duration else ""


@register.filter
def page_url(listing, number):
    """The URL of page `number` of a ServiceListing, keeping its filters."""
    return listing.page_url(number)
