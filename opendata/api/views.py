"""The read-only JSON API (Wagtail API v2) at /api/v2/: pages, services with their classification, locations with their
opening hours, and images."""

from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from catalog.models import Concept, ConceptScheme, ServiceChannel, ServiceContactPoint, ServicePage
from locations.models import LocationPage, schedule_prefetches

# Query parameter -> (code list, field of ServicePage)
CLASSIFICATION_FILTERS = {
    "thema": (ConceptScheme.THEME, "themes"),
    "doelgroep": (ConceptScheme.AUDIENCE, "audiences"),
    "type": (ConceptScheme.PRODUCT_TYPE, "product_type"),
}


class ClassificationFilter(BaseFilterBackend):
    """`?thema=`, `?doelgroep=`, `?type=`: services with that concept (by code, e.g. `BurgerOverheid`)."""

    def filter_queryset(self, request, queryset, view):
        for parameter, (scheme, field) in CLASSIFICATION_FILTERS.items():
            code = request.GET.get(parameter)
            if not code:
                continue
            if not Concept.objects.filter(scheme=scheme, code=code).exists():
                raise BadRequestError(f"{parameter}: onbekende code '{code}' in de codelijst {scheme.label}")
            queryset = queryset.filter(**{f"{field}__scheme": scheme, f"{field}__code": code})
        return queryset.distinct()


class PublicPagesOnce:
    """Works out the live, public pages (Wagtail's base queryset: a query for the view restrictions and one for the
    site's translations) once per request, rather than for the queryset and again for each serializer context."""

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset


class ServicesAPIViewSet(PublicPagesOnce, PagesAPIViewSet):
    """Live, public services only; `type` is the product type here, not the page type."""

    name = "services"
    model = ServicePage
    filter_backends = [ClassificationFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CLASSIFICATION_FILTERS)
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "summary", "themes", "audiences", "product_type"]

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        # A channel links its location only when that location is live and public too; otherwise `location` is null.
        channels = ServiceChannel.objects.select_related("channel_type").prefetch_related(
            Prefetch("location", queryset=LocationPage.objects.filter(pk__in=public))
        )
        return (
            ServicePage.objects.filter(pk__in=public)
            .select_related("locale", "product_type", "competent_authority", "executing_authority", "department")
            .prefetch_related(
                "themes",
                "audiences",
                "life_events",
                Prefetch("channels", queryset=channels),
                "costs__channel",
                "requirements",
                Prefetch("contact_points", queryset=ServiceContactPoint.objects.select_related("contact_point")),
            )
            .order_by("title", "pk")
        )


class KindFilter(BaseFilterBackend):
    """`?kind=loket`: locations of that kind (by code); an unknown kind is a 400."""

    def filter_queryset(self, request, queryset, view):
        if "kind" not in request.GET:
            return queryset
        kind = request.GET["kind"]
        kinds = [code for code, _label in LocationPage.KIND_CHOICES]
        if kind not in kinds:
            raise BadRequestError(f"kind: onbekende soort '{kind}'. Kies uit: {', '.join(kinds)}.")
        return queryset.filter(kind=kind)


class LocationsAPIViewSet(PublicPagesOnce, PagesAPIViewSet):
    """Live, public locations with their address and opening hours, A to Z."""

    name = "locations"
    model = LocationPage
    filter_backends = [KindFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["kind"])
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "kind", "address"]

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return (
            LocationPage.objects.filter(pk__in=public)
            .select_related("locale", "opening_hours")
            .prefetch_related(*schedule_prefetches("opening_hours"))
            .order_by("title", "pk")
        )
