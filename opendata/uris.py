"""The URIs of our catalogue's records, all built from one setting: `CATALOG_URI_BASE`.

A service is identified by its external id when it has one (stable across sites: an export imported elsewhere keeps its
URIs), otherwise by its page id. Parts of a service (channels, costs, requirements ...) get a URI under the service's URI,
numbered in their order on the page.
"""

from django.conf import settings

# The organisation that publishes the catalogue and creates the IPDC instances.
CATALOG_OWNER_OVO = "OVO002172"  # Stad Mechelen

MECHELEN_LOCATION = "http://data.europa.eu/nuts/code/BE21212025"
BELGIUM_LOCATION = "http://data.europa.eu/nuts/code/BE"

# The area an organisation serves (CPSV-AP wants dct:spatial on a public organisation). Organisations not listed are local.
ORGANISATION_AREA = {
    "OVO008237": BELGIUM_LOCATION,  # FOD Binnenlandse Zaken
    "OVO003988": BELGIUM_LOCATION,  # FOD Justitie
}


def base():
    value = settings.CATALOG_URI_BASE
    return value if value.endswith("/") else value + "/"


def service_key(service):
    return service.external_id or f"pagina-{service.pk}"


def service_uri(service):
    return f"{base()}dienst/{service_key(service)}"


def part_uri(service, kind, number):
    """The URI of the `number`th (from 1) part of a kind ("kanaal", "kost", ...) of a service."""
    return f"{service_uri(service)}/{kind}/{number}"


def contact_point_uri(contact_point):
    return f"{base()}contactpunt/{contact_point.pk}"


def dataset_uri():
    return f"{base()}catalogus"


def executing_role_uri():
    return f"{base()}concept/rol/uitvoerder"


def ipdc_instance_uri(service):
    return f"{base()}ipdc/instantie/{service_key(service)}"


def ipdc_snapshot_uri(service, generated_at):
    return f"{ipdc_instance_uri(service)}/{generated_at.strftime('%Y%m%dT%H%M%S%fZ')}"


def organisation_area(organisation):
    return ORGANISATION_AREA.get(organisation.ovo_id, MECHELEN_LOCATION)
