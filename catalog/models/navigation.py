"""Ways into the catalogue: the A to Z index with filters, theme pages and life-event guides."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from catalog.listing import ServiceListing, concept_links
from catalog.models.services import PROSE_FEATURES
from catalog.models.vocabularies import ConceptScheme, concepts_of
from core.pages import SitePageMixin
from governance.permissions import DepartmentPermissionsMixin


class ServiceIndexPage(DepartmentPermissionsMixin, SitePageMixin, Page):
    """ "Producten en diensten": every live service A to Z, with a letter index and filters that work without JavaScript."""

    intro = RichTextField(_("introtekst"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalog.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("productcatalogus")
        verbose_name_plural = _("productcatalogi")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = ServiceListing(request, base_services=self.services())
        return context

    def services(self):
        from catalog.models.services import ServicePage

        return ServicePage.objects.live().public().descendant_of(self)


class ThemeIndexPage(SitePageMixin, Page):
    """ "Thema's": the themes of the site."""

    intro = RichTextField(_("introtekst"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalog.ThemePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht thema's")
        verbose_name_plural = _("overzichten thema's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.objects.child_of(self).live().public().order_by("title")
        return context


class ThemePage(SitePageMixin, Page):
    """A theme of the city ("Mobiliteit en parkeren"): an intro, the top services editors pick, then all its services."""

    intro = RichTextField(_("introtekst"), features=PROSE_FEATURES, blank=True)
    ipdc_themes = ParentalManyToManyField(
        "catalog.Concept",
        verbose_name=_("IPDC-thema's"),
        related_name="theme_pages",
        limit_choices_to=concepts_of(ConceptScheme.THEME),
        help_text=_("De diensten met een van deze thema's verschijnen op deze pagina."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("ipdc_themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("top_services", heading=_("Toptaken"), label=_("dienst"), max_num=6),
    ]
    parent_page_types = ["catalog.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def get_context(self, request, *args, **kwargs):
        from catalog.models.services import ServicePage

        context = super().get_context(request, *args, **kwargs)
        top_services = [link.service for link in self.top_services.select_related("service") if link.service.live]
        in_theme = concept_links("themes").filter(concept__in=self.ipdc_themes.all()).values("servicepage_id")
        services = (
            ServicePage.objects.live()
            .public()
            .filter(pk__in=in_theme)  # a subquery, not a join: no service twice, no DISTINCT (see catalog.listing)
            .exclude(pk__in=[service.pk for service in top_services])
        )
        context["top_services"] = top_services
        context["listing"] = ServiceListing(request, base_services=services, facets=())
        return context


class ThemeTopService(Orderable):
    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="top_services")
    service = models.ForeignKey(
        "catalog.ServicePage", verbose_name=_("dienst"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("service", "catalog.ServicePage")]


class LifeEventIndexPage(SitePageMixin, Page):
    """ "Levensgebeurtenissen": guides for moments in life (moving, a child, a death)."""

    intro = RichTextField(_("introtekst"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalog.LifeEventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht levensgebeurtenissen")
        verbose_name_plural = _("overzichten levensgebeurtenissen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["life_events"] = LifeEventPage.objects.child_of(self).live().public().order_by("title")
        return context


class LifeEventPage(SitePageMixin, Page):
    """A guide for a moment in life ("Je gaat verhuizen"): the services in the order a citizen needs them."""

    life_event = models.ForeignKey(
        "catalog.Concept",
        verbose_name=_("levensgebeurtenis"),
        on_delete=models.PROTECT,
        related_name="guides",
        limit_choices_to=concepts_of(ConceptScheme.LIFE_EVENT),
    )
    intro = RichTextField(_("introtekst"), features=PROSE_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("life_event"),
        FieldPanel("intro"),
        InlinePanel("steps", heading=_("Stappen"), label=_("stap")),
    ]
    parent_page_types = ["catalog.LifeEventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("levensgebeurtenis")
        verbose_name_plural = _("levensgebeurtenissen")

    def get_context(self, request, *args, **kwargs):
        from catalog.models.services import ServicePage

        context = super().get_context(request, *args, **kwargs)
        steps = [step for step in self.steps.select_related("service") if step.service.live]
        context["steps"] = steps
        context["other_services"] = (
            ServicePage.objects.live()
            .public()
            .filter(life_events=self.life_event_id)
            .exclude(pk__in=[step.service_id for step in steps])
            .order_by("title")
            .only("title", "url_path", "summary")
        )
        return context


class LifeEventStep(Orderable):
    page = ParentalKey(LifeEventPage, on_delete=models.CASCADE, related_name="steps")
    service = models.ForeignKey(
        "catalog.ServicePage", verbose_name=_("dienst"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("toelichting"), max_length=255, blank=True, help_text=_("Waarom of wanneer je dit doet, in één zin.")
    )

    panels = [PageChooserPanel("service", "catalog.ServicePage"), FieldPanel("note")]
