"""Site settings in the layout: the alert banner (home.SiteAlert) and the footer links (home.FooterLinks).

Both work on a request without a matching site (a 404 on a fresh database), where they show nothing.
"""

from django import template
from wagtail.models import Site

from home.models import FooterLinks, SiteAlert

register = template.Library()


def _has_site(request):
    return request is not None and Site.find_for_request(request) is not None


@register.inclusion_tag("home/includes/site_alert.html", takes_context=True)
def site_alert(context):
    """The alert banner, while its time window is open."""
    request = context.get("request")
    if not _has_site(request):
        return {"alert": None}
    alert = SiteAlert.for_request(request)
    return {"alert": alert if alert.is_shown() else None}


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The FooterLinks setting of the request's site (one query, pages joined), or None."""
    request = context.get("request")
    return FooterLinks.for_request(request) if _has_site(request) else None
