"""RSS 2.0 and Atom feeds of a news index, served by NewsIndexPage at rss/ and atom/."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from news.models import FEED_SIZE


class NewsRssFeed(Feed):
    """The newest articles of one news index."""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page):
        return index_page

    def title(self, index_page):
        return _("%(title)s | Stad Mechelen") % {"title": index_page.title}

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def description(self, index_page):
        return index_page.intro or _("Nieuws van Stad Mechelen")

    def feed_url(self, index_page):
        return self.request.build_absolute_uri()

    def items(self, index_page):
        return index_page.get_articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.last_published_at or item.published_at, item.published_at)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return self.description(index_page)
