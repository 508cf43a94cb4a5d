"""The alert banner from the site settings (home.SiteAlert), on every page while its time window is open."""

from django import template

from home.models import SiteAlert

register = template.Library()


@register.inclusion_tag("home/includes/site_alert.html", takes_context=True)
def site_alert(context):
    request = context.get("request")
    if request is None:
        return {"alert": None}
    alert = SiteAlert.for_request(request)
    return {"alert": alert if alert.is_shown() else None}
