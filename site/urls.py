from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from locations import views as location_views
from opendata.api.router import api_router

handler404 = "core.views.page_not_found"

# A static "temporarily unavailable" page (503) when the database is down, the 500 page otherwise.
handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    # Page feedback and the page-view beacon (csrf-exempt; see docs/insight.md).
    path("inzicht/", include("insight.urls")),
    # The closures of a location as iCalendar: <location url>sluitingen.ics (a dot is no valid Wagtail page segment).
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)sluitingen\.ics$", location_views.closures_ics, name="location_closures_ics"
    ),
    path("zoeken/", include("search.urls")),
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
