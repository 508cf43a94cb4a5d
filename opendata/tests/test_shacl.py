"""The exports conform to the official SHACL shapes, and the check fails for a broken export."""

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from catalog.models import ServicePage
from opendata import uris
from opendata.catalogue_export import catalogue_chunks
from opendata.cpsv import service_graph, service_queryset
from opendata.ipdc import snapshot_graph
from opendata.namespaces import CV
from opendata.validation import validate_cpsv, validate_ipdc

pytestmark = pytest.mark.django_db


def _report(result):
    return "\n".join(str(violation) for violation in result.violations[:20])


def test_every_demo_service_conforms_to_cpsv_ap(demo_site):
    services = list(ServicePage.objects.live())
    assert len(services) >= 45
    for service in services:
        result = validate_cpsv(service_graph(service))
        assert result.conforms, f"{service.title}:\n{_report(result)}"


def test_the_catalogue_conforms_to_cpsv_ap(demo_site):
    graph = Graph()
    graph.parse(data="".join(catalogue_chunks()), format="json-ld")
    result = validate_cpsv(graph)
    assert result.conforms, _report(result)
    dataset = URIRef(uris.dataset_uri())
    assert len(list(graph.objects(dataset, DCTERMS.hasPart))) == ServicePage.objects.live().count()


def test_every_demo_service_snapshot_conforms_to_the_ipdc_instance_shape(demo_site):
    for service in service_queryset():
        result = validate_ipdc(snapshot_graph(service))
        assert result.conforms, f"{service.title}:\n{_report(result)}"


def test_a_service_without_identifier_and_with_an_untyped_node_does_not_conform(demo_site):
    service = ServicePage.objects.live().get(external_id="identiteitskaart")
    graph = service_graph(service)
    node = URIRef(uris.service_uri(service))
    assert validate_cpsv(graph).conforms
    graph.remove((node, DCTERMS.identifier, None))
    graph.add((node, CV.hasChannel, BNode()))  # a channel without rdf:type
    result = validate_cpsv(graph)
    assert not result.conforms
    paths = {violation.path for violation in result.violations}
    assert str(DCTERMS.identifier) in paths
    assert str(CV.hasChannel) in paths


def test_an_ipdc_snapshot_with_two_procedures_does_not_conform(demo_site):
    service = service_queryset().get(external_id="identiteitskaart")
    graph = snapshot_graph(service)
    assert validate_ipdc(graph).conforms
    snapshot = next(graph.subjects(DCTERMS.isVersionOf, None))
    rule = next(graph.objects(snapshot, URIRef("http://purl.org/vocab/cpsv#follows")))
    extra = URIRef(f"{rule}-extra")
    for predicate, value in graph.predicate_objects(rule):
        graph.add((extra, predicate, value))
    graph.add((snapshot, URIRef("http://purl.org/vocab/cpsv#follows"), extra))
    graph.set((snapshot, DCTERMS.title, Literal("Zonder taal")))
    result = validate_ipdc(graph)
    assert not result.conforms


def test_ipdc_snapshots_name_local_governments_by_their_lblod_uri_when_set(demo_site):
    """LPDC expects a bestuurseenheid from LBLOD as competent authority; the OVO URI is the fallback."""
    from catalog.models import Organisation
    from opendata.namespaces import PAV

    lblod = URIRef("http://data.lblod.info/id/bestuurseenheden/voorbeeld-mechelen")
    city = Organisation.objects.get(ovo_id=uris.CATALOG_OWNER_OVO)
    service = service_queryset().filter(competent_authority=city).first()
    before = snapshot_graph(service)
    assert set(before.objects(None, PAV.createdBy)) == {URIRef(city.uri)}
    assert set(before.objects(None, CV.hasCompetentAuthority)) == {URIRef(city.uri)}

    city.lblod_uri = str(lblod)
    city.save()
    service = service_queryset().get(pk=service.pk)
    graph = snapshot_graph(service)
    assert set(graph.objects(None, PAV.createdBy)) == {lblod}
    assert set(graph.objects(None, CV.hasCompetentAuthority)) == {lblod}
    result = validate_ipdc(graph)
    assert result.conforms, _report(result)
    # CPSV-AP keeps the organisation register's URI.
    cpsv_node = URIRef(uris.service_uri(service))
    assert set(service_graph(service).objects(cpsv_node, CV.hasCompetentAuthority)) == {URIRef(city.uri)}
