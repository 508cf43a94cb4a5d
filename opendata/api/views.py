"""The read-only JSON API (Wagtail API v2) at /api/v2/: pages, services with their classification, and images."""

from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from catalog.models import Concept, ConceptScheme, ServiceContactPoint, ServicePage

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


class ServicesAPIViewSet(PagesAPIViewSet):
    """Live, public services only; `type` is the product type here, not the page type."""

    name = "services"
    model = ServicePage
    filter_backends = [ClassificationFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CLASSIFICATION_FILTERS)
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "summary", "themes", "audiences", "product_type"]

    def get_queryset(self):
        public = self.get_base_queryset().values_list("pk", flat=True)
        return (
            ServicePage.objects.filter(pk__in=public)
            .select_related("locale", "product_type", "competent_authority", "executing_authority", "department")
            .prefetch_related(
                "themes",
                "audiences",
                "life_events",
                "channels__channel_type",
                "costs__channel",
                "requirements",
                Prefetch("contact_points", queryset=ServiceContactPoint.objects.select_related("contact_point")),
            )
            .order_by("title", "pk")
        )
