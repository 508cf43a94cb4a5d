"""The catalogue CSV format (docs/catalog-csv.md): its columns, reading and checking a file, and writing the catalogue.

Reading checks everything before anything is written: `read_catalog_csv` returns the rows as clean values and every
error it found, each with its row number (the header is row 1), column, and a Dutch sentence that says what is wrong and
what is expected.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from catalog.durations import format_iso_duration, parse_iso_duration
from catalog.models import Concept, ConceptScheme
from catalog.models.services import ONLINE

from .text import html_to_prose

REQUIRED = ["external_id", "title", "summary", "audiences", "themes"]
COLUMNS = [
    "external_id",
    "title",
    "summary",
    "description",
    "conditions",
    "evidence",
    "procedure",
    "cost_description",
    "cost_amount",
    "processing_time",
    "deadlines",
    "exceptions",
    "legal_basis",
    "keywords",
    "product_type",
    "audiences",
    "themes",
    "life_events",
    "competent_authority_level",
    "executing_authority_level",
    "channels",
    "online_url",
    "department",
    "contact_phone",
    "contact_email",
    "ipdc_product_id",
]
# Vocabulary columns: (code list, several values allowed)
VOCABULARY_COLUMNS = {
    "product_type": (ConceptScheme.PRODUCT_TYPE, False),
    "audiences": (ConceptScheme.AUDIENCE, True),
    "themes": (ConceptScheme.THEME, True),
    "life_events": (ConceptScheme.LIFE_EVENT, True),
    "competent_authority_level": (ConceptScheme.COMPETENT_LEVEL, False),
    "executing_authority_level": (ConceptScheme.EXECUTING_LEVEL, False),
    "channels": (ConceptScheme.CHANNEL_TYPE, True),
}
RICH_TEXT_COLUMNS = ["description", "conditions", "evidence", "procedure", "deadlines", "exceptions", "legal_basis"]
MAX_LENGTHS = {"external_id": 100, "title": 255, "summary": 500, "department": 255, "contact_phone": 40}
EXTERNAL_ID = re.compile(r"^[A-Za-z0-9_-]+$")
AMOUNT = re.compile(r"^\d{1,8}([.,]\d{1,2})?$")


class CatalogFileError(Exception):
    """The file as a whole cannot be read (too large, not UTF-8, not CSV, wrong columns)."""


@dataclass
class RowError:
    row: int
    column: str
    message: str
    kind: str = "rij"  # "dienst" for a JSON-LD file, where services have no row

    def __str__(self):
        where = f"{self.kind} {self.row}" if self.row else "bestand"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class ServiceRow:
    """One service as read from a row, with concepts resolved."""

    row: int
    values: dict
    concepts: dict = field(default_factory=dict)  # column -> list of Concept


def split_values(cell):
    return [value.strip() for value in cell.split(";") if value.strip()]


class VocabularyIndex:
    """Concepts by code list, looked up by code or Dutch label, case-insensitive."""

    def __init__(self):
        self.by_scheme = {}
        for concept in Concept.objects.all():
            index = self.by_scheme.setdefault(concept.scheme, {})
            index.setdefault(concept.code.lower(), concept)
            index.setdefault(concept.label_nl.lower(), concept)

    def get(self, scheme, value):
        return self.by_scheme.get(str(scheme), {}).get(value.lower())

    def examples(self, scheme, count=6):
        codes = sorted({concept.code for concept in self.by_scheme.get(str(scheme), {}).values()})
        text = ", ".join(codes[:count])
        return text + (", ..." if len(codes) > count else "")


def decode(data):
    """The text of a CSV file in UTF-8 (with or without BOM), or CatalogFileError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CatalogFileError(
            f"Het bestand is niet in UTF-8 gecodeerd (ongeldige byte op positie {error.start}). "
            "Bewaar het opnieuw als 'CSV UTF-8' (in Excel: Opslaan als > CSV UTF-8) en probeer opnieuw."
        ) from error


