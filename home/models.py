"""The home page and the site-wide settings editors manage: the alert banner and the footer links."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

from core.pages import SitePageMixin
from core.structured_data import CONTEXT, organization

LATEST_NEWS_COUNT = 3
OPEN_NOW_COUNT = 4


class HomePage(SitePageMixin, Page):
    """The root of the public site: the search box first, then the top tasks, themes, life events and the latest news.

    The blocks of the home page template (home/includes/) render what these methods return; an empty list hides a block:
    `get_top_tasks()`, `get_themes()`, `get_life_events()`, `get_open_locations()`, `get_latest_news()`.
    """

    intro = models.CharField(
        _("introtekst"),
        max_length=255,
        blank=True,
        help_text=_("Eén zin onder de titel, bv. 'Alle producten en diensten van de stad, op elk moment.'"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("top_tasks", heading=_("Toptaken"), label=_("toptaak"), max_num=8),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_top_tasks(self):
        """The live services editors picked as top tasks (at most 8), in their order (one query)."""
        return [task.service for task in self.top_tasks.select_related("service") if task.service.live]

    def get_themes(self):
        """The live theme pages of this site, A to Z (one query)."""
        from catalog.models import ThemePage

        return list(ThemePage.objects.live().public().descendant_of(self).order_by("title"))

    def get_life_events(self):
        """The live life-event guides of this site, A to Z (one query)."""
        from catalog.models import LifeEventPage

        return list(LifeEventPage.objects.live().public().descendant_of(self).order_by("title"))

    def get_open_locations(self):
        """The first locations of the site (in the editors' order) that have opening hours, for the "nu open" block."""
        from locations.models import LocationPage, schedule_prefetches

        return list(
            LocationPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(opening_hours__isnull=False)
            .select_related("opening_hours")
            .prefetch_related(*schedule_prefetches("opening_hours"))
            .order_by("path")[:OPEN_NOW_COUNT]
        )

    def get_latest_news(self):
        """The most recent live, public news articles of this site (one query)."""
        from news.models import NewsPage

        return list(
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-date", "-pk")[:LATEST_NEWS_COUNT]
        )

    def get_news_index(self):
        """The news index page directly under the home page, or None (one query)."""
        from news.models import NewsIndexPage

        return NewsIndexPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            top_tasks=self.get_top_tasks(),
            themes=self.get_themes(),
            life_events=self.get_life_events(),
            open_locations=self.get_open_locations(),
            latest_news=self.get_latest_news(),
            news_index=self.get_news_index(),
        )
        return context

    def get_json_ld(self, request):
        url = self.get_full_url(request)
        return {
            "@context": CONTEXT,
            "@type": "WebSite",
            "name": self.title,
            "url": url,
            "inLanguage": "nl-BE",
            "publisher": organization(url),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{url.rstrip('/')}/zoeken/?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        }


@register_setting(icon="warning")
class SiteAlert(BaseSiteSetting):
    """A short message at the top of every page, shown only between its start and end time."""

    text = models.CharField(
        _("melding"),
        max_length=300,
        blank=True,
        help_text=_("Kort en duidelijk, bv. 'Het stadhuis is gesloten op 11 november.' Laat leeg om niets te tonen."),
    )
    link_url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Optioneel: een pagina met meer uitleg, bv. /nieuws/loketten-gesloten/ of https://..."),
    )
    link_text = models.CharField(_("tekst van de link"), max_length=100, blank=True, default="Meer informatie")
    starts_at = models.DateTimeField(
        _("tonen vanaf"), null=True, blank=True, help_text=_("Laat leeg om de melding meteen te tonen.")
    )
    ends_at = models.DateTimeField(
        _("tonen tot"), null=True, blank=True, help_text=_("Laat leeg om de melding te tonen tot je ze weghaalt.")
    )

    panels = [
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("link_url"), FieldPanel("link_text")], heading=_("Link")),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Wanneer tonen")),
    ]

    class Meta:
        verbose_name = _("melding bovenaan de site")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
        if self.link_url and not self.link_url.startswith(("/", "https://", "http://")):
            raise ValidationError({"link_url": _("Begin de link met / (een pagina van deze site) of met https://.")})

    def is_shown(self, now=None):
        """True when there is a text and `now` (default: the current time) lies inside the window."""
        now = now or timezone.now()
        if not self.text.strip():
            return False
        if self.starts_at and now < self.starts_at:
            return False
        return not (self.ends_at and now >= self.ends_at)


@register_setting(icon="link")
class FooterLinks(BaseSiteSetting):
    """The pages every page links to in its footer. Loaded with one query (the pages are joined)."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cookies"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["accessibility_page", "privacy_page", "cookies_page"]
    panels = [FieldPanel("accessibility_page"), FieldPanel("privacy_page"), FieldPanel("cookies_page")]

    class Meta:
        verbose_name = _("links in de voettekst")


class HomePageTopTask(Orderable):
    """A service on the home page's list of top tasks: what most citizens come for."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_tasks")
    service = models.ForeignKey(
        "catalog.ServicePage", verbose_name=_("dienst"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("service", "catalog.ServicePage")]
