"""RDF namespaces of CPSV-AP and IPDC-LPDC, and the JSON-LD context our exports are compacted with."""

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

CV = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("http://schema.org/")
LPDC = Namespace("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#")
PS = Namespace("http://vocab.belgif.be/ns/publicservice#")
PAV = Namespace("http://purl.org/pav/")
ADRES = Namespace("https://data.vlaanderen.be/ns/adres#")
TREE = Namespace("https://w3id.org/tree#")
LDES = Namespace("https://w3id.org/ldes#")
HVDM = Namespace("https://catalogus.mechelen.example/ns#")  # our own terms, for what the standards have no property for

EUR = "http://publications.europa.eu/resource/authority/currency/EUR"

PREFIXES = {
    "cv": CV,
    "cpsv": CPSV,
    "dct": DCTERMS,
    "dcat": DCAT,
    "eli": ELI,
    "foaf": FOAF,
    "locn": LOCN,
    "org": ORG,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "sh": SH,
    "schema": SCHEMA,
    "lpdcExt": LPDC,
    "ps": PS,
    "pav": PAV,
    "adres": ADRES,
    "tree": TREE,
    "ldes": LDES,
    "hvdm": HVDM,
}

JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def bind_prefixes(graph):
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
