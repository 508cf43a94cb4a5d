"""Template tags of the public site layout: main menu, breadcrumbs, canonical URL and JSON-LD.

Each costs a fixed number of queries per page, however many menu items or ancestors there are.
"""

from django import template
from django.utils.translation import gettext
from wagtail.models import Site

from core.structured_data import breadcrumb_list, json_ld_script

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request is not None else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The children of the site's home page that have "Tonen in menu's" on, in page-tree order (one query)."""
    request = context.get("request")
    site = _site(request)
    current = context.get("page")
    items = []
    if site is not None:
        for item in site.root_page.get_children().live().in_menu().order_by("path"):
            is_current = current is not None and getattr(current, "path", "").startswith(item.path)
            items.append({"title": item.title, "url": item.get_url(request), "current": is_current})
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """Breadcrumbs from the home page to `page` (one query), with their BreadcrumbList JSON-LD. Nothing on the home page."""
    request = context.get("request")
    page = page or context.get("page")
    site = _site(request)
    if page is None or site is None or not getattr(page, "path", None) or page.depth <= site.root_page.depth:
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).order_by("depth")
    crumbs = [{"title": ancestor.title, "page": ancestor, "url": ancestor.get_url(request)} for ancestor in ancestors]
    if crumbs and crumbs[0]["page"].pk == site.root_page.pk:
        crumbs[0]["title"] = None  # the template says "Start"
    crumbs.append({"title": page.title, "page": page, "url": page.get_url(request), "current": True})
    json_items = [(crumb["title"] or gettext("Start"), crumb["page"].get_full_url(request)) for crumb in crumbs]
    return {"crumbs": crumbs, "json_ld": json_ld_script(breadcrumb_list(json_items))}


@register.simple_tag(takes_context=True)
def json_ld(context, obj=None):
    """Render obj.get_json_ld(request) (default: the page) as a JSON-LD script element; nothing when it has none."""
    obj = obj if obj is not None else context.get("page")
    get_json_ld = getattr(obj, "get_json_ld", None)
    if get_json_ld is None:
        return ""
    return json_ld_script(get_json_ld(context.get("request")))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of the page being shown, with the listing page number when it is not the first."""
    request = context.get("request")
    page = context.get("page")
    if page is None or not hasattr(page, "get_full_url"):
        return request.build_absolute_uri(request.path) if request is not None else ""
    url = page.get_full_url(request)
    page_number = context.get("page_number")
    if page_number and page_number > 1:
        url += f"?pagina={page_number}"
    return url
