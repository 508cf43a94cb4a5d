"""The catalogue as one CPSV-AP JSON-LD document, streamed from per-service fragments kept in the cache.

Building the graph of 10,000 services at once takes minutes and a lot of memory. Instead, each service's JSON-LD nodes
are cached under a key that contains its last publication time (so a publication makes a new key and the old one simply
expires), and the catalogue is written service by service: after a change only the changed services are rebuilt, and
memory stays flat. A node that several services share (a concept, an organisation) appears once per fragment; JSON-LD
merges node objects with the same @id, so the graph is the same as when built at once. Related services are only linked
from a fragment, never described in it: they are described in full by their own fragment.
"""

import hashlib
import json

from django.core.cache import cache
from rdflib import URIRef

from catalog.models import ServicePage

from . import uris
from .cpsv import CpsvBuilder, page_url, service_queryset
from .namespaces import JSONLD_CONTEXT

FRAGMENT_TIMEOUT = 7 * 24 * 60 * 60
BATCH = 500
TITLE = "Producten en diensten van Stad Mechelen"
DESCRIPTION = "Alle producten en diensten van de stad Mechelen, beschreven volgens CPSV-AP 3.2.0."


def _nodes(graph):
    data = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    if "@graph" in data:
        return data["@graph"]
    data.pop("@context", None)
    return [data]


def fragment_key(pk, published_at):
    base = hashlib.sha1(uris.base().encode(), usedforsecurity=False).hexdigest()[:8]
    stamp = published_at.isoformat() if published_at else "-"
    return f"opendata:cpsv:{base}:{pk}:{stamp}"


def service_nodes(service):
    builder = CpsvBuilder(stubs=False)  # related services are described in full elsewhere in the catalogue
    builder.add_service(service, page_url=page_url(service))
    return _nodes(builder.graph)


def catalogue_chunks(queryset=None):
    """The catalogue's JSON-LD text in pieces: context, every service's nodes, the dcat:Dataset."""
    if queryset is None:
        queryset = ServicePage.objects.live().public()
    yield '{"@context": ' + json.dumps(JSONLD_CONTEXT) + ', "@graph": ['
    first = True
    service_uris = []
    rows = list(queryset.order_by("path").values_list("pk", "last_published_at", "external_id"))
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        keys = {pk: fragment_key(pk, published_at) for pk, published_at, _key in batch}
        cached = cache.get_many(list(keys.values()))
        missing = [pk for pk, key in keys.items() if key not in cached]
        if missing:
            fresh = {}
            for service in service_queryset(ServicePage.objects.filter(pk__in=missing)):
                fresh[keys[service.pk]] = service_nodes(service)
            cache.set_many(fresh, FRAGMENT_TIMEOUT)
            cached.update(fresh)
        for pk, _published_at, key in batch:
            service_uris.append(f"{uris.base()}dienst/{key or f'pagina-{pk}'}")
            for node in cached.get(keys[pk], []):
                yield ("" if first else ",\n") + json.dumps(node, ensure_ascii=False)
                first = False
    builder = CpsvBuilder()
    builder.add_dataset([URIRef(uri) for uri in service_uris], title=TITLE, description=DESCRIPTION)
    for node in _nodes(builder.graph):
        yield ("" if first else ",\n") + json.dumps(node, ensure_ascii=False)
        first = False
    yield "]}\n"