def check_size(size):
    """Refuse a file above settings.CATALOG_IMPORT_MAX_MB before it is read (a service is about 1.6 kB of CSV)."""
    limit = settings.CATALOG_IMPORT_MAX_MB
    if size > limit * 1024 * 1024:
        raise CatalogFileError(
            f"Het bestand is {size / 1024 / 1024:.1f} MB groot; de grens is {limit} MB. "
            "Splits het op in kleinere bestanden."
        )


def read_catalog_csv(data):
    """(rows, errors) for the bytes of a catalogue CSV file; CatalogFileError when the file cannot be read at all."""
    check_size(len(data))
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogFileError("Het bestand is leeg: de eerste rij moet de kolomnamen bevatten.") from None
    except csv.Error as error:
        raise CatalogFileError(f"Het bestand is geen geldig CSV-bestand: {error}.") from error
    header = [name.strip() for name in header]
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    problems = []
    if unknown:
        problems.append(f"Onbekende kolommen: {', '.join(unknown)}. Toegelaten kolommen zijn: {', '.join(COLUMNS)}.")
    if missing:
        problems.append(f"Verplichte kolommen ontbreken: {', '.join(missing)}.")
    if duplicated:
        problems.append(f"Deze kolommen staan er meer dan eens: {', '.join(duplicated)}.")
    if problems:
        raise CatalogFileError(" ".join(problems))

    vocabulary = VocabularyIndex()
    rows, errors, seen = [], [], {}
    number = 1
    try:
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue  # an empty line, as spreadsheets leave at the end
            if len(cells) != len(header):
                errors.append(
                    RowError(number, "", f"Deze rij heeft {len(cells)} cellen, de kopregel {len(header)} kolommen.")
                )
                continue
            values = dict.fromkeys(COLUMNS, "")
            values.update({name: cell.strip() for name, cell in zip(header, cells, strict=True)})
            row = check_row(number, values, vocabulary, errors)
            key = values["external_id"]
            if key:
                if key in seen:
                    errors.append(
                        RowError(
                            number,
                            "external_id",
                            f"'{key}' staat al in rij {seen[key]}. Elke dienst heeft een eigen externe sleutel.",
                        )
                    )
                else:
                    seen[key] = number
            rows.append(row)
    except csv.Error as error:
        errors.append(
            RowError(number + 1, "", f"Deze rij is geen geldige CSV: {error}. Controleer de aanhalingstekens.")
        )
    if not rows and not errors:
        raise CatalogFileError("Het bestand bevat geen diensten: alleen een kopregel.")
    return rows, errors


