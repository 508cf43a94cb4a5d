"""Listing services A to Z with filters (facets) and a letter index, as plain links that work without JavaScript.

The number of SQL queries does not depend on how many services there are: one per facet for the counts, one for the
letters, one to count and one to fetch the page of results. Filters on a concept are subqueries on the many-to-many
tables, never joins: a join repeats a service once per matching concept and needs a DISTINCT over whole page rows,
which made the A to Z index three times slower at 10,000 services (docs/benchmarks.md).
"""

import re
import string
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Lower, Substr, Upper
from django.utils.translation import gettext_lazy as _

from catalog.models.vocabularies import ConceptScheme

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,120}$")
LETTERS = list(string.ascii_uppercase)


@dataclass(frozen=True)
class Facet:
    param: str  # the name in the query string
    scheme: str
    field: str  # the ServicePage field
    label: str


FACETS = (
    Facet("thema", ConceptScheme.THEME, "themes", _("Thema")),
    Facet("doelgroep", ConceptScheme.AUDIENCE, "audiences", _("Doelgroep")),
    Facet("levensgebeurtenis", ConceptScheme.LIFE_EVENT, "life_events", _("Levensgebeurtenis")),
)


def concept_links(field):
    """The link table of a ServicePage many-to-many field to Concept (rows with `servicepage_id` and `concept_id`)."""
    from catalog.models.services import ServicePage

    return ServicePage._meta.get_field(field).remote_field.through.objects.all()


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool
    url: str


class ServiceListing:
    """The services of a listing page after the visitor's filters, with everything the template needs to link onwards.

    `base_services` must hold each service once (select with subqueries, as the index and theme pages do): the listing
    adds no DISTINCT, which is what made it slow at 10,000 services.
    """

    def __init__(self, request, base_services, facets=FACETS):
        self.request = request
        self.facets = facets
        self.selected = {}
        for facet in facets:
            code = request.GET.get(facet.param, "")
            if CODE_PATTERN.match(code):
                self.selected[facet.param] = code
        letter = request.GET.get("letter", "").upper()
        self.letter = letter if letter in LETTERS else ""

        filtered = base_services
        for facet in facets:
            if facet.param in self.selected:
                tagged = concept_links(facet.field).filter(
                    concept__scheme=facet.scheme, concept__code=self.selected[facet.param]
                )
                filtered = filtered.filter(pk__in=tagged.values("servicepage_id"))
        self.filtered = filtered
        services = self.filtered
        if self.letter:
            services = services.filter(title__istartswith=self.letter)
        from catalog.models.services import ServiceChannel

        online = ServiceChannel.objects.filter(page=OuterRef("pk"), channel_type__code="Online").exclude(url="")
        self.services = (
            services.annotate(can_apply_online=Exists(online))
            .order_by(Lower("title"))
            # What a result shows (catalog/includes/service_list.html) and its URL need; not the long texts, which
            # the database would otherwise read for every service it sorts.
            .only("id", "title", "slug", "url_path", "path", "depth", "locale_id", "content_type_id", "summary")
        )
        self.paginator = Paginator(self.services, settings.CATALOG_PAGE_SIZE)
        self.page_obj = self.paginator.get_page(request.GET.get("pagina"))

    @property
    def is_filtered(self):
        return bool(self.selected or self.letter)

    def url_with(self, **changes):
        """The current listing's URL with some parameters changed (None removes one); always back to the first page."""
        params = {**self.selected}
        if self.letter:
            params["letter"] = self.letter
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        params.pop("pagina", None)
        query = urlencode(sorted(params.items()))
        return f"?{query}" if query else "?"

    @property
    def all_letters_url(self):
        return self.url_with(letter=None)

    def page_url(self, number):
        params = {**self.selected}
        if self.letter:
            params["letter"] = self.letter
        params["pagina"] = number
        return "?" + urlencode(sorted(params.items()))

    def facet_groups(self):
        groups = []
        for facet in self.facets:
            # One row per concept with its number of services: a (service, concept) pair is unique in the link table.
            counts = (
                concept_links(facet.field)
                .filter(concept__scheme=facet.scheme, servicepage_id__in=self.filtered.values("pk"))
                .values_list("concept__code", "concept__label_nl")
                .annotate(count=Count("servicepage_id"))
                .order_by("concept__label_nl", "concept__code")
            )
            selected = self.selected.get(facet.param)
            values = [
                FacetValue(
                    code=code,
                    label=label,
                    count=count,
                    selected=code == selected,
                    url=self.url_with(**{facet.param: None if code == selected else code}),
                )
                for code, label, count in counts
            ]
            groups.append({"facet": facet, "values": values, "clear_url": self.url_with(**{facet.param: None})})
        return groups

    def letter_index(self):
        available = set(
            self.filtered.order_by()
            .annotate(first_letter=Upper(Substr("title", 1, 1)))
            .values_list("first_letter", flat=True)
            .distinct()
        )
        return [
            {
                "letter": letter,
                "available": letter in available,
                "selected": letter == self.letter,
                "url": self.url_with(letter=letter),
            }
            for letter in LETTERS
        ]
