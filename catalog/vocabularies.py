"""Load the SKOS code lists in catalog/vocabularies/ into `catalog.Concept`, and the reference organisations.

Used by the data migration that fills a new database and by `manage.py load_vocabularies` after a code list is replaced by
a newer release. Loading is idempotent: concepts are matched on their URI and updated in place.
"""

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from catalog.models.vocabularies import ConceptScheme

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabularies"

VOCABULARY_FILES = [
    ("type.ttl", ConceptScheme.PRODUCT_TYPE),
    ("doelgroep.ttl", ConceptScheme.AUDIENCE),
    ("thema.ttl", ConceptScheme.THEME),
    ("bevoegd-bestuursniveau.ttl", ConceptScheme.COMPETENT_LEVEL),
    ("uitvoerend-bestuursniveau.ttl", ConceptScheme.EXECUTING_LEVEL),
    ("publicatie-kanaal.ttl", ConceptScheme.PUBLICATION_CHANNEL),
    ("your-europe-categorie.ttl", ConceptScheme.YOUR_EUROPE),
    ("geografisch-toepassingsgebied.ttl", ConceptScheme.AREA),
    ("extra-gebieden.ttl", ConceptScheme.AREA),
    ("levensgebeurtenissen.ttl", ConceptScheme.LIFE_EVENT),
    ("kanaaltypes.ttl", ConceptScheme.CHANNEL_TYPE),
    ("talen.ttl", ConceptScheme.LANGUAGE),
]

# The organisations the catalogue refers to (shared/standards/README.md), by OVO code. KBO numbers are left for the
# webmaster to fill in from the KBO: we do not guess official identifiers.
REFERENCE_ORGANISATIONS = [
    ("OVO002172", "Stad Mechelen", "https://www.mechelen.be"),
    ("OVO002385", "OCMW Mechelen", "https://www.mechelen.be"),
    ("OVO003125", "IVAREM", "https://www.ivarem.be"),
    ("OVO008237", "FOD Binnenlandse Zaken", "https://www.ibz.be"),
    ("OVO003988", "FOD Justitie", "https://justitie.belgium.be"),
]


def _label(graph, subject, language):
    for label in graph.objects(subject, SKOS.prefLabel):
        if getattr(label, "language", None) == language:
            return str(label)
    return ""


def read_concepts(filename):
    """The concepts of one code list file as dicts: uri, code, label_nl, label_en, broader (a URI or None)."""
    graph = Graph()
    graph.parse(VOCABULARY_DIR / filename, format="turtle")
    broader = {}
    for parent, child in graph.subject_objects(SKOS.narrower):
        broader[str(child)] = str(parent)
    for child, parent in graph.subject_objects(SKOS.broader):
        broader[str(child)] = str(parent)
    concepts = []
    for subject in sorted(graph.subjects(RDF.type, SKOS.Concept), key=str):
        uri = str(subject)
        concepts.append(
            {
                "uri": uri,
                # The code is the last part of the URI, as the catalogue CSV format defines it (a notation such as the
                # NIS code "12025" of Mechelen is not unique across lists).
                "code": uri.rstrip("/").rsplit("/", 1)[-1],
                "label_nl": _label(graph, subject, "nl"),
                "label_en": _label(graph, subject, "en"),
                "broader": broader.get(uri),
            }
        )
    return concepts


def load_vocabularies(concept_model, organisation_model=None):
    """Create or update every concept (and the reference organisations); return how many concepts were loaded."""
    loaded = 0
    pending_broader = []
    for filename, scheme in VOCABULARY_FILES:
        for data in read_concepts(filename):
            concept_model.objects.update_or_create(
                uri=data["uri"],
                defaults={
                    "scheme": str(scheme),
                    "code": data["code"],
                    "label_nl": data["label_nl"] or data["code"],
                    "label_en": data["label_en"],
                },
            )
            if data["broader"]:
                pending_broader.append((data["uri"], data["broader"]))
            loaded += 1
    by_uri = {concept.uri: concept for concept in concept_model.objects.all()}
    for uri, broader_uri in pending_broader:
        concept, parent = by_uri[uri], by_uri.get(broader_uri)
        if parent is not None and concept.broader_id != parent.pk:
            concept.broader = parent
            concept.save(update_fields=["broader"])
    if organisation_model is not None:
        for ovo_id, name, website in REFERENCE_ORGANISATIONS:
            organisation_model.objects.get_or_create(ovo_id=ovo_id, defaults={"name": name, "website": website})
    return loaded
