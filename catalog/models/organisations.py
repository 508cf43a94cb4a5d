"""Who provides and who answers: public organisations, the city's departments, and contact points."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

ORGANISATION_URI_BASE = "https://data.vlaanderen.be/id/organisatie/"


class Organisation(index.Indexed, models.Model):
    """A public organisation that is competent for or carries out a service (Stad Mechelen, OCMW, a federal service)."""

    name = models.CharField(_("naam"), max_length=255)
    ovo_id = models.CharField(
        _("OVO-code"),
        max_length=20,
        unique=True,
        help_text=_("De code in de Vlaamse organisatieregistratie, bv. OVO002172."),
    )
    kbo_number = models.CharField(_("KBO-nummer"), max_length=20, blank=True, help_text=_("Bv. 0207.500.123."))
    website = models.URLField(_("website"), blank=True)
    lblod_uri = models.URLField(
        _("LBLOD-URI (bestuurseenheid)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Alleen voor lokale besturen (stad, OCMW): de URI van de bestuurseenheid in LBLOD, bv. "
            "http://data.lblod.info/id/bestuurseenheden/… De Vlaamse productencatalogus (IPDC) verwacht die als "
            "bevoegde overheid. Je vindt ze op data.lblod.info. Leeg: de OVO-URI wordt gebruikt."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("ovo_id"),
        FieldPanel("kbo_number"),
        FieldPanel("website"),
        FieldPanel("lblod_uri"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("ovo_id")]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def uri(self):
        """The organisation in the Flemish organisation register (OVO): how CPSV-AP exports name it."""
        return ORGANISATION_URI_BASE + self.ovo_id

    @property
    def ipdc_uri(self):
        """How IPDC-LPDC snapshots name it: the LBLOD bestuurseenheid where one is set (LPDC asks for those for local
        governments), otherwise the OVO URI."""
        return self.lblod_uri or self.uri


class Department(index.Indexed, models.Model):
    """A department (dienst) of the city that owns services and keeps them right."""

    name = models.CharField(_("naam"), max_length=255, unique=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    editor_group = models.ForeignKey(
        Group,
        verbose_name=_("groep redacteurs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De gebruikersgroep die de diensten van deze afdeling bewerkt."),
    )
    approver_group = models.ForeignKey(
        Group,
        verbose_name=_("groep goedkeurders"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De gebruikersgroep die wijzigingen aan de diensten van deze afdeling goedkeurt en publiceert."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        MultiFieldPanel([FieldPanel("editor_group"), FieldPanel("approver_group")], heading=_("Wie beheert")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ContactPoint(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """Where citizens can ask about a service: phone, e-mail, web page, address and opening hours.

    A snippet with drafts and revisions: a change is prepared and published like a page, and a service page always shows
    the live version.
    """

    name = models.CharField(_("naam"), max_length=255)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    url = models.URLField(_("webpagina"), blank=True)
    street = models.CharField(_("straat"), max_length=255, blank=True)
    number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    box = models.CharField(_("bus"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True)
    opening_hours = models.ForeignKey(
        "locations.OpeningHours",
        verbose_name=_("openingsuren"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_points",
        help_text=_("De openingsuren die je één keer beheert onder 'Openingsuren'."),
    )
    opening_hours_text = models.TextField(
        _("openingsuren (tekst)"),
        blank=True,
        help_text=_("Aanvulling in woorden, bv. 'Telefonisch elke werkdag van 8 tot 18 uur.'"),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("url")], heading=_("Bereikbaar via")),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("number"),
                FieldPanel("box"),
                FieldPanel("postcode"),
                FieldPanel("municipality"),
            ],
            heading=_("Adres"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("opening_hours_text"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("contactpunt")
        verbose_name_plural = _("contactpunten")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address_line(self):
        street = " ".join(part for part in [self.street, self.number] if part)
        if self.box:
            street = f"{street} bus {self.box}"
        place = " ".join(part for part in [self.postcode, self.municipality] if part)
        return ", ".join(part for part in [street, place] if part)
