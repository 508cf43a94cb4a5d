"""Load the demo catalogue from catalog/demo_data/*.yaml (see FORMAT.md there) under the site's home page."""

from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from catalog.durations import parse_iso_duration
from catalog.models import (
    Concept,
    ConceptScheme,
    ContactPoint,
    Department,
    LifeEventIndexPage,
    LifeEventPage,
    LifeEventStep,
    Organisation,
    ServiceChannel,
    ServiceContactPoint,
    ServiceCost,
    ServiceFinancialAdvantage,
    ServiceIndexPage,
    ServiceLegalResource,
    ServiceMoreInfoLink,
    ServicePage,
    ServiceRelation,
    ServiceRequirement,
    ThemeIndexPage,
    ThemePage,
    ThemeTopService,
)
from core.richtext import prose_to_html

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
SERVICE_FILES = ["services_a.yaml", "services_b.yaml"]
LANGUAGE_CODES = {"nl": "NLD", "fr": "FRA", "de": "DEU", "en": "ENG"}
MECHELEN = "BE21212025"
# Contact points whose office is one of the demo locations share that location's opening hours.
CONTACT_POINT_LOCATIONS = {"Burgerzaken": "huis-van-de-mechelaar", "Digipunt": "digipunt-bibliotheek"}


def read(filename):
    with open(DEMO_DATA / filename, encoding="utf-8") as file:
        return yaml.safe_load(file)


class Vocabulary:
    """Concepts by scheme and code, fetched once."""

    def __init__(self):
        self.concepts = {(concept.scheme, concept.code): concept for concept in Concept.objects.all()}

    def get(self, scheme, code):
        try:
            return self.concepts[(str(scheme), code)]
        except KeyError as error:
            raise ValueError(f"Unknown code {code!r} in code list {scheme}") from error

    def many(self, scheme, codes):
        return [self.get(scheme, code) for code in codes or []]


def publish(page):
    page.save_revision().publish()


@transaction.atomic
def load_catalog(home, locations):
    """Create the catalogue's departments, contact points, index pages, services, themes and life events.

    `locations` are the demo's location pages by slug, which counter channels link to. Returns the services by slug, for
    other demo loaders (the home page's top tasks).
    """
    vocabulary = Vocabulary()
    organisations = {organisation.ovo_id: organisation for organisation in Organisation.objects.all()}
    departments = {
        item["name"]: Department.objects.create(
            name=item["name"], email=item.get("email", ""), phone=item.get("phone", "")
        )
        for item in read("departments.yaml")["departments"]
    }
    contact_points = {}
    for item in read("contact_points.yaml")["contact_points"]:
        contact_point = ContactPoint(
            name=item["name"],
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            url=item.get("url", ""),
            street=item.get("street", ""),
            number=str(item.get("number", "")),
            postcode=str(item.get("postcode", "")),
            municipality=item.get("municipality", ""),
            opening_hours_text=item.get("opening_hours_text", ""),
        )
        location = locations.get(CONTACT_POINT_LOCATIONS.get(item["name"]))
        if location is not None:
            contact_point.opening_hours = location.opening_hours
        contact_point.save()
        contact_point.save_revision().publish()
        contact_points[item["name"]] = contact_point

    service_index = ServiceIndexPage(
        title="Producten en diensten",
        slug="producten-en-diensten",
        intro="<p>Alles wat je bij de stad kan aanvragen, van A tot Z. Veel kan je meteen online doen.</p>",
        search_description="Alle producten en diensten van de stad Mechelen, van A tot Z.",
        show_in_menus=True,
    )
    home.add_child(instance=service_index)
    publish(service_index)

    services = {}
    service_data = [item for filename in SERVICE_FILES for item in read(filename)["services"]]
    mechelen = vocabulary.get(ConceptScheme.AREA, MECHELEN)
    for item in service_data:
        service = build_service(item, vocabulary, organisations, departments)
        service_index.add_child(instance=service)
        service.spatial.set([mechelen])
        add_service_children(service, item, vocabulary, contact_points, locations)
        service.save()
        publish(service)
        services[item["slug"]] = service
    for item in service_data:
        related = [services[slug] for slug in item.get("related", []) if slug in services]
        if related:
            service = services[item["slug"]]
            for related_service in related:
                service.related_services.add(ServiceRelation(related_service=related_service))
            service.save()
            publish(service)

    load_themes(home, vocabulary, services)
    load_life_events(home, vocabulary, services)
    return services


