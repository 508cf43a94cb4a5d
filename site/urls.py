from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from opendata.api.router import api_router

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("open-data/", include("opendata.urls")),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # The CPSV-AP JSON-LD of a service page (a route of ServicePage): Wagtail's page pattern takes no dots, so it is
    # routed to Wagtail's serve view here, which applies the page's privacy rules as for the page itself.
    re_path(r"^(?P<path>(?:[\w\-]+/)+cpsv\.jsonld)$", wagtail_views.serve, name="service_cpsv_jsonld"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]
