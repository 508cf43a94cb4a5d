"""Write checked catalogue rows as service pages: create or update by external id, all or nothing.

An update is a new revision of the service (published with `publish=True`, otherwise a draft next to the live version).
The CSV's columns set the page's fields, its first requirement, its first cost, its first contact point and its set of
channels; further requirements, costs and contact points, and the details of channels of a type that stays (location,
appointment), are kept.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from catalog.durations import parse_iso_duration
from catalog.models import (
    ContactPoint,
    Department,
    ServiceChannel,
    ServiceContactPoint,
    ServiceCost,
    ServiceIndexPage,
    ServicePage,
    ServiceRequirement,
)
from core.richtext import prose_to_html

from .catalog_csv import parse_amount


class ImportAborted(Exception):
    """Raised inside the transaction to undo a dry run."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    departments_created: list = field(default_factory=list)


def _unique_slug(title, external_id, taken):
    base = slugify(title)[:80] or slugify(external_id)
    slug = base
    if slug in taken:
        slug = f"{base}-{slugify(external_id)}"[:255]
    number = 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


class CatalogImporter:
    def __init__(self, publish=False, user=None, progress=None):
        self.publish = publish
        self.user = user
        self.progress = progress or (lambda done, total: None)
        self.report = ImportReport()
        self._departments = {department.name.lower(): department for department in Department.objects.all()}
        self._contact_points = {}

    def run(self, rows, dry_run=False):
        """Write all rows in one transaction; with `dry_run`, undo it and only report."""
        index = ServiceIndexPage.objects.first()
        if index is None:
            raise ValueError(
                "Er is geen productcatalogus (pagina 'Producten en diensten') om de diensten onder te zetten."
            )
        try:
            # Wagtail updates the reference index on every save of every object (a page, its revision, its parts):
            # most of an import's time. It is updated once per service at the end instead.
            with transaction.atomic(), disable_reference_index_auto_update():
                taken = set(index.get_children().values_list("slug", flat=True))
                existing = {
                    page.external_id: page
                    for page in ServicePage.objects.filter(external_id__in=[row.values["external_id"] for row in rows])
                }
                for done, row in enumerate(rows, start=1):
                    page = existing.get(row.values["external_id"])
                    if page is None:
                        self.create(index, row, taken)
                    else:
                        self.update(page, row)
                    self.progress(done, len(rows))
                if not dry_run:
                    keys = self.report.created + self.report.updated
                    for page in ServicePage.objects.filter(external_id__in=keys).iterator(chunk_size=500):
                        ReferenceIndex.create_or_update_for_object(page)
                if dry_run:
                    raise ImportAborted
        except ImportAborted:
            pass
        return self.report

    # ---------------------------------------------------------------------------------------------------------------

    def department(self, name):
        if not name:
            return None
        department = self._departments.get(name.lower())
        if department is None:
            department = Department.objects.create(name=name)
            self._departments[name.lower()] = department
            self.report.departments_created.append(name)
        return department

    def contact_point(self, phone, email, name):
        key = (phone, email)
        if key not in self._contact_points:
            contact = ContactPoint.objects.filter(phone=phone, email=email, live=True).order_by("pk").first()
            if contact is None:
                contact = ContactPoint(name=name, phone=phone, email=email)
                contact.save()
                revision = contact.save_revision(user=self.user)
                revision.publish(user=self.user)
            self._contact_points[key] = contact
        return self._contact_points[key]

    def apply(self, page, row):
        """Set the page's fields and parts from the row (on an unsaved page or on a revision's page object)."""
        values, concepts = row.values, row.concepts
        page.title = values["title"]
        page.summary = values["summary"]
        page.external_id = values["external_id"]
        page.description = prose_to_html(values["description"])
        page.procedure = prose_to_html(values["procedure"])
        page.deadlines = prose_to_html(values["deadlines"])
        page.exceptions = prose_to_html(values["exceptions"])
        page.legal_basis = prose_to_html(values["legal_basis"])
        page.processing_time = parse_iso_duration(values["processing_time"]) if values["processing_time"] else None
        page.keywords = ", ".join(value.strip() for value in values["keywords"].split(";") if value.strip())
        page.ipdc_product_id = values["ipdc_product_id"]
        page.product_type = next(iter(concepts["product_type"]), None)
        page.competent_authority_level = next(iter(concepts["competent_authority_level"]), None)
        page.executing_authority_level = next(iter(concepts["executing_authority_level"]), None)
        page.department = self.department(values["department"])
        page.audiences = concepts["audiences"]
        page.themes = concepts["themes"]
        page.life_events = concepts["life_events"]
        if not page.search_description:
            page.search_description = values["summary"][:255]

        # The first requirement, cost and contact point come from the row; others stay.
        requirements = list(page.requirements.all())
        if values["conditions"] or values["evidence"]:
            first = requirements[0] if requirements else ServiceRequirement(title="Voorwaarden")
            first.description = prose_to_html(values["conditions"])
            first.evidence = prose_to_html(values["evidence"])
            requirements = [first, *requirements[1:]]
        else:
            requirements = requirements[1:]
        page.requirements = requirements

        costs = list(page.costs.all())
        if values["cost_description"] or values["cost_amount"]:
            first = costs[0] if costs else ServiceCost(label="Kostprijs")
            first.description = values["cost_description"]
            first.amount = parse_amount(values["cost_amount"])
            costs = [first, *costs[1:]]
        else:
            costs = costs[1:]
        page.costs = costs

        links = list(page.contact_points.all())
        if values["contact_phone"] or values["contact_email"]:
            current = links[0].contact_point if links else None
            if current is None or (current.phone, current.email) != (values["contact_phone"], values["contact_email"]):
                contact = self.contact_point(
                    values["contact_phone"], values["contact_email"], values["department"] or values["title"]
                )
                links = [ServiceContactPoint(contact_point=contact), *links[1:]]
        else:
            links = links[1:]
        page.contact_points = links

        # Channels: one per listed type, in the listed order; an existing channel of that type keeps its details.
        existing = {}
        for channel in page.channels.all():
            existing.setdefault(channel.channel_type_id, channel)
        channels = []
        for concept in concepts["channels"]:
            channel = existing.get(concept.pk) or ServiceChannel(channel_type=concept)
            if channel.is_online:
                channel.url = values["online_url"]
            channels.append(channel)
        page.channels = channels

        # Orderables keep the order given here (modelcluster leaves sort_order empty on assigned objects).
        for children in (requirements, costs, links, channels):
            for position, child in enumerate(children):
                child.sort_order = position

    def create(self, index, row, taken):
        page = ServicePage(slug=_unique_slug(row.values["title"], row.values["external_id"], taken))
        self.apply(page, row)
        page.live = False
        page.owner = self.user
        index.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
        self.report.created.append(row.values["external_id"])

    def update(self, page, row):
        latest = page.get_latest_revision_as_object()
        self.apply(latest, row)
        revision = latest.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
        self.report.updated.append(row.values["external_id"])
