"""CPSV-AP 3.2.0 graphs of services and of the catalogue (a dcat:Dataset), with rdflib.

Every node a service points to is typed and, where CPSV-AP wants it, identified (see shared/standards/README.md): the
shapes are checked without inference, so a life event is typed cv:Event as well as cv:LifeEvent, an organisation
cv:PublicOrganisation, org:Organization and foaf:Agent, a place dct:Location, a language dct:LinguisticSystem.
"""

from django.db.models import Prefetch
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, RDF, SKOS, XSD

from catalog.durations import format_iso_duration
from catalog.models import Organisation, ServicePage, ServiceRelation

from . import uris
from .namespaces import CPSV, CV, ELI, EUR, JSONLD_CONTEXT, bind_prefixes
from .text import html_to_text

NL = "nl"
EN = "en"
BUSINESS_EVENT_CODES = {"Ondernemen", "OndernemingStarten", "OndernemingStoppen"}


def service_queryset(queryset=None):
    """Live, public services with everything the graph needs fetched in a fixed number of queries."""
    if queryset is None:
        queryset = ServicePage.objects.live().public()
    return (
        queryset.select_related(
            "product_type",
            "competent_authority",
            "competent_authority_level",
            "executing_authority",
            "executing_authority_level",
            "department",
        )
        .prefetch_related(
            "audiences",
            "themes",
            "life_events",
            "spatial",
            "languages",
            "publication_channels",
            "your_europe_categories",
            "channels__channel_type",
            "costs__channel",
            "requirements",
            "financial_advantages",
            "legal_resources",
            "more_info_links",
            "contact_points__contact_point",
            Prefetch(
                "related_services",
                queryset=ServiceRelation.objects.select_related(
                    "related_service", "related_service__competent_authority"
                ),
            ),
        )
        .order_by("path")
    )


