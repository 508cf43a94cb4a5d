"""Locations (where to go) and opening hours (when it is open).

`OpeningHours` is a snippet that editors maintain once and link from everywhere: a location page, and later the catalogue's
contact points and service channels. Its rules live in the pure module `locations.opening_hours`; `OpeningHours.schedule`
turns the rows into that module's plain data. To show several OpeningHours without a query each, fetch them with
`OpeningHours.objects.with_schedule()` or prefetch `schedule_prefetches("opening_hours")` on the linking model.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from locations import opening_hours as oh
from opendata.api import serializers as api

WEEKDAY_CHOICES = [(number, name) for number, name in enumerate(oh.WEEKDAYS)]
ACCESS_CHOICES = [(False, _("vrij binnenlopen")), (True, _("alleen op afspraak"))]
# Children of OpeningHours to prefetch so that its schedule costs no further query.
SCHEDULE_RELATIONS = ("weekly_slots", "periods__slots", "closures", "openings__slots")


def schedule_prefetches(prefix: str = "") -> list[str]:
    """prefetch_related() lookups for the schedule of OpeningHours reached through `prefix` (e.g. "opening_hours")."""
    return [f"{prefix}__{relation}" if prefix else relation for relation in SCHEDULE_RELATIONS]


class OpeningHoursQuerySet(models.QuerySet):
    def with_schedule(self):
        """OpeningHours with everything their schedule needs, in a fixed number of queries."""
        return self.prefetch_related(*SCHEDULE_RELATIONS)


class OpeningHoursForm(WagtailAdminModelForm):
    """Checks across the rows: slots of one day must not overlap, a date has at most one closure or opening."""

    def is_valid(self):
        # The rows are cleaned only after the form's own clean(), so the checks across rows run here.
        valid = super().is_valid()
        if not valid:
            return False
        return not self._check_rows()

    def _check_rows(self) -> bool:
        """Add errors to the offending rows; True when there were any."""
        self._check_overlaps(self.formsets.get("weekly_slots"))
        for period_form in self._live_forms(self.formsets.get("periods")):
            self._check_overlaps(period_form.formsets.get("slots"))
        for opening_form in self._live_forms(self.formsets.get("openings")):
            self._check_overlaps(opening_form.formsets.get("slots"), by_weekday=False)
        closed = set()
        for form in self._live_forms(self.formsets.get("closures")):
            day = form.cleaned_data.get("date")
            last = form.cleaned_data.get("end_date") or day
            while day and day <= last:
                closed.add(day)
                day += dt.timedelta(days=1)
        seen_openings = set()
        for form in self._live_forms(self.formsets.get("openings")):
            day = form.cleaned_data.get("date")
            if day in closed:
                form.add_error("date", _("Op deze dag is er ook een uitzonderlijke sluiting. Kies één van beide."))
            elif day in seen_openings:
                form.add_error("date", _("Er is al een uitzonderlijke opening op deze dag."))
            seen_openings.add(day)
        return any(form.errors for formset in self._all_formsets() for form in formset.forms)

    def _all_formsets(self):
        for name, formset in self.formsets.items():
            yield formset
            if name in ("periods", "openings"):
                for form in formset.forms:
                    yield from form.formsets.values()

    @staticmethod
    def _live_forms(formset):
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]

    def _check_overlaps(self, formset, by_weekday=True):
        days: dict[int, list] = {}
        for form in self._live_forms(formset):
            start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
            if start is None or end is None:
                continue
            weekday = form.cleaned_data.get("weekday") if by_weekday else 0
            earlier = days.setdefault(weekday, [])
            if oh.overlaps([*[(s, e) for s, e, _form in earlier], (start, end)]):
                form.add_error("start", _("Dit tijdslot overlapt met een ander tijdslot op dezelfde dag."))
            earlier.append((start, end, form))


class OpeningHours(ClusterableModel):
    """Opening hours that editors maintain once and link from locations, contact points and service channels."""

    name = models.CharField(
        _("naam"),
        max_length=255,
        unique=True,
        help_text=_("Waarvoor deze uren gelden, bv. 'Huis van de Mechelaar' of 'Recyclagepark'."),
    )
    open_on_public_holidays = models.BooleanField(
        _("open op feestdagen"),
        default=False,
        help_text=_(
            "Standaard is de locatie gesloten op de wettelijke feestdagen in België. "
            "Vink dit aan als ze op feestdagen de gewone uren volgt."
        ),
    )

    objects = OpeningHoursQuerySet.as_manager()

    base_form_class = OpeningHoursForm
    panels = [
        FieldPanel("name"),
        InlinePanel(
            "weekly_slots",
            heading=_("Gewone openingsuren"),
            label=_("tijdslot"),
            help_text=_(
                "Voeg per dag één of meer tijdsloten toe, bv. 8:30-12:30 en 13:30-16:00. Een dag zonder tijdslot is gesloten."
            ),
        ),
        InlinePanel(
            "periods",
            heading=_("Periodes met andere uren"),
            label=_("periode"),
            help_text=_("Bv. zomeruren. In de periode gelden alleen de tijdsloten van de periode."),
        ),
        InlinePanel(
            "closures",
            heading=_("Uitzonderlijke sluitingen"),
            label=_("sluiting"),
            help_text=_("Dagen waarop de locatie uitzonderlijk dicht is. De reden zien burgers op de site."),
        ),
        InlinePanel(
            "openings",
            heading=_("Uitzonderlijke openingen"),
            label=_("opening"),
            help_text=_("Dagen met andere uren dan normaal, bv. een extra zaterdagopening."),
        ),
        FieldPanel("open_on_public_holidays"),
    ]

    class Meta:
        verbose_name = _("openingsuren")
        verbose_name_plural = _("openingsuren")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @cached_property
    def schedule(self) -> oh.Schedule:
        """These hours as plain data for `locations.opening_hours` (uses prefetched rows when present)."""

        def week_of(slots):
            weekly: dict[int, list] = {}
            for slot in slots:
                weekly.setdefault(slot.weekday, []).append(slot.as_slot())
            return {weekday: tuple(values) for weekday, values in weekly.items()}

        return oh.Schedule(
            weekly=week_of(self.weekly_slots.all()),
            periods=tuple(
                oh.Period(period.name, period.start_date, period.end_date, week_of(period.slots.all()))
                for period in self.periods.all()
            ),
            closures=tuple(oh.Closure(c.date, c.reason, c.end_date) for c in self.closures.all()),
            openings=tuple(
                oh.ExtraOpening(o.date, o.reason, tuple(s.as_slot() for s in o.slots.all()))
                for o in self.openings.all()
            ),
            open_on_public_holidays=self.open_on_public_holidays,
        )

    def state(self, at: dt.datetime | None = None) -> oh.State:
        """Open or closed now (or at the aware datetime `at`), in words: "Nu open tot 16:00"."""
        return oh.state_at(self.schedule, at or timezone.now())

    def week(self, at: dt.datetime | None = None, days: int = 7) -> list[oh.Day]:
        """The hours of the coming `days` days from today (or from the date of `at`), special days applied."""
        return oh.week(self.schedule, oh.local_today(at or timezone.now()), days)

    def access_summary(self) -> str:
        """ "alleen op afspraak", "vrij binnenlopen" or "vrij binnenlopen en op afspraak", from the regular hours.

        For a service channel: "Aan het loket: Huis van de Mechelaar, alleen op afspraak".
        """
        flags = {slot.appointment_only for slots in self.schedule.weekly.values() for slot in slots}
        if flags == {True}:
            return str(_("alleen op afspraak"))
        if flags == {False}:
            return str(_("vrij binnenlopen"))
        if flags:
            return str(_("vrij binnenlopen en op afspraak"))
        return ""

    @property
    def appointment_only(self) -> bool:
        """True when every regular slot is by appointment only."""
        slots = [slot for slots in self.schedule.weekly.values() for slot in slots]
        return bool(slots) and all(slot.appointment_only for slot in slots)

    def cpsv_opening_hours(self, at: dt.datetime | None = None) -> str:
        """The hours as Dutch text for CPSV-AP `cv:openingHours` (export)."""
        return oh.cpsv_opening_hours(self.schedule, oh.local_today(at or timezone.now()))

    def opening_hours_specification(self, at: dt.datetime | None = None) -> list[dict]:
        """schema.org openingHoursSpecification, with the special days of the coming year."""
        return oh.opening_hours_specification(self.schedule, oh.local_today(at or timezone.now()))


class SlotFields(models.Model):
    """A start and end time, walk-in or by appointment only. An end of 0:00 means until midnight."""

    start = models.TimeField(_("van"))
    end = models.TimeField(_("tot"), help_text=_("0:00 betekent tot middernacht."))
    appointment_only = models.BooleanField(_("toegang"), default=False, choices=ACCESS_CHOICES)

    slot_panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("appointment_only", widget=forms.RadioSelect),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return oh.describe_slots((self.as_slot(),))

    def clean(self):
        super().clean()
        if self.start is not None and self.end is not None and self.end != oh.MIDNIGHT and self.end <= self.start:
            raise ValidationError({"end": _("Het einduur moet na het beginuur liggen.")})

    def as_slot(self) -> oh.Slot:
        return oh.Slot(self.start, self.end, self.appointment_only)


class WeeklySlot(Orderable, SlotFields):
    """A slot of the regular week."""

    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="weekly_slots")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=WEEKDAY_CHOICES)

    panels = [FieldPanel("weekday"), *SlotFields.slot_panels]

    class Meta(Orderable.Meta):
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")


class SpecialPeriod(Orderable, ClusterableModel):
    """A period with other weekly hours, e.g. summer hours: during it only its own slots apply."""

    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="periods")
    name = models.CharField(_("naam"), max_length=255, help_text=_("Bv. 'Zomeruren'. Burgers zien deze naam."))
    start_date = models.DateField(_("van"))
    end_date = models.DateField(_("tot en met"))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        InlinePanel("slots", label=_("tijdslot"), help_text=_("Een dag zonder tijdslot is in deze periode gesloten.")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("periode met andere uren")
        verbose_name_plural = _("periodes met andere uren")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("De einddatum moet op of na de begindatum liggen.")})


class SpecialPeriodSlot(Orderable, SlotFields):
    period = ParentalKey(SpecialPeriod, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=WEEKDAY_CHOICES)

    panels = [FieldPanel("weekday"), *SlotFields.slot_panels]

    class Meta(Orderable.Meta):
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")


class Closure(Orderable):
    """An exceptional closure on a date, or from a date through an end date."""

    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField(_("datum"))
    end_date = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Alleen invullen als de sluiting meer dan één dag duurt.")
    )
    reason = models.CharField(
        _("reden"), max_length=255, help_text=_("Burgers zien de reden, bv. 'Personeelsdag' of 'Verbouwingen'.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzonderlijke sluiting")
        verbose_name_plural = _("uitzonderlijke sluitingen")

    def clean(self):
        super().clean()
        if self.date and self.end_date and self.end_date < self.date:
            raise ValidationError({"end_date": _("De einddatum moet op of na de begindatum liggen.")})


class ExceptionalOpening(Orderable, ClusterableModel):
    """Other hours on one date: an extra opening, or shorter hours that day. It also opens on a public holiday."""

    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="openings")
    date = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=255, help_text=_("Burgers zien de reden."))

    panels = [FieldPanel("date"), FieldPanel("reason"), InlinePanel("slots", label=_("tijdslot"), min_num=1)]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzonderlijke opening")
        verbose_name_plural = _("uitzonderlijke openingen")


class ExceptionalOpeningSlot(Orderable, SlotFields):
    opening = ParentalKey(ExceptionalOpening, on_delete=models.CASCADE, related_name="slots")

    panels = SlotFields.slot_panels

    class Meta(Orderable.Meta):
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")


class LocationIndexPage(Page):
    """ "Locaties": all places where citizens can go, with today's state of each."""

    intro = models.CharField(_("introtekst"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht van locaties")
        verbose_name_plural = _("overzichten van locaties")

    def locations(self):
        """The published locations under this page, with their hours, in a fixed number of queries."""
        return (
            LocationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("opening_hours")
            .prefetch_related(*schedule_prefetches("opening_hours"))
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = self.locations()
        return context


class LocationPage(Page):
    """A place citizens can go to: address, how to get there, accessibility, contact, opening hours."""

    KIND_CHOICES = [
        ("stadhuis", _("stadhuis")),
        ("loket", _("loket")),
        ("dorpshuis", _("dorpshuis")),
        ("recyclagepark", _("recyclagepark")),
        ("digipunt", _("digipunt")),
    ]
    # schema.org type per kind: all have openingHoursSpecification (through Place).
    SCHEMA_TYPES = {"recyclagepark": "RecyclingCenter"}

    kind = models.CharField(_("soort"), max_length=20, choices=KIND_CHOICES)
    intro = models.CharField(
        _("introtekst"), max_length=500, blank=True, help_text=_("Eén of twee zinnen: wat je hier kan doen.")
    )
    street = models.CharField(_("straat"), max_length=255)
    number = models.CharField(_("huisnummer"), max_length=20)
    box = models.CharField(_("bus"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, help_text=_("Vier cijfers, bv. 2800."))
    municipality = models.CharField(_("gemeente"), max_length=100, default="Mechelen")
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Bv. 51.027850. Zoek de plek op openstreetmap.org en kopieer de coördinaten."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Bv. 4.481250."),
    )
    directions = RichTextField(
        _("zo kom je er"),
        blank=True,
        features=["bold", "ol", "ul", "link"],
        help_text=_("Met de bus, trein, fiets, auto."),
    )
    wheelchair_accessible = models.BooleanField(_("toegankelijk met een rolstoel"), default=False)
    hearing_loop = models.BooleanField(_("ringleiding"), default=False)
    accessibility = RichTextField(
        _("toegankelijkheid"),
        blank=True,
        features=["bold", "ol", "ul", "link"],
        help_text=_("Ingang, lift, toilet, hulp ter plaatse."),
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("alternatieve tekst van de foto"),
        max_length=255,
        blank=True,
        help_text=_("Beschrijf wat op de foto staat voor wie ze niet ziet, bv. 'De ingang van het stadhuis'."),
    )
    opening_hours = models.ForeignKey(
        OpeningHours,
        verbose_name=_("openingsuren"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="locations",
        help_text=_("Kies de openingsuren. Je beheert ze bij Fragmenten > Openingsuren, ook voor andere pagina's."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("street"),
        index.SearchField("municipality"),
        index.FilterField("kind"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("street"), FieldPanel("number"), FieldPanel("box")]),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adres"),
        ),
        FieldPanel("directions"),
        MultiFieldPanel(
            [FieldPanel("wheelchair_accessible"), FieldPanel("hearing_loop"), FieldPanel("accessibility")],
            heading=_("Toegankelijkheid"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Foto")),
    ]

    # The JSON API at /api/v2/locations/ (opendata/api/views.py, docs/api.md).
    api_fields = [
        APIField("intro"),
        APIField("kind", serializer=api.KindSerializer(source="*")),
        APIField("address", serializer=api.AddressSerializer(source="*")),
        APIField("latitude", serializer=api.CoordinateField(allow_null=True)),
        APIField("longitude", serializer=api.CoordinateField(allow_null=True)),
        APIField("directions"),
        APIField("accessibility", serializer=api.AccessibilitySerializer(source="*")),
        APIField("contact", serializer=api.LocationContactSerializer(source="*")),
        APIField("opening_hours", serializer=api.OpeningHoursSerializer(allow_null=True)),
        APIField("open_now", serializer=api.OpenNowSerializer(source="opening_hours", allow_null=True)),
    ]

    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Geef een alternatieve tekst voor de foto.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Vul zowel de breedtegraad als de lengtegraad in, of geen van beide.")}
            )

    @property
    def address_line(self) -> str:
        """Grote Markt 21 bus 3"""
        line = f"{self.street} {self.number}".strip()
        return f"{line} {_('bus')} {self.box}" if self.box else line

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def map_url(self) -> str:
        """A plain link to OpenStreetMap; the page itself embeds no map and makes no third-party request."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def hours_with_schedule(self) -> OpeningHours | None:
        """The linked OpeningHours with its schedule prefetched (a fixed number of queries)."""
        if self.opening_hours_id is None:
            return None
        return OpeningHours.objects.with_schedule().filter(pk=self.opening_hours_id).first()

    def structured_data(self, hours: OpeningHours | None, request=None, at: dt.datetime | None = None) -> dict:
        """schema.org JSON-LD of this location: address, geo and opening hours with the special days ahead."""
        data = {
            "@context": "https://schema.org",
            "@type": self.SCHEMA_TYPES.get(self.kind, "GovernmentOffice"),
            "name": self.title,
            "url": self.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address_line,
                "postalCode": self.postcode,
                "addressLocality": self.municipality,
                "addressCountry": "BE",
            },
        }
        if self.intro:
            data["description"] = self.intro
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        data["isAccessibleForFree"] = True
        data["amenityFeature"] = [
            {
                "@type": "LocationFeatureSpecification",
                "name": str(_("Toegankelijk met een rolstoel")),
                "value": self.wheelchair_accessible,
            },
            {"@type": "LocationFeatureSpecification", "name": str(_("Ringleiding")), "value": self.hearing_loop},
        ]
        if hours is not None:
            data["openingHoursSpecification"] = hours.opening_hours_specification(at)
        return data

    def services_offered(self):
        """The live services with a counter channel at this location, A to Z (linked from the services' channels)."""
        from catalog.models import ServicePage

        return (
            ServicePage.objects.live()
            .public()
            .filter(channels__location=self)
            .distinct()
            .order_by("title")
            .only("title", "url_path", "path", "depth")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hours = self.hours_with_schedule()
        now = timezone.now()
        today = oh.local_today(now)
        context["hours"] = hours
        context["structured_data"] = self.structured_data(hours, request, now)
        context["services_here"] = self.services_offered()
        if hours is not None:
            schedule = hours.schedule
            context["week"] = oh.week(schedule, today)
            context["regular_week"] = oh.regular_week(schedule)
            context["periods"] = oh.periods_from(schedule, today)
            context["closures"] = oh.closures_between(schedule, today, today + dt.timedelta(days=365))
            context["openings"] = oh.openings_between(schedule, today, today + dt.timedelta(days=365))
            context["open_on_public_holidays"] = schedule.open_on_public_holidays
        return context
