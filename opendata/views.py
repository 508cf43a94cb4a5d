"""Open data endpoints: CPSV-AP JSON-LD per service and for the catalogue, IPDC-LPDC snapshots and their LDES feed."""

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from .catalogue_export import catalogue_chunks
from .cpsv import service_graph, to_jsonld
from .models import ServiceSnapshot
from .namespaces import JSONLD_CONTEXT, LDES, TREE, bind_prefixes

JSONLD = "application/ld+json"
TURTLE = "text/turtle"
FEED_PAGE_SIZE = 100


def _jsonld_response(content):
    return HttpResponse(content, content_type=f"{JSONLD}; charset=utf-8")


def service_jsonld(request, service):
    """The CPSV-AP description of one service as JSON-LD."""
    response = _jsonld_response(to_jsonld(service_graph(service)))
    patch_cache_control(response, public=True, max_age=300)
    return response


def negotiate_service(request, service, html):
    """The service page for browsers; its JSON-LD for clients that prefer `application/ld+json`."""
    if request.method in ("GET", "HEAD") and request.get_preferred_type(["text/html", JSONLD]) == JSONLD:
        response = service_jsonld(request, service)
    else:
        response = html()
    patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def catalogue_jsonld(request):
    """Every live service as one CPSV-AP dcat:Dataset, streamed from per-service fragments in the cache."""
    response = StreamingHttpResponse(catalogue_chunks(), content_type=f"{JSONLD}; charset=utf-8")
    patch_cache_control(response, public=True, max_age=300)
    return response


def _wants_jsonld(request):
    return request.get_preferred_type([TURTLE, JSONLD]) == JSONLD


def _rdf_response(request, graph):
    if _wants_jsonld(request):
        response = _jsonld_response(graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    else:
        response = HttpResponse(graph.serialize(format="turtle"), content_type=f"{TURTLE}; charset=utf-8")
    patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def ipdc_snapshot(request, key):
    """The latest IPDC-LPDC snapshot of a live service, by its key (external id, or `pagina-<id>`)."""
    lookup = {"service__external_id": key}
    if key.startswith("pagina-") and key[7:].isdigit():
        lookup = {"service_id": int(key[7:])}
    snapshot = ServiceSnapshot.objects.filter(**lookup, service__live=True).order_by("-generated_at", "-pk").first()
    if snapshot is None:
        raise Http404
    graph = bind_prefixes(Graph())
    graph.parse(data=snapshot.ntriples, format="nt")
    return _rdf_response(request, graph)


def _feed_uri(request, page=None):
    if page is None:
        return request.build_absolute_uri(reverse("opendata:ipdc_feed"))
    return request.build_absolute_uri(reverse("opendata:ipdc_feed_page", args=[page]))


@require_safe
def ipdc_feed(request, page=1):
    """One page of the LDES-style feed of IPDC-LPDC snapshots, oldest first, so the newest are on the last page.

    A full page never changes (it may be cached for long); the last page grows until it is full.
    """
    total = ServiceSnapshot.objects.count()
    pages = max(1, -(-total // FEED_PAGE_SIZE))
    if page < 1 or page > pages:
        raise Http404
    start = (page - 1) * FEED_PAGE_SIZE
    snapshots = list(ServiceSnapshot.objects.order_by("generated_at", "pk")[start : start + FEED_PAGE_SIZE])
    graph = bind_prefixes(Graph())
    stream = URIRef(_feed_uri(request))
    node = URIRef(_feed_uri(request, page))
    graph.add((stream, RDF.type, LDES.EventStream))
    graph.add((stream, LDES.timestampPath, PROV.generatedAtTime))
    graph.add((stream, LDES.versionOfPath, DCTERMS.isVersionOf))
    graph.add((stream, TREE.view, URIRef(_feed_uri(request, 1))))
    graph.add((node, RDF.type, TREE.Node))
    for snapshot in snapshots:
        graph.parse(data=snapshot.ntriples, format="nt")
        graph.add((stream, TREE.member, URIRef(snapshot.uri)))
    if page < pages:
        relation = URIRef(f"{node}#volgende")
        graph.add((node, TREE.relation, relation))
        graph.add((relation, RDF.type, TREE.GreaterThanOrEqualToRelation))
        graph.add((relation, TREE.node, URIRef(_feed_uri(request, page + 1))))
        graph.add((relation, TREE.path, PROV.generatedAtTime))
        graph.add((relation, TREE.value, Literal(snapshots[-1].generated_at.isoformat(), datatype=XSD.dateTime)))
    response = _rdf_response(request, graph)
    if page < pages:
        patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    else:
        patch_cache_control(response, public=True, max_age=60)
    return response
