"""schema.org JSON-LD for public pages. See docs/structured-data.md.

A page type describes itself by defining `get_json_ld(request)`, returning one dict (or a list of dicts, or None); the
base template renders it with `{% json_ld page %}`. BreadcrumbList is added for every page below the home page by the
breadcrumbs template tag, so page types never build it themselves.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"

# The city as publisher, provider and organiser. Its phone number and address are those of the Huis van de Mechelaar.
CITY_NAME = "Stad Mechelen"
CITY_PHONE = "+32 800 20 800"
CITY_ADDRESS = {
    "@type": "PostalAddress",
    "streetAddress": "Grote Markt 21",
    "postalCode": "2800",
    "addressLocality": "Mechelen",
    "addressCountry": "BE",
}


def organization(url=None):
    """The city as a schema.org GovernmentOrganization, for `provider`, `publisher` and `organizer`."""
    data = {"@type": "GovernmentOrganization", "name": CITY_NAME, "telephone": CITY_PHONE, "address": CITY_ADDRESS}
    if url:
        data["url"] = url
    return data


def breadcrumb_list(items):
    """A BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def json_ld_script(data):
    """Return a <script type="application/ld+json"> element for data (a dict or list), safe to put in HTML.

    `<`, `>` and `&` are written as JSON escapes, so no value (a page title with "</script>") can end the element early.
    Browsers do not execute this script type, so a strict Content-Security-Policy allows it.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
