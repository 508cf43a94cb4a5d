"""Read our own CPSV-AP JSON-LD export back as catalogue rows, checked by the same rules as the CSV.

CPSV-AP has no place for some of our fields (authority levels, department, IPDC product number): a JSON-LD import leaves
them empty. The first paragraph of dct:description is the summary, the rest the description, as the export writes them.
"""

import json

from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from catalog.models import Concept

from .catalog_csv import COLUMNS, CatalogFileError, RowError, VocabularyIndex, check_row, check_size, decode
from .namespaces import CPSV, CV

ONLINE_CODE = "Online"


def _text(graph, node, predicate, language="nl"):
    fallback = None
    for value in graph.objects(node, predicate):
        if getattr(value, "language", None) == language:
            return str(value)
        fallback = fallback or str(value)
    return fallback or ""


def _first(graph, node, predicate):
    values = sorted(graph.objects(node, predicate), key=str)
    return values[0] if values else None


def services_in(graph):
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    if datasets:
        return sorted({part for dataset in datasets for part in graph.objects(dataset, DCTERMS.hasPart)}, key=str)
    related = set(graph.objects(None, CV.relatedService))
    return sorted((node for node in graph.subjects(RDF.type, CPSV.PublicService) if node not in related), key=str)


def read_catalog_jsonld(data):
    """(rows, errors) for the bytes of a CPSV-AP JSON-LD file; CatalogFileError when it is not one."""
    check_size(len(data))
    text = decode(data)
    try:
        json.loads(text)
        graph = Graph()
        graph.parse(data=text, format="json-ld")
    except Exception as error:
        raise CatalogFileError(f"Het bestand is geen geldige JSON-LD: {error}.") from error
    nodes = services_in(graph)
    if not nodes:
        raise CatalogFileError(
            "Het bestand bevat geen CPSV-AP-diensten (geen knoop van type cpsv:PublicService). "
            "Gebruik een export van /open-data/catalogus.jsonld of manage.py export_catalog --format jsonld."
        )
    concepts = {concept.uri: concept.code for concept in Concept.objects.all()}

    def codes(values):
        return ";".join(concepts.get(str(value), str(value)) for value in sorted(values, key=str))

    vocabulary = VocabularyIndex()
    rows, errors = [], []
    seen = {}
    for number, node in enumerate(nodes, start=1):
        values = dict.fromkeys(COLUMNS, "")
        values["external_id"] = _text(graph, node, DCTERMS.identifier)
        values["title"] = _text(graph, node, DCTERMS.title)
        summary, _sep, description = _text(graph, node, DCTERMS.description).partition("\n\n")
        values["summary"], values["description"] = summary, description
        values["processing_time"] = str(_first(graph, node, CV.processingTime) or "")
        values["keywords"] = ";".join(sorted(str(keyword) for keyword in graph.objects(node, DCAT.keyword)))
        product_type = _first(graph, node, CV.isClassifiedBy)
        values["product_type"] = codes([product_type]) if product_type else ""
        values["audiences"] = codes(graph.objects(node, DCTERMS.audience))
        values["themes"] = codes(graph.objects(node, CV.thematicArea))
        values["life_events"] = codes(graph.objects(node, CV.isGroupedBy))
        requirement = _first(graph, node, CV.holdsRequirement)
        if requirement is not None:
            values["conditions"] = _text(graph, requirement, DCTERMS.description)
            evidence = _first(graph, requirement, CV.hasSupportingEvidence)
            if evidence is not None:
                values["evidence"] = _text(graph, evidence, DCTERMS.description)
        rule = _first(graph, node, CPSV.follows)
        if rule is not None:
            values["procedure"] = _text(graph, rule, DCTERMS.description)
        cost = _first(graph, node, CV.hasCost)
        if cost is not None:
            values["cost_description"] = _text(graph, cost, DCTERMS.description)
            amount = _first(graph, cost, CV.hasValue)
            values["cost_amount"] = f"{float(amount):.2f}" if amount is not None else ""
        channel_codes = []
        for channel in sorted(graph.objects(node, CV.hasChannel), key=str):
            channel_type = _first(graph, channel, DCTERMS.type)
            code = concepts.get(str(channel_type), str(channel_type)) if channel_type else ""
            if code and code not in channel_codes:
                channel_codes.append(code)
            page = _first(graph, channel, FOAF.page)
            if code == ONLINE_CODE and page is not None:
                values["online_url"] = str(page)
        values["channels"] = ";".join(channel_codes)
        contact = _first(graph, node, CV.contactPoint)
        if contact is not None:
            values["contact_phone"] = str(_first(graph, contact, CV.telephone) or "")
            values["contact_email"] = str(_first(graph, contact, CV.email) or "")
        row = check_row(number, values, vocabulary, errors, kind="dienst")
        key = values["external_id"]
        if key in seen:
            errors.append(RowError(number, "external_id", f"'{key}' komt al voor bij dienst {seen[key]}.", "dienst"))
        elif key:
            seen[key] = number
        rows.append(row)
    return rows, errors
