"""Events: EventIndexPage (upcoming events, with an iCal feed at ical/) and EventPage (one event, iCal download at ical/)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.pages import SitePageMixin
from core.structured_data import CONTEXT, organization
from pages.blocks import ContentStreamBlock
from pages.models import paginate

EVENT_PAGE_SIZE = 20


class EventIndexPage(SitePageMixin, RoutablePageMixin, Page):
    """The calendar: events that have not ended yet, soonest first, and their iCal feed (ical/)."""

    intro = models.TextField(_("inleiding"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "pages.SectionPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("evenementenkalender")
        verbose_name_plural = _("evenementenkalenders")

    def get_upcoming_events(self, now=None):
        """Live, public events under this page that have not ended, soonest first."""
        now = now or timezone.now()
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .filter(end__gte=now)
            .defer_streamfields()
            .order_by("start", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = paginate(request, self.get_upcoming_events(), EVENT_PAGE_SIZE)
        context.update(events=events, page_number=events.number)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_feed(self, request):
        from events.ical import calendar_response

        return calendar_response(request, self.get_upcoming_events(), self.title, f"{self.slug}.ics")


class EventPage(SitePageMixin, RoutablePageMixin, Page):
    """An event: when (start and end), where (a name and optionally a location page), what (introduction and body)."""

    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    location_name = models.CharField(
        _("plaats"), max_length=255, help_text=_("Zoals mensen de plaats kennen, bv. 'Bibliotheek Het Predikheren'.")
    )
    location_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina van de locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optioneel: de pagina met adres en openingsuren van de locatie."),
    )
    intro = models.TextField(_("inleiding"), max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Wanneer")),
        MultiFieldPanel([FieldPanel("location_name"), FieldPanel("location_page")], heading=_("Waar")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("location_name"),
        index.SearchField("body"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde moet na het begin liggen.")})

    @property
    def is_single_day(self):
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_download(self, request):
        from events.ical import calendar_response

        return calendar_response(request, [self], self.title, f"{self.slug}.ics")

    def get_json_ld(self, request):
        site = Site.find_for_request(request) if request is not None else None
        place = {"@type": "Place", "name": self.location_name, "address": self.location_name}
        if self.location_page_id and self.location_page:
            place["url"] = self.location_page.get_full_url(request)
        return {
            "@context": CONTEXT,
            "@type": "Event",
            "name": self.title,
            "description": self.intro,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "organizer": organization(site.root_page.get_full_url(request) if site else None),
            "url": self.get_full_url(request),
            "inLanguage": "nl-BE",
        }
