"""ISO 8601 durations (`P21D`, `P3W`, `P2M`, `PT4H`) for processing times, to and from `datetime.timedelta`.

A month counts as 30 days and a year as 365: processing times are approximate by nature, and the database stores a duration.
"""

import re
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ISO_DURATION = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def parse_iso_duration(value):
    """A timedelta from an ISO 8601 duration, or ValueError with a Dutch message."""
    match = ISO_DURATION.match(value.strip().upper()) if value else None
    if not match:
        raise ValueError(_("'%(value)s' is geen geldige duur; gebruik bv. P21D voor 21 dagen.") % {"value": value})
    parts = {name: int(number) for name, number in match.groupdict().items() if number}
    days = parts.get("years", 0) * 365 + parts.get("months", 0) * 30 + parts.get("weeks", 0) * 7 + parts.get("days", 0)
    return timedelta(
        days=days, hours=parts.get("hours", 0), minutes=parts.get("minutes", 0), seconds=parts.get("seconds", 0)
    )


def format_iso_duration(duration):
    """The ISO 8601 form of a timedelta: whole days as `P21D`, otherwise with a time part."""
    seconds = int(duration.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{seconds}S" if seconds else "")
    if time:
        text += "T" + time
    return text if text != "P" else "PT0S"


def describe_duration(duration):
    """In words for citizens: "3 weken", "21 dagen", "4 uur"."""
    days = duration.days
    if days and days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d week", "%(count)d weken", weeks) % {"count": weeks}
    if days:
        return ngettext("%(count)d dag", "%(count)d dagen", days) % {"count": days}
    hours = max(1, duration.seconds // 3600)
    return ngettext("%(count)d uur", "%(count)d uur", hours) % {"count": hours}
