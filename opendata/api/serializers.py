"""Serializers of the service and location fields in the JSON API: code-list concepts as code, labels and URI, and
opening hours as plain times and dates.

Imports nothing from `catalog.models` or `locations.models`, so that the pages' `api_fields` can use these without an
import cycle.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers
from wagtail.api.utils import get_full_url

from catalog.durations import format_iso_duration
from locations import opening_hours as oh

# How far ahead the API lists closures, public holidays and exceptional openings (as the location page does).
UPCOMING_DAYS = 365


class ConceptSerializer(serializers.Serializer):
    code = serializers.CharField()
    label_nl = serializers.CharField()
    label_en = serializers.CharField()
    uri = serializers.CharField()


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    ovo_id = serializers.CharField()
    uri = serializers.CharField()


class DepartmentSerializer(serializers.Serializer):
    name = serializers.CharField()


class DurationSerializer(serializers.Field):
    """A duration as ISO 8601 (`P21D`)."""

    def to_representation(self, value):
        return format_iso_duration(value) if value is not None else None


class KeywordsSerializer(serializers.Field):
    """The comma-separated keywords as a list."""

    def to_representation(self, value):
        return [word.strip() for word in value.replace(";", ",").split(",") if word.strip()]


class LinkedLocationField(serializers.Field):
    """A channel's location page as `{id, title, detail_url}`, linking to the locations endpoint.

    The services endpoint prefetches only live, public locations, so a draft or private location is `null` here.
    """

    def to_representation(self, location):
        request = self.context.get("request")
        router = self.context.get("router")
        namespace = router.url_namespace if router is not None else "wagtailapi"
        path = reverse(f"{namespace}:locations:detail", args=(location.pk,))
        return {"id": location.pk, "title": location.title, "detail_url": get_full_url(request, path)}


class ChannelSerializer(serializers.Serializer):
    channel_type = ConceptSerializer()
    url = serializers.CharField()
    location = LinkedLocationField(allow_null=True)
    location_text = serializers.CharField()
    appointment_only = serializers.BooleanField()
    description = serializers.CharField()


class CostSerializer(serializers.Serializer):
    label = serializers.CharField()
    description = serializers.CharField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    channel = ConceptSerializer(allow_null=True)


class RequirementSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()
    evidence = serializers.CharField()


class ContactPointSerializer(serializers.Serializer):
    name = serializers.CharField(source="contact_point.name")
    phone = serializers.CharField(source="contact_point.phone")
    email = serializers.CharField(source="contact_point.email")
    url = serializers.CharField(source="contact_point.url")
    address = serializers.CharField(source="contact_point.address_line")
    opening_hours = serializers.CharField(source="contact_point.opening_hours_text")


# Locations


class KindSerializer(serializers.Field):
    """The kind of a location as `{code, label_nl}` (use with `source="*"`)."""

    def to_representation(self, page):
        return {"code": page.kind, "label_nl": str(page.get_kind_display())}


class CoordinateField(serializers.FloatField):
    """A latitude or longitude (stored as a decimal) as a JSON number, or null."""


class AddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    number = serializers.CharField()
    box = serializers.CharField()
    postcode = serializers.CharField()
    municipality = serializers.CharField()


class LocationContactSerializer(serializers.Serializer):
    phone = serializers.CharField()
    email = serializers.CharField()


class AccessibilitySerializer(serializers.Serializer):
    wheelchair_accessible = serializers.BooleanField()
    hearing_loop = serializers.BooleanField()

    def get_fields(self):
        # Wagtail's rich text serializer (honours `?rich_text_format=`) cannot be imported while models load.
        from wagtail.api.v2.serializers import RichTextFieldSerializer

        fields = super().get_fields()
        fields["description"] = RichTextFieldSerializer(source="accessibility")
        return fields


def _slots(slots: tuple[oh.Slot, ...]) -> list[dict]:
    """Slots as `{start, end, appointment_only}` with times as "08:30"; an end at midnight is "24:00"."""
    return [
        {
            "start": slot.start.strftime("%H:%M"),
            "end": "24:00" if slot.ends_at_midnight else slot.end.strftime("%H:%M"),
            "appointment_only": slot.appointment_only,
        }
        for slot in slots
    ]


def _week(rows: list[tuple[str, tuple[oh.Slot, ...]]]) -> list[dict]:
    """Monday to Sunday rows (as `oh.regular_week` gives them) with the ISO weekday: 1 is Monday, 7 is Sunday."""
    return [
        {"weekday": number, "label_nl": name, "slots": _slots(slots)} for number, (name, slots) in enumerate(rows, 1)
    ]


class OpeningHoursSerializer(serializers.Field):
    """The regular week, the special periods that have not ended, and the closures and exceptional openings of the
    coming year, all resolved by `locations.opening_hours` (the rules the location page shows)."""

    def to_representation(self, hours):
        schedule = hours.schedule
        today = oh.local_today(timezone.now())
        last = today + dt.timedelta(days=UPCOMING_DAYS)
        return {
            "open_on_public_holidays": schedule.open_on_public_holidays,
            "weekly": _week(oh.regular_week(schedule)),
            "periods": [
                {
                    "name": period.name,
                    "start_date": period.start.isoformat(),
                    "end_date": period.end.isoformat(),
                    "weekly": _week(period.weekly_rows),
                }
                for period in oh.periods_from(schedule, today)
            ],
            "closures": [
                {
                    "start_date": closed.start.isoformat(),
                    "end_date": closed.end.isoformat(),
                    "reason": closed.reason,
                    "kind": closed.kind,
                }
                for closed in oh.closures_between(schedule, today, last)
            ],
            "openings": [
                {
                    "date": opening.date.isoformat(),
                    "reason": opening.reason,
                    "slots": _slots(oh.day_hours(schedule, opening.date).slots),
                }
                for opening in oh.openings_between(schedule, today, last)
            ],
        }


def _isoformat(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


class OpenNowSerializer(serializers.Field):
    """Open or closed at the moment of the response (`OpeningHours.state()`), with that moment as `computed_at`."""

    def to_representation(self, hours):
        state = hours.state()
        return {
            "is_open": state.is_open,
            "text": state.text,
            "detail": state.detail,
            "appointment_only": state.appointment_only,
            "until": _isoformat(state.until),
            "next_opening": _isoformat(state.next_opening),
            "computed_at": _isoformat(state.computed_at),
        }