def build_service(item, vocabulary, organisations, departments):
    duration = item.get("processing_time")
    service = ServicePage(
        title=item["title"],
        slug=item["slug"],
        external_id=item.get("external_id", item["slug"]),
        summary=item["summary"].strip(),
        title_en=item.get("title_en", ""),
        summary_en=(item.get("summary_en") or "").strip(),
        description=prose_to_html(item.get("description")),
        additional_description=prose_to_html(item.get("additional_description")),
        exceptions=prose_to_html(item.get("exceptions")),
        procedure=prose_to_html(item.get("procedure")),
        deadlines=prose_to_html(item.get("deadlines")),
        legal_basis=prose_to_html(item.get("legal_basis")),
        processing_time=parse_iso_duration(duration) if duration else None,
        processing_time_text=item.get("processing_time_text", ""),
        authentication=item.get("authentication", ""),
        objection=item.get("objection", ""),
        no_response=item.get("no_response", ""),
        payment_methods=item.get("payment_methods", ""),
        keywords=", ".join(item.get("keywords", [])),
        ipdc_product_id=str(item.get("ipdc_product_id", "")),
        search_description=item["summary"].strip()[:255],
    )
    if item.get("product_type"):
        service.product_type = vocabulary.get(ConceptScheme.PRODUCT_TYPE, item["product_type"])
    if item.get("competent_authority_level"):
        service.competent_authority_level = vocabulary.get(
            ConceptScheme.COMPETENT_LEVEL, item["competent_authority_level"]
        )
    if item.get("executing_authority_level"):
        service.executing_authority_level = vocabulary.get(
            ConceptScheme.EXECUTING_LEVEL, item["executing_authority_level"]
        )
    service.competent_authority = organisations.get(item.get("competent_authority"))
    service.executing_authority = organisations.get(item.get("executing_authority"))
    service.department = departments.get(item.get("department"))
    service.audiences = vocabulary.many(ConceptScheme.AUDIENCE, item.get("audiences"))
    service.themes = vocabulary.many(ConceptScheme.THEME, item.get("themes"))
    service.life_events = vocabulary.many(ConceptScheme.LIFE_EVENT, item.get("life_events"))
    service.publication_channels = vocabulary.many(ConceptScheme.PUBLICATION_CHANNEL, item.get("publication_channels"))
    service.your_europe_categories = vocabulary.many(ConceptScheme.YOUR_EUROPE, item.get("your_europe_categories"))
    service.languages = vocabulary.many(
        ConceptScheme.LANGUAGE, [LANGUAGE_CODES[code] for code in item.get("languages", ["nl"])]
    )
    return service


def add_service_children(service, item, vocabulary, contact_points, locations):
    if item.get("conditions") or item.get("evidence"):
        service.requirements.add(
            ServiceRequirement(
                title="Voorwaarden",
                description=prose_to_html(item.get("conditions")),
                evidence=prose_to_html(item.get("evidence")),
            )
        )
    for channel in item.get("channels", []):
        location = locations.get(channel.get("location"))
        service.channels.add(
            ServiceChannel(
                channel_type=vocabulary.get(ConceptScheme.CHANNEL_TYPE, channel["type"]),
                url=channel.get("url", ""),
                location=location,
                location_text=location.title if location else "",
                appointment_only=bool(channel.get("appointment_only")),
                description=channel.get("text", ""),
            )
        )
    for cost in item.get("costs", []):
        amount = cost.get("amount")
        service.costs.add(
            ServiceCost(
                label=cost["label"],
                description=cost.get("text", ""),
                amount=Decimal(str(amount)) if amount not in (None, "") else None,
                channel=vocabulary.get(ConceptScheme.CHANNEL_TYPE, cost["channel"]) if cost.get("channel") else None,
            )
        )
    for advantage in item.get("financial_advantages", []):
        service.financial_advantages.add(
            ServiceFinancialAdvantage(title=advantage["title"], description=advantage.get("text", ""))
        )
    for resource in item.get("legal_resources", []):
        service.legal_resources.add(ServiceLegalResource(title=resource["title"], url=resource["url"]))
    for link in item.get("more_info", []):
        service.more_info_links.add(ServiceMoreInfoLink(title=link["title"], url=link["url"]))
    for name in item.get("contact_points", []):
        service.contact_points.add(ServiceContactPoint(contact_point=contact_points[name]))


def load_themes(home, vocabulary, services):
    index = ThemeIndexPage(
        title="Thema's",
        slug="themas",
        intro="<p>Vind de diensten van de stad per onderwerp.</p>",
        search_description="De diensten van de stad Mechelen per thema.",
        show_in_menus=True,
    )
    home.add_child(instance=index)
    publish(index)
    for item in read("themes.yaml")["themes"]:
        theme = ThemePage(
            title=item["title"],
            slug=item["slug"],
            intro=prose_to_html(item.get("intro")),
            search_description=(item.get("intro") or "").strip().split("\n")[0][:255],
        )
        theme.ipdc_themes = vocabulary.many(ConceptScheme.THEME, item.get("ipdc_themes"))
        for slug in item.get("top_services", []):
            theme.top_services.add(ThemeTopService(service=services[slug]))
        index.add_child(instance=theme)
        publish(theme)


def load_life_events(home, vocabulary, services):
    index = LifeEventIndexPage(
        title="Levensgebeurtenissen",
        slug="levensgebeurtenissen",
        intro="<p>Je verhuist, je krijgt een kind, je start een zaak: wat moet je regelen, en in welke volgorde?</p>",
        search_description="Wat je moet regelen bij belangrijke momenten in je leven, stap voor stap.",
    )
    home.add_child(instance=index)
    publish(index)
    for item in read("life_events.yaml")["life_events"]:
        guide = LifeEventPage(
            title=item["title"],
            slug=item["slug"],
            life_event=vocabulary.get(ConceptScheme.LIFE_EVENT, item["life_event"]),
            intro=prose_to_html(item.get("intro")),
            search_description=(item.get("intro") or "").strip().split("\n")[0][:255],
        )
        for step in item.get("steps", []):
            guide.steps.add(LifeEventStep(service=services[step["service"]], note=step.get("note", "")))
        index.add_child(instance=guide)
        publish(guide)
