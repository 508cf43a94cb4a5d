"""Listing services A to Z with filters (facets) and a letter index, as plain links that work without JavaScript.

The number of SQL queries does not depend on how many services there are: one per facet for the counts, one for the
letters, one to count and one to fetch the page of results.
"""

import re
import string
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower, Substr, Upper
from django.utils.translation import gettext_lazy as _

from catalog.models.vocabularies import Concept, ConceptScheme

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,120}$")
LETTERS = list(string.ascii_uppercase)


@dataclass(frozen=True)
class Facet:
    param: str  # the name in the query string
    scheme: str
    field: str  # the ServicePage field
    related_name: str  # the reverse name on Concept
    label: str


FACETS = (
    Facet("thema", ConceptScheme.THEME, "themes", "services_in_theme", _("Thema")),
    Facet("doelgroep", ConceptScheme.AUDIENCE, "audiences", "services_for_audience", _("Doelgroep")),
    Facet(
        "levensgebeurtenis", ConceptScheme.LIFE_EVENT, "life_events", "services_for_life_event", _("Levensgebeurtenis")
    ),
)


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool
    url: str


class ServiceListing:
    """The services of a listing page after the visitor's filters, with everything the template needs to link onwards."""

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
                filtered = filtered.filter(
                    **{f"{facet.field}__code": self.selected[facet.param], f"{facet.field}__scheme": facet.scheme}
                )
        self.filtered = filtered.distinct()
        services = self.filtered
        if self.letter:
            services = services.filter(title__istartswith=self.letter)
        from catalog.models.services import ServiceChannel

        online = ServiceChannel.objects.filter(page=OuterRef("pk"), channel_type__code="Online").exclude(url="")
        self.services = services.annotate(can_apply_online=Exists(online)).order_by(Lower("title"))
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
            related = facet.related_name
            concepts = (
                Concept.objects.filter(scheme=facet.scheme)
                .annotate(
                    count=Count(related, filter=Q(**{f"{related}__in": self.filtered.values("pk")}), distinct=True)
                )
                .filter(count__gt=0)
                .order_by("label_nl")
            )
            selected = self.selected.get(facet.param)
            values = [
                FacetValue(
                    code=concept.code,
                    label=concept.label_nl,
                    count=concept.count,
                    selected=concept.code == selected,
                    url=self.url_with(**{facet.param: None if concept.code == selected else concept.code}),
                )
                for concept in concepts
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
