"""Which pages the public may see: one definition for the sitemap, search, APIs and exports.

A page is public when it is live and neither it nor an ancestor has a view restriction (login, groups, password).
Everything that lists pages outside Wagtail's own page serving must filter through `public_pages`, so that a private
page never leaks through a sitemap, a search result, an API answer or an export.
"""

from wagtail.models import Page


def public_pages(queryset=None):
    """The live, unrestricted pages of `queryset` (all pages when omitted).

    Works on any page queryset, also of a specific type (`ServicePage.objects.all()`), and keeps it lazy.
    """
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public()
