"""The service page: what a citizen needs to know and do, and one record of the city's product catalogue."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from catalog.panels import CompletenessPanel
from catalog.structured_data import service_json_ld
from core.pages import SitePageMixin
from governance.forms import ServicePageForm
from governance.permissions import DepartmentPermissionsMixin
from locations.models import schedule_prefetches
from opendata.api import serializers as api

from .vocabularies import ConceptScheme, concepts_of

PROSE_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
ONLINE = "Online"


def _concept_fk(scheme, verbose_name, help_text=""):
    return models.ForeignKey(
        "catalog.Concept",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=concepts_of(scheme),
        help_text=help_text,
    )


def _concepts(scheme, verbose_name, related_name, help_text=""):
    return ParentalManyToManyField(
        "catalog.Concept",
        verbose_name=verbose_name,
        blank=True,
        related_name=related_name,
        limit_choices_to=concepts_of(scheme),
        help_text=help_text,
    )


def first_online_channel(channels):
    """The first online channel with a URL among `channels`, or None."""
    return next((channel for channel in channels if channel.is_online and channel.url), None)


class ServicePage(DepartmentPermissionsMixin, SitePageMixin, RoutablePageMixin, Page):
    """A product or service of the city (an ID card, a parking permit, a premium), in the order citizens read it.

    Its department owns it: only that department's Redacteurs and Goedkeurders edit it (governance.permissions).
    """

    base_form_class = ServicePageForm

    # Inhoud
    summary = models.TextField(
        _("samenvatting"),
        max_length=500,
        help_text=_("Eén of twee zinnen: wat is het en voor wie? Staat onder de titel en in de zoekresultaten."),
    )
    description = RichTextField(_("beschrijving"), features=PROSE_FEATURES, blank=True)
    additional_description = RichTextField(_("aanvullende beschrijving"), features=PROSE_FEATURES, blank=True)
    exceptions = RichTextField(
        _("uitzonderingen"),
        features=PROSE_FEATURES,
        blank=True,
        help_text=_("Wie is vrijgesteld, bijzondere gevallen."),
    )
    legal_basis = RichTextField(
        _("regelgeving"), features=PROSE_FEATURES, blank=True, help_text=_("De wettelijke basis, in gewone woorden.")
    )

    # Aanvragen
    procedure = RichTextField(
        _("procedure"), features=PROSE_FEATURES, blank=True, help_text=_("De stappen, in de volgorde waarin je ze zet.")
    )
    authentication = models.TextField(
        _("aanmelden met"), blank=True, help_text=_("Bv. 'Je meldt je aan met je eID of met itsme.' (SDG)")
    )

    # Kosten en termijnen
    payment_methods = models.TextField(
        _("betaalwijzen"), blank=True, help_text=_("Bv. 'Je betaalt aan het loket met Bancontact of Payconiq.' (SDG)")
    )
    processing_time = models.DurationField(
        _("behandeltermijn"),
        null=True,
        blank=True,
        help_text=_("Hoe lang het duurt, als duur: bv. '21 00:00:00' voor 21 dagen."),
    )
    processing_time_text = models.CharField(
        _("behandeltermijn in woorden"),
        max_length=255,
        blank=True,
        help_text=_("Bv. 'Je krijgt je kaart na ongeveer drie weken.'"),
    )
    deadlines = RichTextField(
        _("termijnen"), features=PROSE_FEATURES, blank=True, help_text=_("Termijnen die de burger moet respecteren.")
    )
    objection = models.TextField(
        _("bezwaar en beroep"),
        blank=True,
        help_text=_("Wat je kan doen als je het niet eens bent met de beslissing. (SDG)"),
    )
    no_response = models.TextField(
        _("geen antwoord?"), blank=True, help_text=_("Wat er gebeurt als de stad niet op tijd antwoordt. (SDG)")
    )
    valid_from = models.DateField(_("aanvraagbaar van"), null=True, blank=True)
    valid_until = models.DateField(_("aanvraagbaar tot"), null=True, blank=True)

    # Classificatie
    keywords = models.CharField(
        _("zoektermen"),
        max_length=500,
        blank=True,
        help_text=_(
            "De woorden waarmee mensen zoeken, gescheiden door komma's: bv. 'eid, id-kaart, identiteitskaart kwijt'."
        ),
    )
    product_type = _concept_fk(ConceptScheme.PRODUCT_TYPE, _("producttype"))
    audiences = _concepts(ConceptScheme.AUDIENCE, _("doelgroepen"), "services_for_audience")
    themes = _concepts(ConceptScheme.THEME, _("thema's"), "services_in_theme")
    life_events = _concepts(ConceptScheme.LIFE_EVENT, _("levensgebeurtenissen"), "services_for_life_event")
    competent_authority_level = _concept_fk(ConceptScheme.COMPETENT_LEVEL, _("bevoegd bestuursniveau"))
    competent_authority = models.ForeignKey(
        "catalog.Organisation",
        verbose_name=_("bevoegde overheid"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie beslist over deze dienst (vaak federaal, bv. voor de eID)."),
    )
    executing_authority_level = _concept_fk(ConceptScheme.EXECUTING_LEVEL, _("uitvoerend bestuursniveau"))
    executing_authority = models.ForeignKey(
        "catalog.Organisation",
        verbose_name=_("uitvoerende overheid"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie voert de dienst uit (de stad, het OCMW, IVAREM ...)."),
    )
    spatial = _concepts(ConceptScheme.AREA, _("geografisch gebied"), "services_in_area")
    languages = _concepts(ConceptScheme.LANGUAGE, _("talen"), "services_in_language")
    ipdc_concept_uri = models.URLField(
        _("IPDC-concept"), blank=True, help_text=_("De URI van het Vlaamse IPDC-concept.")
    )
    ipdc_product_id = models.CharField(
        _("IPDC-productnummer"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\d+$", _("Een productnummer bestaat alleen uit cijfers."))],
    )

    # Publicatie
    title_en = models.CharField(_("Engelse titel"), max_length=255, blank=True)
    summary_en = models.TextField(_("Engelse samenvatting"), max_length=500, blank=True)
    publication_channels = _concepts(ConceptScheme.PUBLICATION_CHANNEL, _("publicatiekanalen"), "services_published_on")
    your_europe_categories = _concepts(ConceptScheme.YOUR_EUROPE, _("Your Europe-categorieën"), "services_in_category")
    department = models.ForeignKey(
        "catalog.Department",
        verbose_name=_("verantwoordelijke afdeling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    review_date = models.DateField(
        _("te herzien op"), null=True, blank=True, help_text=_("Wanneer deze pagina opnieuw nagekeken moet worden.")
    )
    external_id = models.CharField(
        _("externe sleutel"),
        max_length=100,
        blank=True,
        db_index=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_-]+$", _("Gebruik alleen letters, cijfers, - en _."))],
        help_text=_("Vaste sleutel voor import en export; laat leeg als je niet importeert."),
    )

    content_panels = [
        CompletenessPanel(),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("additional_description"),
        InlinePanel("requirements", heading=_("Voorwaarden en bewijsstukken"), label=_("voorwaarde")),
        InlinePanel("financial_advantages", heading=_("Financiële voordelen"), label=_("voordeel")),
        FieldPanel("exceptions"),
        MultiFieldPanel(
            [FieldPanel("legal_basis"), InlinePanel("legal_resources", label=_("wettekst"))], heading=_("Regelgeving")
        ),
        InlinePanel("more_info_links", heading=_("Meer info"), label=_("link")),
        InlinePanel("related_services", heading=_("Gerelateerde diensten"), label=_("dienst")),
    ]
    application_panels = [
        FieldPanel("procedure"),
        InlinePanel("channels", heading=_("Kanalen"), label=_("kanaal"), min_num=1),
        FieldPanel("authentication"),
        InlinePanel("contact_points", heading=_("Contactpunten"), label=_("contactpunt")),
    ]
    cost_panels = [
        InlinePanel("costs", heading=_("Kosten"), label=_("kost")),
        FieldPanel("payment_methods"),
        MultiFieldPanel(
            [FieldPanel("processing_time"), FieldPanel("processing_time_text"), FieldPanel("deadlines")],
            heading=_("Termijnen"),
        ),
        FieldPanel("objection"),
        FieldPanel("no_response"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Aanvraagbaar")),
    ]
    classification_panels = [
        FieldPanel("keywords"),
        FieldPanel("product_type"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("competent_authority_level"),
                FieldPanel("competent_authority"),
                FieldPanel("executing_authority_level"),
                FieldPanel("executing_authority"),
            ],
            heading=_("Overheden"),
        ),
        FieldPanel("spatial"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("ipdc_concept_uri"), FieldPanel("ipdc_product_id")], heading=_("IPDC")),
    ]
    publication_panels = [
        FieldPanel("department"),
        FieldPanel("review_date"),
        MultiFieldPanel(
            [
                FieldPanel("title_en"),
                FieldPanel("summary_en"),
                FieldPanel("publication_channels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("your_europe_categories"),
            ],
            heading=_("Your Europe"),
        ),
        FieldPanel("external_id"),
        *Page.promote_panels,
        *Page.settings_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(application_panels, heading=_("Aanvragen")),
            ObjectList(cost_panels, heading=_("Kosten en termijnen")),
            ObjectList(classification_panels, heading=_("Classificatie")),
            ObjectList(publication_panels, heading=_("Publicatie")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("keywords", boost=8),
        index.SearchField("summary", boost=3),
        index.SearchField("description"),
        index.SearchField("procedure"),
        index.AutocompleteField("keywords"),
        index.FilterField("department"),
    ]

    # The JSON API (opendata/api/): classification as codes, labels and URIs.
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("procedure"),
        APIField("keywords", serializer=api.KeywordsSerializer()),
        APIField("processing_time", serializer=api.DurationSerializer()),
        APIField("product_type", serializer=api.ConceptSerializer(allow_null=True)),
        APIField("audiences", serializer=api.ConceptSerializer(many=True)),
        APIField("themes", serializer=api.ConceptSerializer(many=True)),
        APIField("life_events", serializer=api.ConceptSerializer(many=True)),
        APIField("competent_authority", serializer=api.OrganisationSerializer(allow_null=True)),
        APIField("executing_authority", serializer=api.OrganisationSerializer(allow_null=True)),
        APIField("department", serializer=api.DepartmentSerializer(allow_null=True)),
        APIField("requirements", serializer=api.RequirementSerializer(many=True)),
        APIField("channels", serializer=api.ChannelSerializer(many=True)),
        APIField("costs", serializer=api.CostSerializer(many=True)),
        APIField("contact_points", serializer=api.ContactPointSerializer(many=True)),
        APIField("external_id"),
        APIField("ipdc_product_id"),
    ]

    parent_page_types = ["catalog.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"], condition=~models.Q(external_id=""), name="unique_service_external_id"
            )
        ]

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("'Aanvraagbaar tot' ligt vóór 'aanvraagbaar van'. Kies een latere datum.")}
            )

    @cached_property
    def completeness(self):
        """What is filled in and what is missing (catalog.completeness)."""
        from catalog.completeness import completeness

        return completeness(self)

    @property
    def completeness_score(self):
        return self.completeness.score

    @property
    def completeness_missing(self):
        return self.completeness.missing_text

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.replace(";", ",").split(",") if word.strip()]

    @cached_property
    def online_channel(self):
        """The first online channel with a URL: the e-loket form behind the "Online aanvragen" button."""
        return first_online_channel(self.channels.select_related("channel_type"))

    def get_summary(self):
        return self.summary

    def get_json_ld(self, request):
        """The GovernmentService of this page; computed from what get_context() already fetched when it ran."""
        if not hasattr(self, "_json_ld"):
            self.get_context(request)
        return self._json_ld

    # Open data (opendata/views.py): the CPSV-AP JSON-LD of this service at <url>cpsv.jsonld, and at <url> itself for
    # clients that ask for JSON-LD.
    # Wagtail's routing turns ".../cpsv.jsonld" (routed here by urls.py) into the sub-path "cpsv.jsonld/".
    @re_path(r"^cpsv\.jsonld/$", name="cpsv_jsonld")
    def cpsv_jsonld(self, request):
        from opendata.views import service_jsonld

        return service_jsonld(request, self)

    def serve(self, request, view=None, args=None, kwargs=None):
        from opendata.views import negotiate_service

        if view is None or getattr(view, "__name__", "") == "index_route":
            return negotiate_service(request, self, lambda: super(ServicePage, self).serve(request, view, args, kwargs))
        return super().serve(request, view, args, kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["channels"] = list(
            self.channels.select_related("channel_type", "location", "location__opening_hours").prefetch_related(
                *schedule_prefetches("location__opening_hours")
            )
        )
        self.online_channel = first_online_channel(context["channels"])  # no second query for the button
        context["costs"] = list(self.costs.select_related("channel"))
        requirements = list(self.requirements.all())
        context["requirements"] = [requirement for requirement in requirements if requirement.description]
        context["evidence"] = [requirement for requirement in requirements if requirement.evidence]
        context["contact_points"] = [
            link.contact_point
            for link in self.contact_points.select_related("contact_point")
            if link.contact_point.live
        ]
        self._json_ld = service_json_ld(self, request, context["channels"], context["costs"], context["contact_points"])
        context["related_services"] = [
            link.related_service
            for link in self.related_services.select_related("related_service")
            if link.related_service.live
        ]
        return context


class ServiceRequirement(Orderable):
    """A condition to meet (voorwaarde) and the evidence to bring for it (bewijsstukken)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="requirements")
    title = models.CharField(_("titel"), max_length=255, default=_("Voorwaarden"))
    description = RichTextField(_("voorwaarden"), features=PROSE_FEATURES, blank=True)
    evidence = RichTextField(
        _("bewijsstukken (wat meebrengen)"),
        features=PROSE_FEATURES,
        blank=True,
        help_text=_("Wat de burger moet meebrengen of opladen."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("evidence")]


class ServiceChannel(Orderable):
    """A way to apply: online (with the URL of the e-loket form), at a counter, by phone, by post, or automatically."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="channels")
    channel_type = models.ForeignKey(
        "catalog.Concept",
        verbose_name=_("kanaal"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=concepts_of(ConceptScheme.CHANNEL_TYPE),
    )
    url = models.URLField(_("URL"), blank=True, help_text=_("Voor online: het adres van het e-loketformulier (https)."))
    location = models.ForeignKey(
        "locations.LocationPage",
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_channels",
        help_text=_("Voor het loket: de locatiepagina, met haar adres en openingsuren."),
    )
    location_text = models.CharField(
        _("locatie (tekst)"),
        max_length=255,
        blank=True,
        help_text=_("Alleen als er geen locatiepagina is, bv. 'Bij je thuis'."),
    )
    appointment_only = models.BooleanField(_("alleen op afspraak"), default=False)
    description = models.CharField(_("toelichting"), max_length=255, blank=True)

    panels = [
        FieldPanel("channel_type"),
        FieldPanel("url"),
        PageChooserPanel("location", "locations.LocationPage"),
        FieldPanel("location_text"),
        FieldPanel("appointment_only"),
        FieldPanel("description"),
    ]

    @property
    def location_name(self):
        return self.location.title if self.location_id else self.location_text

    @property
    def is_appointment_only(self):
        """Only by appointment: said so on the channel, or every opening hour of its location is by appointment."""
        if self.appointment_only:
            return True
        hours = self.location.opening_hours if self.location_id else None
        return bool(hours and hours.appointment_only)

    @property
    def is_online(self):
        return self.channel_type_id is not None and self.channel_type.code == ONLINE

    def clean(self):
        super().clean()
        if self.channel_type_id and self.is_online:
            if not self.url:
                raise ValidationError({"url": _("Een online kanaal heeft het adres van het e-loketformulier nodig.")})
            if not self.url.startswith("https://"):
                raise ValidationError({"url": _("Gebruik een beveiligd adres dat begint met https://.")})


class ServiceCost(Orderable):
    """What it costs: a label, a text and, where fixed, an amount in euro, optionally for one channel."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="costs")
    label = models.CharField(_("omschrijving"), max_length=255, help_text=_("Bv. 'Voor volwassenen'."))
    description = models.TextField(_("toelichting"), blank=True)
    amount = models.DecimalField(
        _("bedrag in euro"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Een bedrag kan niet negatief zijn."))],
        help_text=_("Laat leeg als het bedrag varieert; 0 voor gratis."),
    )
    channel = models.ForeignKey(
        "catalog.Concept",
        verbose_name=_("via kanaal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=concepts_of(ConceptScheme.CHANNEL_TYPE),
    )

    panels = [FieldPanel("label"), FieldPanel("description"), FieldPanel("amount"), FieldPanel("channel")]


class ServiceFinancialAdvantage(Orderable):
    """What the citizen receives (a premium, an allowance)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="financial_advantages")
    title = models.CharField(_("titel"), max_length=255)
    description = models.TextField(_("beschrijving"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]


class ServiceLegalResource(Orderable):
    """A law or regulation the service rests on."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="legal_resources")
    title = models.CharField(_("titel"), max_length=255)
    url = models.URLField(_("URL"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]


class ServiceMoreInfoLink(Orderable):
    """Further reading elsewhere."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="more_info_links")
    title = models.CharField(_("titel"), max_length=255)
    url = models.URLField(_("URL"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]


class ServiceRelation(Orderable):
    """Another service that people also need."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_services")
    related_service = models.ForeignKey(
        ServicePage, verbose_name=_("dienst"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_service", "catalog.ServicePage")]


class ServiceContactPoint(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contact_points")
    contact_point = models.ForeignKey(
        "catalog.ContactPoint", verbose_name=_("contactpunt"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact_point")]