class CpsvBuilder:
    """Adds services to one graph; shared nodes (concepts, organisations, contact points) are described once."""

    def __init__(self, graph=None, stubs=True):
        """With `stubs`, related services are described minimally so that one service's graph conforms on its own;
        without, they are only linked (the catalogue describes every service in full)."""
        self.graph = bind_prefixes(graph if graph is not None else Graph())
        self.stubs = stubs
        self._described = set()
        self._owner = None

    # Shared nodes -------------------------------------------------------------------------------------------------

    def owner(self):
        """Stad Mechelen: the default competent authority and the publisher of the dataset."""
        if self._owner is None:
            self._owner = Organisation.objects.filter(ovo_id=uris.CATALOG_OWNER_OVO).first()
        return self._owner

    def concept(self, concept, *types):
        node = URIRef(concept.uri)
        if node not in self._described:
            self._described.add(node)
            self.graph.add((node, RDF.type, SKOS.Concept))
            self.graph.add((node, SKOS.prefLabel, Literal(concept.label_nl, lang=NL)))
            if concept.label_en:
                self.graph.add((node, SKOS.prefLabel, Literal(concept.label_en, lang=EN)))
        for rdf_type in types:
            self.graph.add((node, RDF.type, rdf_type))
        return node

    def location(self, uri, label=None):
        node = URIRef(uri)
        self.graph.add((node, RDF.type, DCTERMS.Location))
        if label:
            self.graph.add((node, SKOS.prefLabel, Literal(label, lang=NL)))
        return node

    def organisation(self, organisation):
        node = URIRef(organisation.uri)
        if node not in self._described:
            self._described.add(node)
            for rdf_type in (CV.PublicOrganisation, ORG.Organization, FOAF.Agent):
                self.graph.add((node, RDF.type, rdf_type))
            self.graph.add((node, DCTERMS.identifier, Literal(organisation.ovo_id)))
            self.graph.add((node, DCTERMS.title, Literal(organisation.name, lang=NL)))
            self.graph.add((node, SKOS.prefLabel, Literal(organisation.name, lang=NL)))
            self.graph.add((node, DCTERMS.spatial, self.location(uris.organisation_area(organisation))))
            if organisation.website:
                self.graph.add((node, FOAF.homepage, URIRef(organisation.website)))
        return node

    def document(self, url, title=None):
        node = URIRef(url)
        self.graph.add((node, RDF.type, FOAF.Document))
        if title:
            self.graph.add((node, DCTERMS.title, Literal(title, lang=NL)))
        return node

    def contact_point(self, contact_point):
        node = URIRef(uris.contact_point_uri(contact_point))
        if node in self._described:
            return node
        self._described.add(node)
        graph = self.graph
        graph.add((node, RDF.type, CV.ContactPoint))
        graph.add((node, DCTERMS.identifier, Literal(str(contact_point.pk))))
        graph.add((node, DCTERMS.title, Literal(contact_point.name, lang=NL)))
        if contact_point.phone:
            graph.add((node, CV.telephone, Literal(contact_point.phone)))
        if contact_point.email:
            graph.add((node, CV.email, Literal(contact_point.email)))
        if contact_point.url:
            graph.add((node, CV.contactPage, self.document(contact_point.url)))
        if contact_point.opening_hours_text:
            graph.add((node, DCTERMS.description, Literal(contact_point.opening_hours_text, lang=NL)))
        return node

    # Services -----------------------------------------------------------------------------------------------------

    def competent_authority(self, service):
        return service.competent_authority or service.executing_authority or self.owner()

    def service_stub(self, service):
        """The minimum a related service needs to conform when it is not described in full in the same graph."""
        node = URIRef(uris.service_uri(service))
        if node in self._described:
            return node
        graph = self.graph
        graph.add((node, RDF.type, CPSV.PublicService))
        graph.add((node, DCTERMS.identifier, Literal(uris.service_key(service))))
        graph.add((node, DCTERMS.title, Literal(service.title, lang=NL)))
        graph.add((node, DCTERMS.description, Literal(service.summary, lang=NL)))
        authority = self.competent_authority(service)
        if authority is not None:
            graph.add((node, CV.hasCompetentAuthority, self.organisation(authority)))
        return node

    def add_service(self, service, page_url=None):
        """Describe one service (a ServicePage from `service_queryset`) in full; return its node."""
        graph = self.graph
        node = URIRef(uris.service_uri(service))
        # A stub added earlier (as someone's related service) is completed, not duplicated.
        graph.remove((node, None, None))
        self._described.add(node)

        def add(predicate, value):
            graph.add((node, predicate, value))

        add(RDF.type, CPSV.PublicService)
        add(DCTERMS.identifier, Literal(uris.service_key(service)))
        if service.title:  # never an empty literal: a missing title must show as missing in the validation
            add(DCTERMS.title, Literal(service.title, lang=NL))
        if service.title_en:
            add(DCTERMS.title, Literal(service.title_en, lang=EN))
        description = "\n\n".join(part for part in [service.summary, html_to_text(service.description)] if part)
        if description:
            add(DCTERMS.description, Literal(description, lang=NL))
        if service.summary_en:
            add(DCTERMS.description, Literal(service.summary_en, lang=EN))
        for keyword in service.keyword_list:
            add(DCAT.keyword, Literal(keyword, lang=NL))
        if page_url:
            add(FOAF.page, self.document(page_url))
        if service.processing_time is not None:
            add(CV.processingTime, Literal(format_iso_duration(service.processing_time), datatype=XSD.duration))
        if service.last_published_at:
            add(DCTERMS.modified, Literal(service.last_published_at.isoformat(), datatype=XSD.dateTime))
        if service.ipdc_concept_uri:
            add(DCTERMS.source, URIRef(service.ipdc_concept_uri))

        # Classification
        if service.product_type:
            add(CV.isClassifiedBy, self.concept(service.product_type))
        for concept in service.audiences.all():
            add(DCTERMS.audience, self.concept(concept))
        for concept in service.themes.all():
            add(CV.thematicArea, self.concept(concept))
        for concept in service.spatial.all():
            add(DCTERMS.spatial, self.concept(concept, DCTERMS.Location))
        for concept in service.languages.all():
            add(DCTERMS.language, self.concept(concept, DCTERMS.LinguisticSystem))
        for concept in service.life_events.all():
            event = self.concept(concept, CV.Event)
            graph.add((event, RDF.type, CV.BusinessEvent if concept.code in BUSINESS_EVENT_CODES else CV.LifeEvent))
            graph.add((event, DCTERMS.identifier, Literal(concept.code)))
            graph.add((event, DCTERMS.title, Literal(concept.label_nl, lang=NL)))
            add(CV.isGroupedBy, event)

        # Authorities
        authority = self.competent_authority(service)
        if authority is not None:
            add(CV.hasCompetentAuthority, self.organisation(authority))
        if service.executing_authority:
            participation = URIRef(uris.part_uri(service, "deelname", 1))
            graph.add((participation, RDF.type, CV.Participation))
            graph.add((participation, DCTERMS.identifier, Literal(f"{uris.service_key(service)}-deelname-1")))
            graph.add(
                (participation, DCTERMS.description, Literal(f"{service.executing_authority.name} voert uit.", lang=NL))
            )
            role = URIRef(uris.executing_role_uri())
            graph.add((role, RDF.type, SKOS.Concept))
            graph.add((role, SKOS.prefLabel, Literal("uitvoerder", lang=NL)))
            graph.add((participation, CV.role, role))
            graph.add((participation, CV.hasParticipant, self.organisation(service.executing_authority)))
            add(CV.hasParticipation, participation)

        self._add_requirements(service, node)
        self._add_procedure(service, node)
        channels = self._add_channels(service, node)
        self._add_costs(service, node, channels)
        for number, advantage in enumerate(service.financial_advantages.all(), start=1):
            output = URIRef(uris.part_uri(service, "resultaat", number))
            graph.add((output, RDF.type, CV.Output))
            graph.add((output, DCTERMS.identifier, Literal(f"{uris.service_key(service)}-resultaat-{number}")))
            graph.add((output, DCTERMS.title, Literal(advantage.title, lang=NL)))
            if advantage.description:
                graph.add((output, DCTERMS.description, Literal(advantage.description, lang=NL)))
            add(CPSV.produces, output)
        for resource in service.legal_resources.all():
            legal = URIRef(resource.url)
            graph.add((legal, RDF.type, ELI.LegalResource))
            graph.add((legal, DCTERMS.title, Literal(resource.title, lang=NL)))
            add(CV.hasLegalResource, legal)
        for link in service.contact_points.all():
            if link.contact_point.live:
                add(CV.contactPoint, self.contact_point(link.contact_point))
        for relation in service.related_services.all():
            related = relation.related_service
            if related.live:
                add(CV.relatedService, self.service_stub(related) if self.stubs else URIRef(uris.service_uri(related)))
        return node

    def _add_requirements(self, service, node):
        graph = self.graph
        key = uris.service_key(service)
        for number, requirement in enumerate(service.requirements.all(), start=1):
            requirement_node = URIRef(uris.part_uri(service, "voorwaarde", number))
            graph.add((requirement_node, RDF.type, CV.Requirement))
            graph.add((requirement_node, DCTERMS.identifier, Literal(f"{key}-voorwaarde-{number}")))
            graph.add((requirement_node, DCTERMS.title, Literal(requirement.title, lang=NL)))
            if requirement.description:
                graph.add(
                    (requirement_node, DCTERMS.description, Literal(html_to_text(requirement.description), lang=NL))
                )
            if requirement.evidence:
                evidence = URIRef(uris.part_uri(service, "bewijsstuk", number))
                graph.add((evidence, RDF.type, CV.Evidence))
                graph.add((evidence, DCTERMS.identifier, Literal(f"{key}-bewijsstuk-{number}")))
                graph.add((evidence, DCTERMS.title, Literal("Bewijsstukken", lang=NL)))
                graph.add((evidence, DCTERMS.description, Literal(html_to_text(requirement.evidence), lang=NL)))
                graph.add((requirement_node, CV.hasSupportingEvidence, evidence))
                graph.add((node, CPSV.hasInput, evidence))
            graph.add((node, CV.holdsRequirement, requirement_node))

    def _add_procedure(self, service, node):
        if not service.procedure:
            return
        graph = self.graph
        rule = URIRef(uris.part_uri(service, "procedure", 1))
        graph.add((rule, RDF.type, CPSV.Rule))
        graph.add((rule, DCTERMS.identifier, Literal(f"{uris.service_key(service)}-procedure-1")))
        graph.add((rule, DCTERMS.title, Literal("Procedure", lang=NL)))
        graph.add((rule, DCTERMS.description, Literal(html_to_text(service.procedure), lang=NL)))
        graph.add((node, CPSV.follows, rule))

    def _add_channels(self, service, node):
        """Add the channels; return their nodes by channel type code, for costs that apply to one channel."""
        graph = self.graph
        by_type = {}
        owner = service.executing_authority or self.competent_authority(service)
        for number, channel in enumerate(service.channels.all(), start=1):
            channel_node = URIRef(uris.part_uri(service, "kanaal", number))
            graph.add((channel_node, RDF.type, CV.Channel))
            graph.add((channel_node, DCTERMS.identifier, Literal(f"{uris.service_key(service)}-kanaal-{number}")))
            graph.add((channel_node, DCTERMS.type, self.concept(channel.channel_type)))
            if channel.url:
                graph.add((channel_node, FOAF.page, self.document(channel.url)))
            text = " ".join(part for part in [channel.location_text, channel.description] if part)
            if channel.appointment_only:
                text = f"{text} Alleen op afspraak.".strip()
            if text:
                graph.add((channel_node, DCTERMS.description, Literal(text, lang=NL)))
            if owner is not None:
                graph.add((channel_node, CV.ownedBy, self.organisation(owner)))
            graph.add((node, CV.hasChannel, channel_node))
            by_type.setdefault(channel.channel_type.code, channel_node)
        return by_type

    def _add_costs(self, service, node, channels):
        graph = self.graph
        for number, cost in enumerate(service.costs.all(), start=1):
            cost_node = URIRef(uris.part_uri(service, "kost", number))
            graph.add((cost_node, RDF.type, CV.Cost))
            graph.add((cost_node, DCTERMS.identifier, Literal(f"{uris.service_key(service)}-kost-{number}")))
            graph.add((cost_node, DCTERMS.title, Literal(cost.label, lang=NL)))
            if cost.description:
                graph.add((cost_node, DCTERMS.description, Literal(cost.description, lang=NL)))
            if cost.amount is not None:
                graph.add((cost_node, CV.hasValue, Literal(float(cost.amount), datatype=XSD.double)))
                currency = URIRef(EUR)
                graph.add((currency, RDF.type, SKOS.Concept))
                graph.add((currency, SKOS.prefLabel, Literal("Euro", lang=NL)))
                graph.add((cost_node, CV.currency, currency))
            if cost.channel_id and cost.channel.code in channels:
                graph.add((cost_node, CV.ifAccessedThrough, channels[cost.channel.code]))
            graph.add((node, CV.hasCost, cost_node))

    # The catalogue ------------------------------------------------------------------------------------------------

    def add_dataset(self, service_nodes, title, description, landing_page=None):
        graph = self.graph
        dataset = URIRef(uris.dataset_uri())
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.identifier, Literal("catalogus")))
        graph.add((dataset, DCTERMS.title, Literal(title, lang=NL)))
        graph.add((dataset, DCTERMS.description, Literal(description, lang=NL)))
        owner = self.owner()
        if owner is not None:
            graph.add((dataset, DCTERMS.publisher, self.organisation(owner)))
        if landing_page:
            graph.add((dataset, DCAT.landingPage, self.document(landing_page)))
        for service_node in service_nodes:
            graph.add((dataset, DCTERMS.hasPart, service_node))
        return dataset


def page_url(service):
    try:
        return service.get_full_url()
    except Exception:  # noqa: BLE001 - a page outside any site has no public URL; the export goes on without it
        return None


def service_graph(service):
    """The CPSV-AP graph of one service (related services as stubs)."""
    service = service_queryset(ServicePage.objects.filter(pk=service.pk)).first() or service
    builder = CpsvBuilder()
    builder.add_service(service, page_url=page_url(service))
    return builder.graph


def to_jsonld(graph):
    return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
