"""The API router, included in urls.py at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .views import LocationsAPIViewSet, ServicesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("services", ServicesAPIViewSet)
api_router.register_endpoint("locations", LocationsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
