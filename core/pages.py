"""What every public page type shares: a summary for listings and meta tags, and a place for its JSON-LD."""


class SitePageMixin:
    """Mix into a Page model: `class StandardPage(SitePageMixin, Page)`.

    - `get_summary()`: one or two sentences for listings, `<meta name="description">` and OpenGraph.
    - `get_json_ld(request)`: the page's schema.org description (see core/structured_data.py), or None.
    - `og_type`: the OpenGraph type ("website", "article").
    """

    og_type = "website"

    def get_summary(self):
        return self.search_description or getattr(self, "intro", "") or ""

    def get_json_ld(self, request):
        return None
