"""The API router, included in urls.py at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .views import LocationsAPIViewSet, ServicesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Wagtail links an item (`meta.detail_url`) to the first endpoint registered for its model or a parent of it: the
# specific endpoints come before the generic pages, so a service links to /services/<id>/ and a location to
# /locations/<id>/, also in the pages listing.
api_router.register_endpoint("services", ServicesAPIViewSet)
api_router.register_endpoint("locations", LocationsAPIViewSet)
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
