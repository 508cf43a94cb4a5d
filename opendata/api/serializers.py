"""Serializers of the service fields in the JSON API: code-list concepts as code, labels and URI.

Imports nothing from `catalog.models`, so that the service page's `api_fields` can use these without an import cycle.
"""

from rest_framework import serializers

from catalog.durations import format_iso_duration


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


class ChannelSerializer(serializers.Serializer):
    channel_type = ConceptSerializer()
    url = serializers.CharField()
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
