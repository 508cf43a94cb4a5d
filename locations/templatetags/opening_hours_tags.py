"""Template tags to show opening hours anywhere: `{% opening_state hours %}` gives "Nu open tot 16:00" for an OpeningHours.

    {% load opening_hours_tags %}
    {% opening_state location.opening_hours %}
    {% opening_state channel.opening_hours compact=True %}

The state is computed at render time and the resolved hours of the coming days travel along in a data attribute, so
static/locations/js/opening-hours.js can correct the sentence in the browser when the page came from a cache. Without
JavaScript the sentence says when it was computed ("Stand op dinsdag 24 november om 14:05").
"""

import json

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from locations import opening_hours as oh

register = template.Library()


@register.inclusion_tag("locations/includes/opening_state.html")
def opening_state(hours, compact=False, at=None):
    """The current state of the OpeningHours `hours` (nothing when None), with the data to keep it right in a cache."""
    if hours is None:
        return {"state": None}
    moment = at or timezone.now()
    schedule = hours.schedule
    state = oh.state_at(schedule, moment)
    local = state.computed_at
    return {
        "state": state,
        "compact": compact,
        "data_json": json.dumps(oh.browser_data(schedule, local.date()), ensure_ascii=False, separators=(",", ":")),
        "computed_at": local.replace(microsecond=0),
        "stamp": _("Stand op %(date)s om %(time)s")
        % {"date": oh.format_date(local.date()), "time": oh.format_time(local)},
    }


@register.filter
def slots_text(slots):
    """The slots of a day in words: "8:30-12:30 en 13:30-16:00 (alleen op afspraak)" or "gesloten"."""
    return oh.describe_slots(tuple(slots))


@register.filter
def clock(value):
    """8:30 rather than 08:30; midnight as an end time is 24:00 (use `clock_end`)."""
    return oh.format_time(value)


@register.filter
def clock_end(value):
    return "24:00" if value == oh.MIDNIGHT else oh.format_time(value)


@register.filter
def long_date(value):
    """maandag 4 januari"""
    return oh.format_date(value)


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block. Not executed by browsers, so a strict CSP allows it; `<` is escaped against `</script>`."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