def check_row(number, values, vocabulary, errors, kind="rij"):
    """Check one row's cells; add what is wrong to `errors`; return a ServiceRow with resolved concepts."""

    def error(column, message):
        errors.append(RowError(number, column, message, kind))

    for column in REQUIRED:
        if not values[column]:
            error(column, "Deze cel is verplicht en is leeg.")
    for column, limit in MAX_LENGTHS.items():
        if len(values[column]) > limit:
            error(column, f"De tekst is {len(values[column])} tekens lang; het maximum is {limit}.")
    if values["external_id"] and not EXTERNAL_ID.match(values["external_id"]):
        error("external_id", f"'{values['external_id']}' mag alleen letters, cijfers, - en _ bevatten.")
    if values["cost_amount"] and not AMOUNT.match(values["cost_amount"]):
        error(
            "cost_amount",
            f"'{values['cost_amount']}' is geen geldig bedrag. Verwacht: een bedrag in euro met . of , en hoogstens "
            "twee decimalen (bv. 20,10), of 0 voor gratis.",
        )
    if values["processing_time"]:
        try:
            parse_iso_duration(values["processing_time"])
        except ValueError as problem:
            error("processing_time", f"{problem} (ISO 8601-duur)")
    if values["online_url"]:
        try:
            URLValidator(schemes=["https"])(values["online_url"])
        except ValidationError:
            error(
                "online_url",
                f"'{values['online_url']}' is geen geldig webadres. Verwacht: een volledig adres dat begint met "
                "https://.",
            )
    if values["contact_email"]:
        try:
            EmailValidator()(values["contact_email"])
        except ValidationError:
            error("contact_email", f"'{values['contact_email']}' is geen geldig e-mailadres.")
    if values["ipdc_product_id"] and not values["ipdc_product_id"].isdigit():
        error("ipdc_product_id", f"'{values['ipdc_product_id']}' is geen productnummer: gebruik alleen cijfers.")

    row = ServiceRow(row=number, values=values)
    for column, (scheme, many) in VOCABULARY_COLUMNS.items():
        cells = split_values(values[column]) if many else ([values[column]] if values[column] else [])
        concepts = []
        for cell in cells:
            concept = vocabulary.get(scheme, cell)
            if concept is None:
                error(
                    column,
                    f"'{cell}' staat niet in de codelijst {scheme.label}. Gebruik een code of Nederlands label, "
                    f"bv. {vocabulary.examples(scheme)}.",
                )
            else:
                concepts.append(concept)
        row.concepts[column] = concepts
    if any(concept.code == ONLINE for concept in row.concepts["channels"]) and not values["online_url"]:
        error("online_url", "Het kanaal Online heeft het adres van het e-loketformulier nodig (https://...).")
    return row


def parse_amount(value):
    try:
        return Decimal(value.replace(",", ".")) if value else None
    except InvalidOperation:  # checked before; kept for callers that skip the check
        return None


# Writing --------------------------------------------------------------------------------------------------------------


def service_to_row(service):
    """The CSV cells of a service (from `cpsv.service_queryset`), the inverse of what the import does."""
    requirement = next(iter(service.requirements.all()), None)
    cost = next(iter(service.costs.all()), None)
    contact = next((link.contact_point for link in service.contact_points.all()), None)
    channels = list(service.channels.all())
    online = next((channel for channel in channels if channel.is_online and channel.url), None)
    channel_codes = []
    for channel in channels:
        if channel.channel_type.code not in channel_codes:
            channel_codes.append(channel.channel_type.code)

    def codes(concepts):
        return ";".join(concept.code for concept in concepts)

    return {
        "external_id": service.external_id,
        "title": service.title,
        "summary": service.summary,
        "description": html_to_prose(service.description),
        "conditions": html_to_prose(requirement.description) if requirement else "",
        "evidence": html_to_prose(requirement.evidence) if requirement else "",
        "procedure": html_to_prose(service.procedure),
        "cost_description": cost.description if cost else "",
        "cost_amount": f"{cost.amount:.2f}".replace(".", ",") if cost and cost.amount is not None else "",
        "processing_time": format_iso_duration(service.processing_time) if service.processing_time else "",
        "deadlines": html_to_prose(service.deadlines),
        "exceptions": html_to_prose(service.exceptions),
        "legal_basis": html_to_prose(service.legal_basis),
        "keywords": ";".join(service.keyword_list),
        "product_type": service.product_type.code if service.product_type else "",
        "audiences": codes(service.audiences.all()),
        "themes": codes(service.themes.all()),
        "life_events": codes(service.life_events.all()),
        "competent_authority_level": (
            service.competent_authority_level.code if service.competent_authority_level else ""
        ),
        "executing_authority_level": (
            service.executing_authority_level.code if service.executing_authority_level else ""
        ),
        "channels": ";".join(channel_codes),
        "online_url": online.url if online else "",
        "department": service.department.name if service.department else "",
        "contact_phone": contact.phone if contact else "",
        "contact_email": contact.email if contact else "",
        "ipdc_product_id": service.ipdc_product_id,
    }


def write_catalog_csv(services, stream):
    """Write services as catalogue CSV (UTF-8 text with a header row) to a text stream."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for service in services:
        writer.writerow(service_to_row(service))
        count += 1
    return count
