"""The code lists in the database are those in the files, identified by the same URIs."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import Concept, ConceptScheme, Organisation
from catalog.vocabularies import VOCABULARY_FILES, read_concepts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("filename", "scheme"), VOCABULARY_FILES)
def test_concept_uris_in_database_equal_those_in_the_code_list(filename, scheme):
    in_file = {concept["uri"] for concept in read_concepts(filename)}
    in_database = set(Concept.objects.filter(scheme=scheme, uri__in=in_file).values_list("uri", flat=True))
    assert in_file, f"{filename} holds no concepts"
    assert in_database == in_file


def test_each_scheme_holds_only_concepts_from_its_files():
    for scheme in ConceptScheme:
        files = [filename for filename, file_scheme in VOCABULARY_FILES if file_scheme == scheme]
        expected = {concept["uri"] for filename in files for concept in read_concepts(filename)}
        assert set(Concept.objects.filter(scheme=scheme).values_list("uri", flat=True)) == expected


def test_areas_the_city_needs_are_present():
    uris = set(Concept.objects.filter(scheme=ConceptScheme.AREA).values_list("uri", flat=True))
    assert {
        "http://data.europa.eu/nuts/code/BE21212025",  # Mechelen
        "http://data.europa.eu/nuts/code/BE21",  # provincie Antwerpen
        "http://data.europa.eu/nuts/code/BE2",  # Vlaams Gewest
        "http://data.europa.eu/nuts/code/BE",  # België
    } <= uris


def test_concepts_keep_dutch_and_english_labels():
    concept = Concept.objects.get(uri="https://productencatalogus.data.vlaanderen.be/id/concept/Thema/BurgerOverheid")
    assert (concept.code, concept.label_nl, concept.label_en) == (
        "BurgerOverheid",
        "Burger en Overheid",
        "Citizen and Government",
    )


def test_your_europe_categories_are_hierarchical():
    child = Concept.objects.get(scheme=ConceptScheme.YOUR_EUROPE, code="ReizenDocumenten")
    assert child.broader.code == "Reizen"


def test_reference_organisations_are_loaded():
    assert set(Organisation.objects.values_list("ovo_id", flat=True)) >= {
        "OVO002172",
        "OVO002385",
        "OVO003125",
        "OVO008237",
        "OVO003988",
    }


def test_load_vocabularies_twice_changes_nothing():
    before = list(Concept.objects.order_by("uri").values_list("uri", "code", "label_nl", "broader__uri"))
    call_command("load_vocabularies", stdout=StringIO())
    after = list(Concept.objects.order_by("uri").values_list("uri", "code", "label_nl", "broader__uri"))
    assert before == after
