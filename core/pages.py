"""What every public page type shares: a summary for listings and meta tags, and a place for its JSON-LD."""

from django.utils.html import strip_tags


class SitePageMixin:
    """Mix into a Page model: `class StandardPage(SitePageMixin, Page)`.

    - `get_summary()`: one or two sentences for listings, `<meta name="description">` and OpenGraph.
    - `get_json_ld(request)`: the page's schema.org description (see core/structured_data.py), or None.
    - `og_type`: the OpenGraph type ("website", "article").
    """

    og_type = "website"

    def get_summary(self):
        # An intro may be rich text: meta tags and listings want plain text.
        return self.search_description or strip_tags(getattr(self, "intro", "") or "").strip()

    def get_json_ld(self, request):
        return None
