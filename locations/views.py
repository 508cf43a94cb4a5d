"""The iCalendar feed of a location's closures at `<location url>sluitingen.ics`.

Wagtail's page URLs only allow letters, digits, `-` and `_` in a segment, so a URL with a dot cannot be a route of the
page itself (RoutablePageMixin); this view finds the location page for the path the way Wagtail's serve view does.
"""

from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Site

from locations.ical import closures_calendar_response
from locations.models import LocationPage


@require_safe
def closures_ics(request, page_path):
    """The closures feed of the published, public location page at `page_path` (e.g. "locaties/snelloket/")."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in page_path.split("/") if component]
    # Raises Http404 for a path that leads to no page.
    page, args, _kwargs = site.root_page.localized.specific.route(request, components)
    location = LocationPage.objects.live().public().filter(pk=page.pk).first()
    if location is None or args:
        raise Http404
    return closures_calendar_response(location, location.hours_with_schedule(), request)
