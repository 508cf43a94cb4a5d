"""IPDC-LPDC instance snapshots of services, for the Flemish product catalogue (what LPDC ingests from a city's own CMS).

An instance allows at most one requirement and one procedure, so the service's requirements are merged into one (with one
evidence), texts carry the language tag `nl-be-x-informal` (we write in the je-vorm), and costs, financial advantages,
legal resources, contact points and websites carry `sh:order`. Texts are HTML, as LPDC shows them.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from catalog.models.organisations import ORGANISATION_URI_BASE

from . import uris
from .namespaces import ADRES, CPSV, CV, ELI, LOCN, LPDC, PAV, PS, SCHEMA, SH, bind_prefixes

INFORMAL = "nl-be-x-informal"


def _text(value):
    return Literal(value, lang=INFORMAL)


def _datetime(value):
    if isinstance(value, datetime):
        moment = value
    else:  # a date: the start of that day in Belgium
        moment = datetime.combine(value, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
    return Literal(moment.isoformat(), datatype=XSD.dateTime)


def _amount(amount):
    return f"€ {amount:.2f}".replace(".", ",")


class SnapshotBuilder:
    """Builds the graph of one snapshot of one service."""

    def __init__(self, service, generated_at=None, archived=False):
        self.service = service
        self.generated_at = generated_at or service.last_published_at or timezone.now()
        self.archived = archived
        self.graph = bind_prefixes(Graph())
        self.node = URIRef(uris.ipdc_snapshot_uri(service, self.generated_at))

    def part(self, kind, number):
        return URIRef(f"{self.node}/{kind}/{number}")

    def add(self, predicate, value):
        self.graph.add((self.node, predicate, value))

    def concept(self, concept):
        node = URIRef(concept.uri)
        self.graph.add((node, RDF.type, SKOS.Concept))
        return node

    @staticmethod
    def owner_uri():
        """The city that publishes the catalogue (pav:createdBy), by its LBLOD URI when the organisation has one."""
        from catalog.models import Organisation

        owner = Organisation.objects.filter(ovo_id=uris.CATALOG_OWNER_OVO).first()
        return owner.ipdc_uri if owner else ORGANISATION_URI_BASE + uris.CATALOG_OWNER_OVO

    def organisation(self, uri):
        node = URIRef(uri)
        self.graph.add((node, RDF.type, CV.PublicOrganisation))
        return node

    def website(self, node, title, url, order):
        graph = self.graph
        graph.add((node, RDF.type, SCHEMA.WebSite))
        graph.add((node, DCTERMS.title, _text(title)))
        graph.add((node, SCHEMA.url, Literal(url)))
        graph.add((node, SH.order, Literal(order, datatype=XSD.integer)))
        return node

    def build(self):
        service, graph = self.service, self.graph
        owner = self.owner_uri()
        self.add(RDF.type, LPDC.InstancePublicServiceSnapshot)
        self.add(DCTERMS.isVersionOf, URIRef(uris.ipdc_instance_uri(service)))
        self.add(PROV.generatedAtTime, _datetime(self.generated_at))
        self.add(PAV.createdBy, self.organisation(owner))
        self.add(SCHEMA.dateCreated, _datetime(service.first_published_at or self.generated_at))
        self.add(SCHEMA.dateModified, _datetime(self.generated_at))
        if self.archived:
            self.add(LPDC.isArchived, Literal(True))
        self.add(DCTERMS.title, _text(service.title))
        if service.title_en:
            self.add(DCTERMS.title, Literal(service.title_en, lang="en"))
        self.add(DCTERMS.description, _text(f"<p>{escape(service.summary)}</p>{service.description}"))
        if service.summary_en:
            self.add(DCTERMS.description, Literal(f"<p>{escape(service.summary_en)}</p>", lang="en"))
        additional = self.additional_description()
        if additional:
            self.add(LPDC.additionalDescription, _text(additional))
        if service.exceptions:
            self.add(LPDC.exception, _text(service.exceptions))
        if service.legal_basis:
            self.add(LPDC.regulation, _text(service.legal_basis))
        for keyword in service.keyword_list:
            self.add(DCAT.keyword, Literal(keyword, lang="nl"))
        if service.valid_from:
            self.add(SCHEMA.startDate, _datetime(service.valid_from))
        if service.valid_until:
            self.add(SCHEMA.endDate, _datetime(service.valid_until))
        if service.ipdc_concept_uri:
            concept = URIRef(service.ipdc_concept_uri)
            graph.add((concept, RDF.type, LPDC.ConceptualPublicService))
            self.add(DCTERMS.source, concept)
        if service.ipdc_product_id:
            self.add(SCHEMA.productID, Literal(service.ipdc_product_id))

        # Classification and authorities
        if service.product_type:
            self.add(DCTERMS.type, self.concept(service.product_type))
        for concept in service.audiences.all():
            self.add(LPDC.targetAudience, self.concept(concept))
        for concept in service.themes.all():
            self.add(CV.thematicArea, self.concept(concept))
        spatial = list(service.spatial.all())
        if spatial:
            for concept in spatial:
                self.add(DCTERMS.spatial, self.concept(concept))
        else:
            self.add(DCTERMS.spatial, self.graph_concept(uris.MECHELEN_LOCATION))
        for concept in service.languages.all():
            self.add(DCTERMS.language, self.concept(concept))
        for concept in service.publication_channels.all():
            self.add(LPDC.publicationMedium, self.concept(concept))
        for concept in service.your_europe_categories.all():
            self.add(LPDC.yourEuropeCategory, self.concept(concept))
        if service.competent_authority_level:
            self.add(LPDC.competentAuthorityLevel, self.concept(service.competent_authority_level))
        if service.executing_authority_level:
            self.add(LPDC.executingAuthorityLevel, self.concept(service.executing_authority_level))
        competent = service.competent_authority or service.executing_authority
        self.add(CV.hasCompetentAuthority, self.organisation(competent.ipdc_uri if competent else owner))
        if service.executing_authority:
            self.add(LPDC.hasExecutingAuthority, self.organisation(service.executing_authority.ipdc_uri))

        self.requirement()
        self.procedure()
        self.costs()
        for order, advantage in enumerate(service.financial_advantages.all(), start=1):
            node = self.part("financieel-voordeel", order)
            graph.add((node, RDF.type, LPDC.FinancialAdvantage))
            graph.add((node, DCTERMS.title, _text(advantage.title)))
            graph.add((node, DCTERMS.description, _text(f"<p>{escape(advantage.description or advantage.title)}</p>")))
            graph.add((node, SH.order, Literal(order, datatype=XSD.integer)))
            self.add(CPSV.produces, node)
        for order, resource in enumerate(service.legal_resources.all(), start=1):
            node = self.part("regelgeving", order)
            graph.add((node, RDF.type, ELI.LegalResource))
            graph.add((node, DCTERMS.title, _text(resource.title)))
            graph.add((node, SCHEMA.url, Literal(resource.url)))
            graph.add((node, SH.order, Literal(order, datatype=XSD.integer)))
            self.add(CV.hasLegalResource, node)
        for order, link in enumerate(service.more_info_links.all(), start=1):
            self.add(RDFS.seeAlso, self.website(self.part("website", order), link.title, link.url, order))
        self.contact_points()
        return graph

    def graph_concept(self, uri):
        node = URIRef(uri)
        self.graph.add((node, RDF.type, SKOS.Concept))
        return node

    def additional_description(self):
        """The extra description and the SDG texts IPDC has no field for (deadlines, sign-in, appeal, payment)."""
        service = self.service
        parts = [service.additional_description]
        for heading, value in [
            ("Termijnen", service.deadlines),
            ("Behandeltermijn", escape(service.processing_time_text)),
            ("Aanmelden", escape(service.authentication)),
            ("Bezwaar en beroep", escape(service.objection)),
            ("Geen antwoord?", escape(service.no_response)),
            ("Betalen", escape(service.payment_methods)),
        ]:
            if value:
                body = value if value.startswith("<") else f"<p>{value}</p>"
                parts.append(f"<h3>{heading}</h3>{body}")
        return "".join(part for part in parts if part)

    def requirement(self):
        requirements = list(self.service.requirements.all())
        if not requirements:
            return
        graph = self.graph
        description = "".join(item.description for item in requirements if item.description)
        evidence = "".join(item.evidence for item in requirements if item.evidence)
        node = self.part("voorwaarde", 1)
        graph.add((node, RDF.type, CV.Requirement))
        graph.add((node, DCTERMS.title, _text(requirements[0].title or "Voorwaarden")))
        graph.add((node, DCTERMS.description, _text(description or "<p>Geen bijzondere voorwaarden.</p>")))
        graph.add((node, SH.order, Literal(1, datatype=XSD.integer)))
        if evidence:
            evidence_node = self.part("bewijsstuk", 1)
            graph.add((evidence_node, RDF.type, CV.Evidence))
            graph.add((evidence_node, DCTERMS.title, _text("Bewijsstukken")))
            graph.add((evidence_node, DCTERMS.description, _text(evidence)))
            graph.add((node, CV.hasSupportingEvidence, evidence_node))
        self.add(PS.hasRequirement, node)

    def procedure(self):
        service, graph = self.service, self.graph
        online = [channel for channel in service.channels.all() if channel.is_online and channel.url]
        if not service.procedure and not online:
            return
        node = self.part("procedure", 1)
        graph.add((node, RDF.type, CPSV.Rule))
        graph.add((node, DCTERMS.title, _text("Procedure")))
        graph.add((node, DCTERMS.description, _text(service.procedure or "<p>Vraag dit online aan.</p>")))
        graph.add((node, SH.order, Literal(1, datatype=XSD.integer)))
        for order, channel in enumerate(online, start=1):
            website = self.website(self.part("procedure-website", order), "Online aanvragen", channel.url, order)
            graph.add((node, LPDC.hasWebsite, website))
        self.add(CPSV.follows, node)

    def costs(self):
        graph = self.graph
        for order, cost in enumerate(self.service.costs.all(), start=1):
            node = self.part("kost", order)
            description = f"<p>{escape(cost.description)}</p>" if cost.description else ""
            if cost.amount is not None:
                description += f"<p>{'Gratis' if cost.amount == 0 else _amount(cost.amount)}</p>"
            graph.add((node, RDF.type, CV.Cost))
            graph.add((node, DCTERMS.title, _text(cost.label)))
            graph.add((node, DCTERMS.description, _text(description or f"<p>{escape(cost.label)}</p>")))
            graph.add((node, SH.order, Literal(order, datatype=XSD.integer)))
            self.add(CV.hasCost, node)

    def contact_points(self):
        graph = self.graph
        live = [link.contact_point for link in self.service.contact_points.all() if link.contact_point.live]
        for order, contact in enumerate(live, start=1):
            node = self.part("contactpunt", order)
            graph.add((node, RDF.type, SCHEMA.ContactPoint))
            graph.add((node, SH.order, Literal(order, datatype=XSD.integer)))
            if contact.email:
                graph.add((node, SCHEMA.email, Literal(contact.email)))
            if contact.phone:
                graph.add((node, SCHEMA.telephone, Literal(contact.phone)))
            if contact.url:
                graph.add((node, SCHEMA.url, Literal(contact.url)))
            if contact.opening_hours_text:
                graph.add((node, SCHEMA.openingHours, Literal(contact.opening_hours_text)))
            if contact.street and contact.number and contact.postcode and contact.municipality:
                address = self.part("adres", order)
                graph.add((address, RDF.type, LOCN.Address))
                graph.add((address, ADRES.Straatnaam, Literal(contact.street, lang="nl")))
                graph.add((address, ADRES["Adresvoorstelling.huisnummer"], Literal(contact.number)))
                if contact.box:
                    graph.add((address, ADRES["Adresvoorstelling.busnummer"], Literal(contact.box)))
                graph.add((address, ADRES.postcode, Literal(contact.postcode)))
                graph.add((address, ADRES.gemeentenaam, Literal(contact.municipality, lang="nl")))
                graph.add((address, ADRES.land, Literal("België", lang="nl")))
                graph.add((node, LPDC.address, address))
            self.add(CV.hasContactPoint, node)


def snapshot_graph(service, generated_at=None, archived=False):
    """The graph of an IPDC-LPDC instance snapshot of a service (from `cpsv.service_queryset` for few queries)."""
    return SnapshotBuilder(service, generated_at=generated_at, archived=archived).build()
