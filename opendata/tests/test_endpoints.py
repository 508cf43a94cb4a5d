"""The open data endpoints over HTTP, and `manage.py validate_catalog`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from catalog.models import ServicePage
from opendata import uris
from opendata.models import ServiceSnapshot
from opendata.namespaces import CPSV, LDES, TREE
from opendata.validation import validate_cpsv, validate_ipdc

pytestmark = pytest.mark.django_db


def parse_jsonld(response):
    assert response["Content-Type"].startswith("application/ld+json")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    graph = Graph()
    graph.parse(data=content.decode(), format="json-ld")
    return graph


def identity_card():
    return ServicePage.objects.live().get(external_id="identiteitskaart")


def test_service_jsonld_at_cpsv_jsonld(client, demo_site):
    service = identity_card()
    response = client.get(service.url + "cpsv.jsonld")
    assert response.status_code == 200
    graph = parse_jsonld(response)
    assert (URIRef(uris.service_uri(service)), RDF.type, CPSV.PublicService) in graph
    assert validate_cpsv(graph).conforms


def test_service_url_negotiates_jsonld(client, demo_site):
    service = identity_card()
    html = client.get(service.url)
    assert html["Content-Type"].startswith("text/html")
    assert "Accept" in html["Vary"]
    response = client.get(service.url, headers={"accept": "application/ld+json"})
    assert response.status_code == 200
    assert "Accept" in response["Vary"]
    graph = parse_jsonld(response)
    assert (URIRef(uris.service_uri(service)), DCTERMS.title, None) in graph
    # A browser's Accept header still gets the page.
    browser = client.get(service.url, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser["Content-Type"].startswith("text/html")


def test_uris_follow_the_setting(client, demo_site, settings):
    settings.CATALOG_URI_BASE = "https://data.example.org/mechelen/"
    service = identity_card()
    graph = parse_jsonld(client.get(service.url + "cpsv.jsonld"))
    assert (URIRef("https://data.example.org/mechelen/dienst/identiteitskaart"), RDF.type, CPSV.PublicService) in graph


def test_draft_service_has_no_jsonld(client, demo_site):
    service = identity_card()
    service.unpublish()
    assert client.get(service.url_path.replace("/home", "", 1) + "cpsv.jsonld").status_code == 404


def test_catalogue_is_a_conforming_dataset_and_follows_publications(client, demo_site):
    response = client.get("/open-data/catalogus.jsonld")
    assert response.status_code == 200
    graph = parse_jsonld(response)
    assert validate_cpsv(graph).conforms
    dataset = URIRef(uris.dataset_uri())
    parts = set(graph.objects(dataset, DCTERMS.hasPart))
    assert len(parts) == ServicePage.objects.live().count()

    # Unpublishing a service drops it from the (cached) catalogue.
    service = identity_card()
    service.unpublish()
    graph = parse_jsonld(client.get("/open-data/catalogus.jsonld"))
    assert URIRef(uris.service_uri(service)) not in set(graph.objects(dataset, DCTERMS.hasPart))

    # Publishing a change shows in the next response.
    service.refresh_from_db()
    service.title = "Identiteitskaart (eID) aanvragen"
    service.save_revision().publish()
    graph = parse_jsonld(client.get("/open-data/catalogus.jsonld"))
    titles = {str(title) for title in graph.objects(URIRef(uris.service_uri(service)), DCTERMS.title)}
    assert "Identiteitskaart (eID) aanvragen" in titles


def _read(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_catalogue_queries_do_not_grow_with_services(client, demo_site, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        cold = _read(client.get("/open-data/catalogus.jsonld"))
    # Warm: every service's fragment comes from the cache; only the list of services is read.
    with django_assert_max_num_queries(3):
        warm = _read(client.get("/open-data/catalogus.jsonld"))
    assert warm == cold


def test_ipdc_snapshot_of_a_service(client, demo_site):
    response = client.get("/open-data/ipdc/diensten/identiteitskaart")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/turtle")
    graph = Graph()
    graph.parse(data=response.content.decode(), format="turtle")
    assert validate_ipdc(graph).conforms
    jsonld = client.get("/open-data/ipdc/diensten/identiteitskaart", headers={"accept": "application/ld+json"})
    assert validate_ipdc(parse_jsonld(jsonld)).conforms
    assert client.get("/open-data/ipdc/diensten/bestaat-niet").status_code == 404


def test_publishing_adds_a_snapshot_at_the_end_of_the_feed(client, demo_site):
    service = identity_card()
    before = ServiceSnapshot.objects.count()
    service.save_revision().publish()
    service.unpublish()
    assert ServiceSnapshot.objects.count() == before + 2
    newest = ServiceSnapshot.objects.order_by("generated_at", "pk").last()
    assert newest.archived and newest.service_id == service.pk

    first = client.get("/open-data/ipdc/feed")
    assert first.status_code == 200
    graph = Graph()
    graph.parse(data=first.content.decode(), format="turtle")
    stream = next(graph.subjects(RDF.type, LDES.EventStream))
    assert (stream, TREE.view, None) in graph
    # Follow the relations to the last page: the newest snapshot is there, last.
    page, pages = 1, 0
    while True:
        response = client.get(f"/open-data/ipdc/feed/{page}")
        assert response.status_code == 200
        graph = Graph()
        graph.parse(data=response.content.decode(), format="turtle")
        pages += 1
        if (None, TREE.relation, None) not in graph:
            break
        page += 1
    assert URIRef(newest.uri) in set(graph.objects(None, TREE.member))
    assert validate_ipdc(graph).conforms
    assert client.get(f"/open-data/ipdc/feed/{page + 1}").status_code == 404


def test_validate_catalog_command_passes_on_the_demo(demo_site):
    out = StringIO()
    call_command("validate_catalog", stdout=out)
    assert "0 met fouten" in out.getvalue()


def test_validate_catalog_command_reports_what_is_wrong(demo_site):
    service = identity_card()
    # Data the editor's form would refuse, written behind its back: the export leaves the title out, the check says so.
    ServicePage.objects.filter(pk=service.pk).update(title="", summary="", description="")
    out = StringIO()
    with pytest.raises(CommandError, match="1 met fouten"):
        call_command("validate_catalog", stdout=out)
    assert "/dienst/identiteitskaart" in out.getvalue()
    assert "http://purl.org/dc/terms/title" in out.getvalue()
    assert "http://purl.org/dc/terms/description" in out.getvalue()


def test_deleting_a_live_service_adds_an_archived_snapshot(demo_site):
    service = identity_card()
    uri = uris.ipdc_instance_uri(service)
    service.delete()
    newest = ServiceSnapshot.objects.order_by("generated_at", "pk").last()
    assert newest.archived
    assert newest.uri.startswith(uri + "/")
    assert newest.service_id is None
