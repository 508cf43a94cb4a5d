"""Content pages that are not services: StandardPage (a page of blocks) and SectionPage (a section that lists its pages)."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import SitePageMixin
from core.structured_data import CONTEXT
from pages.blocks import ContentStreamBlock, table_of_contents

# The table of contents appears when a page has at least this many headings.
TOC_MIN_HEADINGS = 3
SECTION_PAGE_SIZE = 30


def page_number(request):
    """The listing page asked for in ?pagina=, or 1 when it is missing or not a number."""
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


def paginate(request, queryset, per_page):
    """A page of the listing; a number past the end gives the last page, anything else the first. Never an error."""
    return Paginator(queryset, per_page).get_page(page_number(request))


class StandardPage(SitePageMixin, Page):
    """A page of text blocks: the accessibility statement, privacy, contact, ... Headings build a table of contents."""

    intro = models.TextField(
        _("inleiding"),
        max_length=600,
        blank=True,
        help_text=_("Eén of twee zinnen die zeggen waarover de pagina gaat. Verschijnt ook in zoekresultaten."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "pages.SectionPage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")

    def get_table_of_contents(self):
        toc = table_of_contents(self.body)
        return toc if len(toc) >= TOC_MIN_HEADINGS else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["table_of_contents"] = self.get_table_of_contents()
        return context

    def get_json_ld(self, request):
        return {
            "@context": CONTEXT,
            "@type": "WebPage",
            "name": self.title,
            "description": self.get_summary(),
            "url": self.get_full_url(request),
            "inLanguage": "nl-BE",
        }


class SectionPage(SitePageMixin, Page):
    """A section of the site, like a folder: an introduction and the list of the pages in it."""

    intro = models.TextField(_("inleiding"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "pages.SectionPage"]

    class Meta:
        verbose_name = _("sectiepagina")
        verbose_name_plural = _("sectiepagina's")

    def get_children_for_listing(self):
        """Live, public children in page-tree order, as their own page types (one query per page type)."""
        return self.get_children().live().public().defer_streamfields().specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = paginate(request, self.get_children_for_listing(), SECTION_PAGE_SIZE)
        context.update(children=listing, page_number=listing.number)
        return context
