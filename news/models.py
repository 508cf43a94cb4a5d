"""News: NewsIndexPage (the list, with RSS and Atom feeds at rss/ and atom/) and NewsPage (one article)."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.pages import SitePageMixin
from core.structured_data import CONTEXT, organization
from pages.blocks import ContentStreamBlock
from pages.models import paginate

NEWS_PAGE_SIZE = 10
FEED_SIZE = 20


class NewsIndexPage(SitePageMixin, RoutablePageMixin, Page):
    """The news: the newest articles first, ten per page, with an RSS feed (rss/) and an Atom feed (atom/)."""

    intro = models.TextField(_("inleiding"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "pages.SectionPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")
        verbose_name_plural = _("nieuwsoverzichten")

    def get_articles(self):
        """Live, public articles under this index, newest first."""
        return NewsPage.objects.child_of(self).live().public().defer_streamfields().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, self.get_articles(), NEWS_PAGE_SIZE)
        context.update(articles=articles, page_number=articles.number)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed()(request, index_page=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index_page=self)


class NewsPage(SitePageMixin, Page):
    """A news article: a date, an introduction and a body of blocks."""

    date = models.DateField(_("datum"), default=datetime.date.today)
    intro = models.TextField(
        _("inleiding"),
        max_length=600,
        help_text=_("Eén of twee zinnen: het belangrijkste nieuws. Verschijnt in het overzicht en in de feeds."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    @property
    def published_at(self):
        """The article's date as an aware datetime at midnight, Belgian time (for feeds and JSON-LD)."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    def get_json_ld(self, request):
        site = Site.find_for_request(request) if request is not None else None
        site_url = site.root_page.get_full_url(request) if site else None
        data = {
            "@context": CONTEXT,
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.intro,
            "datePublished": self.published_at.isoformat(),
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
            "inLanguage": "nl-BE",
            "author": organization(site_url),
            "publisher": organization(site_url),
        }
        if self.last_published_at:
            data["dateModified"] = max(self.last_published_at, self.published_at).isoformat()
        return data
